"""Calendar messages follow iTIP (RFC 5546) so that calendar apps add, update and remove them:
the properties each method requires, ORGANIZER and ATTENDEE, per-registrant UIDs and a
SEQUENCE that goes up with every change and cancellation."""

import datetime

import icalendar
import pytest
from django.conf import settings
from django.core import mail

from literacy.training import services as training
from literacy.training.ics import Method, registration_ics, session_uid, sessions_feed_ics
from literacy.training.models import Registration, TrainingSessionPage

from .conftest import outbox_ics

pytestmark = pytest.mark.django_db

# RFC 5546, 3.2: per method, the VEVENT properties that must appear exactly once, those that
# must appear at least once, and those that must not appear.
EXACTLY_ONCE = {
    Method.PUBLISH: ("DTSTAMP", "DTSTART", "ORGANIZER", "SUMMARY", "UID"),
    Method.REQUEST: ("DTSTAMP", "DTSTART", "ORGANIZER", "SUMMARY", "UID"),
    Method.CANCEL: ("DTSTAMP", "ORGANIZER", "SEQUENCE", "UID"),
}
AT_LEAST_ONCE = {Method.PUBLISH: (), Method.REQUEST: ("ATTENDEE",), Method.CANCEL: ("ATTENDEE",)}
NEVER = {Method.PUBLISH: ("ATTENDEE",), Method.REQUEST: (), Method.CANCEL: ()}


def assert_itip(raw, method):
    """Parse `raw` and check the RFC 5545/5546 rules for `method`; returns its VEVENTs."""
    calendar = icalendar.Calendar.from_ical(raw)
    assert calendar["METHOD"] == method
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    events = calendar.walk("VEVENT")
    assert events
    for event in events:
        for name in EXACTLY_ONCE[method]:
            assert name in event and not isinstance(event[name], list), (method, name)
        for name in AT_LEAST_ONCE[method]:
            assert event.get(name), (method, name)
        for name in NEVER[method]:
            assert name not in event, (method, name)
        assert event.decoded("DTSTAMP").utcoffset() == datetime.timedelta(0)  # DTSTAMP is in UTC
        assert event.decoded("DTEND") > event.decoded("DTSTART")
        organizer = event["ORGANIZER"]
        assert str(organizer) == f"mailto:{settings.TRAINING_EMAIL}"
        assert organizer.params["CN"] == settings.TRAINING_EMAIL_NAME
    if method == Method.CANCEL:
        assert all(event.get("STATUS") in ("CANCELLED", None) for event in events)
    # icalendar's own validation: every component and value round-trips.
    assert icalendar.Calendar.from_ical(calendar.to_ical()) == calendar
    return events


def the_attendee(event):
    attendee = event["ATTENDEE"]
    assert not isinstance(attendee, list), "one attendee: the registrant"
    return attendee


def test_invitation_names_organizer_and_the_registrant(make_session, person):
    session = make_session()
    registration = training.register(session, **person(name="Rita Reporter"))
    [event] = assert_itip(registration_ics(registration), Method.REQUEST)
    attendee = the_attendee(event)
    assert str(attendee) == "mailto:reporter@news.example"
    assert attendee.params["CN"] == "Rita Reporter"
    assert attendee.params["ROLE"] == "REQ-PARTICIPANT"
    assert attendee.params["PARTSTAT"] == "ACCEPTED"
    assert attendee.params["RSVP"] == "FALSE"
    assert event["UID"] == f"training-session-{session.pk}-registration-{registration.pk}@localhost"
    assert event["UID"] == assert_itip(registration_ics(registration), Method.REQUEST)[0]["UID"]  # stable


def test_registration_email_carries_a_conforming_request(make_session, person, committed):
    session = make_session()
    with committed():
        training.register(session, **person())
    [message] = mail.outbox
    assert_itip(outbox_ics(message).to_ical(), Method.REQUEST)
    [attachment] = [a for a in message.attachments if a[0] == "session.ics"]
    assert attachment[2] == "text/calendar; charset=utf-8; method=REQUEST"


