"""Training's iCalendar files in French and Arabic: the public calendar at the language's own
address, and a registrant's invitation in their language; no English left in our words."""

import icalendar
import pytest
from django.utils.translation import override

from literacy.training import services as training
from literacy.training.ics import Method, registration_ics, sessions_feed_ics
from tests.pages import in_language

pytestmark = pytest.mark.django_db


def calendar_in(client, index, language):
    """GET the index's calendar at its address in ``language`` (its prefix, once addresses carry
    one; the Accept-Language header says the same until then)."""
    with override(language):
        url = in_language(index.url + index.reverse_subpage("calendar"), language)
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content.decode()


def test_the_public_calendar_in_french(client, make_session, training_index):
    make_session(title="Online", format="online", address="", joining_link="https://meet.example/a")
    make_session(title="Gone", cancelled=True, cancellation_note="The trainer is ill.")
    raw = calendar_in(client, training_index, "fr")
    assert "X-WR-CALNAME;LANGUAGE=fr:Sessions de formation\r\n" in raw
    events = {str(e["SUMMARY"]): e for e in icalendar.Calendar.from_ical(raw).walk("VEVENT")}
    assert str(events["Online"]["LOCATION"]).endswith(
        ", En ligne (le lien de connexion est envoyé aux personnes inscrites)"
    )
    assert "Formateur : Ana Trainer (Head of Prices)" in str(events["Gone"]["DESCRIPTION"])
    assert "Annulée : The trainer is ill." in str(events["Gone"]["DESCRIPTION"])
    assert "PRODID:-//Portal//Training sessions//EN\r\n" in raw  # an identifier, not words
    words = raw.replace("-//Portal//Training sessions//EN", "")
    for english in ("Training sessions", "Trainer:", "Cancelled:", "joining link", "meet.example"):
        assert english not in words


def test_the_public_calendar_in_arabic(client, make_session, training_index):
    make_session(title="Hybrid", format="hybrid", joining_link="https://meet.example/h", trainer_role="")
    raw = calendar_in(client, training_index, "ar")
    assert "X-WR-CALNAME;LANGUAGE=ar:الجلسات التدريبية\r\n" in raw
    [event] = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    assert "المدرّب: Ana Trainer" in str(event["DESCRIPTION"])
    assert str(event["LOCATION"]).endswith("عبر الإنترنت (يُرسَل رابط الانضمام إلى المسجّلين)")
    assert "Trainer:" not in str(event["DESCRIPTION"]) and "Online" not in str(event["LOCATION"])


def test_an_invitation_is_written_in_the_active_language(make_session, person):
    """Emails build it inside in_language_of(): the registrant's language is the active one."""
    session = make_session(format="online", address="", joining_link="https://meet.example/a")
    registration = training.register(session, **person())
    with override("fr"):
        raw = registration_ics(registration).decode()
    event = icalendar.Calendar.from_ical(raw).walk("VEVENT")[0]
    assert "Rejoindre en ligne : https://meet.example/a" in str(event["DESCRIPTION"])
    assert str(event["LOCATION"]).endswith(", En ligne : https://meet.example/a")
    assert "Join online" not in raw and "Online:" not in raw
    with override("ar"):
        cancel = registration_ics(registration, Method.CANCEL).decode()
    assert "المدرّب: Ana Trainer (Head of Prices)" in str(
        icalendar.Calendar.from_ical(cancel).walk("VEVENT")[0]["DESCRIPTION"]
    )


def test_a_hostile_calendar_name_is_escaped(make_session, training_index):
    make_session()
    with override("fr"):
        raw = sessions_feed_ics(
            training_index.sessions(), name='<b>A</b>; "x", y\r\nBEGIN:VEVENT\r\nX-INJECTED:yes'
        )
    lines = raw.decode().replace("\r\n ", "").split("\r\n")
    assert [line for line in lines if line.startswith("BEGIN:VEVENT")] == ["BEGIN:VEVENT"]
    assert not [line for line in lines if line.startswith("X-INJECTED")]
    assert 'X-WR-CALNAME;LANGUAGE=fr:<b>A</b>\\; "x"\\, y\\nBEGIN:VEVENT\\nX-INJECTED:yes' in lines
