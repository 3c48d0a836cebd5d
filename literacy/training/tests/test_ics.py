"""iCalendar files: valid, in the session's time zone, escaped, and without secrets in the public feed."""

import datetime
import zoneinfo

import icalendar
import pytest

from literacy.training import services as training
from literacy.training.ics import Method, registration_ics, session_uid, sessions_feed_ics

from .conftest import in_days

pytestmark = pytest.mark.django_db

HOSTILE_TITLE = 'Stats; "quoted", with commas\r\nBEGIN:VEVENT\r\nX-INJECTED:yes\\n'
HOSTILE_ADDRESS = "Room 1; Floor 2,\nEND:VEVENT\nLOCATION:elsewhere"


def only_event(calendar_bytes):
    calendar = icalendar.Calendar.from_ical(calendar_bytes)
    [event] = calendar.walk("VEVENT")
    return calendar, event


def test_invitation_has_time_zone_sequence_uid_and_details(make_session, person):
    starts_at = in_days(20, hour=8)  # 08:00 UTC
    session = make_session(starts_at=starts_at, duration_minutes=150, time_zone="America/Sao_Paulo")
    registration = training.register(session, **person())
    raw = registration_ics(registration)
    calendar, event = only_event(raw)

    assert calendar["METHOD"] == "REQUEST"
    assert calendar["VERSION"] == "2.0"
    [vtimezone] = calendar.walk("VTIMEZONE")
    assert vtimezone["TZID"] == "America/Sao_Paulo"
    for name in ("DTSTART", "DTEND"):
        assert event[name].params["TZID"] == "America/Sao_Paulo"
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == starts_at and start.utcoffset() == datetime.timedelta(hours=-3)
    assert start.tzinfo == zoneinfo.ZoneInfo("America/Sao_Paulo")
    assert end - start == datetime.timedelta(minutes=150)
    assert f"DTSTART;TZID=America/Sao_Paulo:{start:%Y%m%dT%H%M%S}" in raw.decode()
    assert event["SEQUENCE"] == 0
    assert event["UID"] == f"training-session-{session.pk}-registration-{registration.pk}@localhost"
    assert str(event["SUMMARY"]) == session.title
    assert str(event["LOCATION"]) == "Statistics House, 1 Census Street, Capital City"
    assert str(event["URL"]) == f"http://localhost{session.url}"
    assert "Trainer: Ana Trainer (Head of Prices)" in str(event["DESCRIPTION"])
    assert event["STATUS"] == "CONFIRMED"


def test_cancel_matches_the_invitation_and_hides_the_joining_link(make_session, person):
    session = make_session(format="hybrid", joining_link="https://meet.example/j/7")
    registration = training.register(session, **person())
    _, invitation = only_event(registration_ics(registration, Method.REQUEST))
    training.notify_session_changed(session, cancelled=True)
    registration.session.refresh_from_db()
    calendar, cancellation = only_event(registration_ics(registration, Method.CANCEL))
    assert calendar["METHOD"] == "CANCEL"
    assert cancellation["UID"] == invitation["UID"]
    assert (cancellation["SEQUENCE"], invitation["SEQUENCE"]) == (1, 0)
    assert cancellation["STATUS"] == "CANCELLED"
    assert "https://meet.example/j/7" in str(invitation["LOCATION"])
    assert b"meet.example" not in registration_ics(registration, Method.CANCEL)


def test_uid_is_stable_and_names_the_site_host(session):
    assert session_uid(session) == session_uid(session) == f"training-session-{session.pk}@localhost"
    assert (
        session_uid(session, "https://portal.example.org")
        == f"training-session-{session.pk}@portal.example.org"
    )


def content_lines(raw):
    """The calendar's content lines, unfolded (RFC 5545 3.1)."""
    return raw.decode().replace("\r\n ", "").split("\r\n")


def assert_no_injected_lines(lines):
    assert lines.count("BEGIN:VEVENT") == 1
    assert lines.count("END:VEVENT") == 1
    assert not [line for line in lines if line.startswith(("X-INJECTED", "LOCATION:elsewhere"))]


def test_hostile_text_is_escaped_and_round_trips(make_session, person):
    session = make_session(
        title=HOSTILE_TITLE.replace("\r\n", " "),  # a title field holds one line
        summary="Line one\nLine two; with, punctuation\\",
        venue_name='The "Hall", East; Wing',
        address=HOSTILE_ADDRESS,
    )
    registration = training.register(session, **person())
    raw = registration_ics(registration)
    lines = content_lines(raw)

    assert_no_injected_lines(lines)
    assert [line for line in lines if line.startswith("LOCATION")] == [
        'LOCATION:The "Hall"\\, East\\; Wing\\, Room 1\\; Floor 2\\, END:VEVENT LOCATION:elsewhere'
    ]
    assert 'SUMMARY:Stats\\; "quoted"\\, with commas BEGIN:VEVENT X-INJECTED:yes\\\\n' in lines
    [description] = [line for line in lines if line.startswith("DESCRIPTION")]
    assert description.startswith("DESCRIPTION:Line one\\nLine two\\; with\\, punctuation\\\\\\n")

    _, event = only_event(raw)
    assert str(event["SUMMARY"]) == session.title
    assert str(event["LOCATION"]) == 'The "Hall", East; Wing, Room 1; Floor 2, END:VEVENT LOCATION:elsewhere'
    assert str(event["DESCRIPTION"]).startswith("Line one\nLine two; with, punctuation\\\n")


def test_line_breaks_kept_in_a_description_stay_inside_its_value(make_session, person):
    session = make_session(summary=HOSTILE_TITLE)
    registration = training.register(session, **person())
    raw = registration_ics(registration)
    assert_no_injected_lines(content_lines(raw))
    _, event = only_event(raw)
    assert str(event["DESCRIPTION"]).startswith(HOSTILE_TITLE.replace("\r\n", "\n"))


def test_public_feed_publishes_every_session_without_joining_links(make_session):
    upcoming = make_session(
        title="Upcoming", format="online", address="", joining_link="https://meet.example/a"
    )
    past = make_session(title="Past", starts_at=in_days(-30))
    cancelled = make_session(
        title="Cancelled", format="hybrid", joining_link="https://meet.example/b", cancelled=True
    )
    draft = make_session(title="Draft")
    draft.unpublish()

    raw = sessions_feed_ics(upcoming.get_parent().specific.sessions().order_by("starts_at"))
    assert b"meet.example" not in raw
    calendar = icalendar.Calendar.from_ical(raw)
    assert calendar["METHOD"] == "PUBLISH"
    events = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {"Upcoming", "Past", "Cancelled"}
    assert events["Cancelled"]["STATUS"] == "CANCELLED"
    assert events["Upcoming"]["STATUS"] == "CONFIRMED"
    assert "joining link is sent to registered people" in str(events["Upcoming"]["LOCATION"])
    assert events["Past"]["UID"] == f"training-session-{past.pk}@localhost"
    assert {tz["TZID"] for tz in calendar.walk("VTIMEZONE")} == {"Europe/Paris"}
    assert cancelled.pk != upcoming.pk


def test_calendar_route_serves_the_feed(client, make_session, training_index):
    make_session(format="online", address="", joining_link="https://meet.example/secret")
    response = client.get(training_index.url + "calendar/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert b"meet.example" not in response.content
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["METHOD"] == "PUBLISH"
    assert len(calendar.walk("VEVENT")) == 1