@pytest.mark.parametrize("end", ["cancel", "decline"])
def test_ending_a_registration_cancels_with_a_higher_sequence(make_session, person, committed, end):
    session = make_session()
    with committed():
        registration = training.register(session, **person())
    [invitation] = assert_itip(outbox_ics(mail.outbox[-1]).to_ical(), Method.REQUEST)
    with committed():
        training.cancel(registration) if end == "cancel" else training.decline(registration, "Full")
    [cancellation] = assert_itip(outbox_ics(mail.outbox[-1]).to_ical(), Method.CANCEL)
    assert cancellation["UID"] == invitation["UID"]
    assert cancellation["SEQUENCE"] > invitation.get("SEQUENCE", 0)
    assert cancellation["STATUS"] == "CANCELLED"
    assert the_attendee(cancellation).params["PARTSTAT"] == "DECLINED"


def test_registering_again_after_cancelling_is_a_new_entry(make_session, person):
    session = make_session()
    first = training.register(session, **person())
    training.cancel(first)
    first.refresh_from_db()
    [cancelled] = assert_itip(registration_ics(first, Method.CANCEL), Method.CANCEL)
    second = training.register(session, **person())
    [invited] = assert_itip(registration_ics(second), Method.REQUEST)
    assert invited["UID"] != cancelled["UID"]


def test_moving_then_cancelling_a_session_raises_the_sequence_each_time(make_session, person, committed):
    session = make_session()
    with committed():
        registration = training.register(session, **person())
    sequences = [assert_itip(outbox_ics(mail.outbox[-1]).to_ical(), Method.REQUEST)[0].get("SEQUENCE", 0)]
    uids = set()
    for changes, method in (
        ({"starts_at": session.starts_at + datetime.timedelta(hours=2)}, Method.REQUEST),
        ({"venue_name": "Annex"}, Method.REQUEST),
        ({"cancelled": True, "cancellation_note": "The trainer is ill."}, Method.CANCEL),
    ):
        page = TrainingSessionPage.objects.get(pk=session.pk)
        for field, value in changes.items():
            setattr(page, field, value)
        with committed():
            page.save_revision().publish()
        [event] = assert_itip(outbox_ics(mail.outbox[-1]).to_ical(), method)
        sequences.append(event["SEQUENCE"])
        uids.add(str(event["UID"]))
        assert the_attendee(event).params["CN"] == registration.name
    assert sequences == [0, 1, 2, 3]
    assert TrainingSessionPage.objects.get(pk=session.pk).sequence == 3
    assert event["STATUS"] == "CANCELLED"
    assert uids == {f"training-session-{session.pk}-registration-{registration.pk}@localhost"}


def test_registrations_invited_with_the_session_uid_keep_it(make_session, person):
    """Invitations sent before per-registrant UIDs: updates must still reach those entries; an
    ended registration un-invites its one attendee, so that CANCEL carries no STATUS."""
    session = make_session()
    registration = training.register(session, **person())
    Registration.objects.filter(pk=registration.pk).update(shared_calendar_uid=True)
    registration.refresh_from_db()
    [event] = assert_itip(registration_ics(registration), Method.REQUEST)
    assert event["UID"] == session_uid(session)
    training.cancel(registration)
    registration.refresh_from_db()
    [cancel] = assert_itip(registration_ics(registration, Method.CANCEL), Method.CANCEL)
    assert (cancel["UID"], cancel["SEQUENCE"]) == (session_uid(session), 1)
    assert "STATUS" not in cancel


def test_names_cannot_break_out_of_the_attendee_parameter(make_session, person):
    session = make_session()
    registration = training.register(session, **person(name='Rita "R"; ROLE=CHAIR: <x@evil.example>'))
    raw = registration_ics(registration)
    [event] = assert_itip(raw, Method.REQUEST)
    attendee = the_attendee(event)
    assert str(attendee) == "mailto:reporter@news.example"
    assert attendee.params["ROLE"] == "REQ-PARTICIPANT"
    assert "evil.example>" not in str(attendee)


def test_public_feed_publishes_with_an_organizer_and_no_attendee(make_session, person, training_index):
    session = make_session()
    make_session(title="Cancelled", cancelled=True)
    training.register(session, **person())
    events = assert_itip(sessions_feed_ics(training_index.sessions()), Method.PUBLISH)
    assert {str(event["UID"]) for event in events} == {
        session_uid(page) for page in training_index.sessions()
    }
    assert b"news.example" not in sessions_feed_ics(training_index.sessions())
