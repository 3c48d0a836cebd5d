"""Release alerts are written in each reader's language at send time, from the data stored at
release: the subject, the figures' numbers (portal.core.formats) and periods."""

from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.translation import gettext

from datasets.models import Observation
from newsletters import alerts
from newsletters.alert_text import alert_in_language, alert_subject, figure_text
from newsletters.models import Sending
from newsletters.rendering import render_alert_email
from newsletters.tests.test_release_alerts import follower, published_dataset
from portal.contacts.models import Contact
from portal.core.formats import format_number

LANGUAGES = ("fr", "ar", "en-gb")


def in_language(language, function, *args):
    with translation.override(language):
        return function(*args)


@pytest.fixture
def readers(db, lists):
    for language in LANGUAGES:
        with translation.override(language):
            follower(f"{language}@example.org", "Prices")


@pytest.fixture
def version(db):
    version = published_dataset()
    Observation.objects.filter(version=version, period="2026-10", area__code="NAT").update(
        value=Decimal("12345.6")
    )
    return version


def send(version, capture):
    with translation.override("en-gb"), capture(execute=True):  # the publisher's language
        return alerts.alert_for_version(version)


def test_each_reader_gets_the_subject_and_figures_in_their_language(
    readers, version, smtp_sink, django_capture_on_commit_callbacks
):
    assert Contact.objects.get(email="ar@example.org").preferred_language == "ar"
    send(version, django_capture_on_commit_callbacks)
    english = smtp_sink.sent_to("en-gb@example.org")[0]
    assert english.subject == "New figures: Consumer prices"
    assert "12,345.6" in english.text and "October 2026" in english.text
    for language in ("fr", "ar"):
        [message] = smtp_sink.sent_to(f"{language}@example.org")
        subject = in_language(language, gettext, "New figures: %(dataset)s") % {"dataset": "Consumer prices"}
        assert message.subject == subject != english.subject
        assert in_language(language, format_number, "12345.6", 1) in message.text
        assert "12,345.6" not in message.text and "October 2026" not in message.text
    french = smtp_sink.sent_to("fr@example.org")[0]
    assert "Nouveaux chiffres" in french.subject and "octobre 2026" in french.text


def test_the_stored_alert_is_data_not_words(version, lists):
    with translation.override("fr"):
        sending = alerts.alert_for_version(version)
    stored = Sending.objects.get(pk=sending.pk).alert
    assert "subject" not in stored
    [figure] = stored["figures"]
    assert figure["number"] == 12345.6 and figure["decimals"] == 1 and figure["period_code"] == "2026-10"
    assert (
        in_language("en-gb", lambda: Sending.objects.get(pk=sending.pk).title)
        == "New figures: Consumer prices"
    )


def test_the_email_is_written_once_per_language_not_per_reader(
    readers, version, smtp_sink, django_capture_on_commit_callbacks, monkeypatch
):
    for n in range(3):
        with translation.override("fr"):
            follower(f"fr{n}@example.org", "Prices")
    written = []
    real = alert_in_language
    monkeypatch.setattr(
        "newsletters.rendering.alert_in_language", lambda alert: written.append(1) or real(alert)
    )
    send(version, django_capture_on_commit_callbacks)
    assert len(smtp_sink.messages) == 6
    assert len(written) == 3


def test_a_revised_version_and_local_alerts_are_in_the_readers_language():
    alert = {"dataset_title": "Prix", "revised": True, "figures": []}
    assert in_language("en-gb", alert_subject, alert) == "Revised figures: Prix"
    assert in_language("fr", alert_subject, alert) != "Revised figures: Prix"
    local = {**alert, "areas": [{"name": "Nord", "figures": [{"number": 1500, "decimals": 0}]}]}
    assert in_language("fr", alert_subject, local) == "Nouveaux chiffres pour Nord : Prix"
    shown = in_language("fr", alert_in_language, local)
    assert shown["areas"][0]["figures"][0]["value"] == in_language("fr", format_number, 1500, 0)


def test_an_unknown_stored_language_gets_english(
    readers, version, smtp_sink, django_capture_on_commit_callbacks
):
    Contact.objects.filter(email="fr@example.org").update(preferred_language="<b>xx</b>")
    send(version, django_capture_on_commit_callbacks)
    [message] = smtp_sink.sent_to("fr@example.org")
    assert message.subject == "New figures: Consumer prices" and "12,345.6" in message.text


def test_a_figure_without_a_number_keeps_its_words():
    missing = {"indicator": "Rents", "value": "not available", "period": "", "number": None, "decimals": 1}
    assert in_language("fr", figure_text, missing)["value"] == "not available"
    assert in_language("fr", figure_text, {"indicator": "Rents"}) == {"indicator": "Rents"}
    assert in_language("fr", figure_text, {"number": "abc", "value": "x"})["value"] == "x"
    assert in_language("fr", figure_text, {"number": 2.5, "decimals": "9"})["value"] == "2,500000"
    assert in_language("fr", figure_text, None) == {}
    assert in_language("fr", alert_in_language, {"figures": [None, "junk"], "areas": ["junk"]})[
        "figures"
    ] == [{}, {}]


def test_an_alert_stored_before_the_data_was_kept_reads_as_it_was_written(version):
    old = {
        "subject": "New figures: Old survey",
        "revised": False,
        "figures": [{"indicator": "Index", "period": "Q3 2026", "value": "101.2", "unit": ""}],
        "topics": ["Prices"],
    }
    sending = Sending.objects.create(alert_version_id=version.pk, alert=old)
    with translation.override("fr"):
        rendered = render_alert_email(sending, preview=True)
    assert rendered.subject == "New figures: Old survey"
    assert "101.2" in rendered.text and "Q3 2026" in rendered.text
    assert alert_subject(None) == "" and alert_subject({"dataset_title": ""}) == ""


def test_hostile_titles_stay_escaped_and_on_one_line():
    alert = {"dataset_title": 'A <script>alert("x")</script>\r\nBcc: x@evil.example', "figures": []}
    subject = in_language("ar", alert_subject, alert)
    assert "\n" not in subject and "\r" not in subject
    assert len(in_language("fr", alert_subject, {"dataset_title": "x" * 500})) == 150
