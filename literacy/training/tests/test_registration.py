"""The registration service: seats, waitlist, approval, refusals, changes, and the user database."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from literacy.training import services as training
from literacy.training.emails import build_registration_email, send_registration_email
from literacy.training.models import Registration, TrainingSessionPage
from portal.contacts.models import Consent, Contact, Touchpoint, TouchpointKind
from portal.core.vocabularies import UserGroup

from .conftest import CONSENT, ics_attachment, outbox_ics

pytestmark = pytest.mark.django_db
Status = Registration.Status


def statuses(session):
    return list(Registration.objects.filter(session=session).order_by("pk").values_list("status", flat=True))


def subjects():
    return [message.subject for message in mail.outbox]


# Seats and the waitlist


def test_seats_then_waitlist_then_promotion_with_emails_over_smtp(make_session, person, committed, smtp_sink):
    session = make_session(capacity=2)
    with committed():
        first = training.register(session, **person("one@news.example"))
        training.register(session, **person("two@news.example"))
        third = training.register(session, **person("three@news.example"))
    assert statuses(session) == [Status.CONFIRMED, Status.CONFIRMED, Status.WAITLISTED]
    assert training.seats_left(session) == 0

    smtp_sink.wait_for(3)
    [confirmation] = smtp_sink.sent_to("one@news.example")
    assert confirmation.subject == f"Your place at {session.title} is confirmed"
    calendar = ics_attachment(confirmation.message)
    assert calendar["METHOD"] == "REQUEST"
    [event] = calendar.walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert event.decoded("DTSTART") == session.starts_at
    assert event["SEQUENCE"] == 0
    [waitlisted] = smtp_sink.sent_to("three@news.example")
    assert "waitlist" in waitlisted.subject
    assert not list(waitlisted.message.iter_attachments()), "the waitlist has no calendar invitation yet"

    smtp_sink.clear()
    with committed():
        training.cancel(first)
    assert statuses(session) == [Status.CANCELLED, Status.CONFIRMED, Status.CONFIRMED]
    smtp_sink.wait_for(2)
    [promoted] = smtp_sink.sent_to("three@news.example")
    assert promoted.subject == f"A place has opened for you at {session.title}"
    assert ics_attachment(promoted.message)["METHOD"] == "REQUEST"
    third.refresh_from_db()
    assert third.token in promoted.text, "the email carries the person's own cancel link"
    [goodbye] = smtp_sink.sent_to("one@news.example")
    cancelled_calendar = ics_attachment(goodbye.message)
    assert cancelled_calendar["METHOD"] == "CANCEL"
    assert cancelled_calendar.walk("VEVENT")[0]["STATUS"] == "CANCELLED"


def test_cancelling_twice_changes_nothing_the_second_time(session, person, committed):
    registration = training.register(session, **person())
    with committed():
        training.cancel(registration)
    assert subjects() == [f"You have cancelled your place at {session.title}"]
    with committed():
        again = training.cancel(registration)
    assert again.status == Status.CANCELLED
    assert len(mail.outbox) == 1


def test_leaving_the_waitlist_promotes_nobody_and_sends_no_calendar_cancel(make_session, person, committed):
    session = make_session(capacity=1)
    training.register(session, **person("one@news.example"))
    waiting = training.register(session, **person("two@news.example"))
    training.register(session, **person("three@news.example"))
    with committed():
        training.cancel(waiting)
    assert statuses(session) == [Status.CONFIRMED, Status.CANCELLED, Status.WAITLISTED]
    [message] = mail.outbox
    assert message.to == ['"Rita Reporter" <two@news.example>']
    assert message.attachments == []


def test_promotion_goes_to_the_person_who_waited_longest(make_session, person, committed):
    session = make_session(capacity=1)
    seated = training.register(session, **person("one@news.example"))
    training.register(session, **person("early@news.example"))
    training.register(session, **person("late@news.example"))
    with committed():
        training.cancel(seated)
    assert Registration.objects.get(email="early@news.example").status == Status.CONFIRMED
    assert Registration.objects.get(email="late@news.example").status == Status.WAITLISTED


def test_nobody_is_promoted_into_a_cancelled_session(make_session, person):
    session = make_session(capacity=1)
    seated = training.register(session, **person("one@news.example"))
    training.register(session, **person("two@news.example"))
    TrainingSessionPage.objects.filter(pk=session.pk).update(cancelled=True)
    training.cancel(seated)
    assert Registration.objects.get(email="two@news.example").status == Status.WAITLISTED


# Approval


def test_approval_flow(make_session, person, committed):
    session = make_session(capacity=1, requires_approval=True)
    with committed():
        first = training.register(session, **person("one@news.example"))
        second = training.register(session, **person("two@news.example"))
    assert statuses(session) == [Status.PENDING, Status.PENDING]
    assert training.seats_left(session) == 1, "a request does not take a seat"
    assert subjects() == [f"We have your request for {session.title}"] * 2
    assert all(message.attachments == [] for message in mail.outbox)

    mail.outbox.clear()
    with committed():
        training.approve(first)
        training.approve(second)
    assert statuses(session) == [Status.CONFIRMED, Status.WAITLISTED]
    assert subjects() == [
        f"Approved: your place at {session.title} is confirmed",
        f"Approved: you are on the waitlist for {session.title}",
    ]
    assert outbox_ics(mail.outbox[0])["METHOD"] == "REQUEST"

    mail.outbox.clear()
    with committed():
        training.approve(first)  # already approved: nothing happens
        training.decline(first, reason="Only accredited media\r\ncan attend this briefing.")
    assert statuses(session) == [Status.DECLINED, Status.CONFIRMED]
    declined, promoted = mail.outbox
    assert declined.subject == f"Your registration for {session.title}"
    assert "Only accredited media" in declined.body
    assert "can attend this briefing." in declined.alternatives[0][0]
    assert outbox_ics(declined)["METHOD"] == "CANCEL", "their invitation is withdrawn"
    assert promoted.to == ['"Rita Reporter" <two@news.example>']

    with pytest.raises(training.RegistrationError, match="declined"):
        training.approve(first)
    mail.outbox.clear()
    with committed():
        training.decline(first)
    assert mail.outbox == [], "declining twice sends nothing"


def test_decline_of_a_pending_request_frees_nothing_and_needs_no_reason(make_session, person, committed):
    session = make_session(requires_approval=True)
    with committed():
        registration = training.register(session, **person())
    mail.outbox.clear()
    with committed():
        training.decline(registration)
    assert statuses(session) == [Status.DECLINED]
    assert "The reason" not in mail.outbox[0].body
    assert mail.outbox[0].attachments == []


def test_a_cancelled_registration_cannot_be_approved_or_declined(make_session, person):
    session = make_session(requires_approval=True)
    registration = training.register(session, **person())
    training.cancel(registration)
    with pytest.raises(training.RegistrationError):
        training.approve(registration)
    with pytest.raises(training.RegistrationError):
        training.decline(registration)


# Refusals


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"registration_deadline": timezone.now() - datetime.timedelta(hours=1)}, "Registration closed on"),
        (
            {
                "starts_at": timezone.now() - datetime.timedelta(minutes=30),
                "registration_deadline": timezone.now() - datetime.timedelta(days=1),
            },
            "has started",
        ),
        ({"starts_at": timezone.now() - datetime.timedelta(days=3)}, "already taken place"),
        ({"cancelled": True}, "cancelled"),
    ],
    ids=["after-deadline", "started", "past", "cancelled"],
)
def test_closed_sessions_refuse_and_record_nothing(make_session, person, committed, fields, message):
    session = make_session(**fields)
    with committed(), pytest.raises(training.RegistrationClosed, match=message) as refused:
        training.register(session, **person())
    assert isinstance(refused.value, training.RegistrationError)
    assert isinstance(refused.value, ValueError)
    assert not Registration.objects.exists()
    assert not Contact.objects.filter(email="reporter@news.example").exists()
    assert mail.outbox == []


def test_same_email_in_another_case_is_already_registered(session, person, committed):
    first = training.register(session, **person("reporter@news.example"))
    with committed(), pytest.raises(training.AlreadyRegistered, match="already registered"):
        training.register(session, **person("  Reporter@NEWS.example "))
    assert Registration.objects.count() == 1
    assert Touchpoint.objects.filter(contact__email="reporter@news.example").count() == 1
    assert mail.outbox == []

    training.cancel(first)
    again = training.register(session, **person("Reporter@News.Example"))
    assert again.status == Status.CONFIRMED, "after cancelling, they may register again"


def test_the_database_constraint_backs_up_the_duplicate_check(session, person, monkeypatch):
    """Even if two requests both pass the check, the partial unique constraint refuses the second."""
    training.register(session, **person())
    monkeypatch.setattr(
        training.Registration.objects, "filter", lambda *args, **kwargs: Registration.objects.none()
    )
    with pytest.raises(training.AlreadyRegistered):
        training.register(session, **person())


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"email": "not-an-address"}, "email address"),
        ({"email": "a@b.example\r\nBcc: victim@example.org"}, "email address"),
        ({"name": " \r\n "}, "name"),
        ({"consent_wording": ""}, "consent"),
    ],
)
def test_bad_input_is_refused_with_a_message(session, person, fields, message):
    with pytest.raises(training.RegistrationError, match=message):
        training.register(session, **person(**fields))
    assert not Registration.objects.exists()


# Emails: header injection and the one sending function


def test_line_breaks_in_a_name_or_title_never_reach_the_headers(make_session, person, committed, smtp_sink):
    session = make_session(title="Budget briefing\r\nBcc: victim@example.org")
    with committed():
        registration = training.register(
            session, **person(name='Eve\r\nBcc: victim@example.org\r\n"Mallory" <m@evil.example>')
        )
    [received] = smtp_sink.wait_for(1)
    assert received.rcpt_tos == ("reporter@news.example",)
    assert received.message["Bcc"] is None
    assert "\n" not in received.subject and "\r" not in received.subject
    assert received.subject == "Your place at Budget briefing Bcc: victim@example.org is confirmed"
    assert received.message["To"].addresses[0].addr_spec == "reporter@news.example"
    assert registration.name == 'Eve Bcc: victim@example.org "Mallory" <m@evil.example>'


def test_email_has_text_and_html_and_absolute_links(session, person):
    registration = training.register(session, **person(name="Ana <b>Bold</b>"))
    message = build_registration_email(registration, "confirmed")
    html = message.alternatives[0][0]
    cancel_url = f"http://localhost{session.url}cancel/{registration.token}/"
    assert cancel_url in message.body
    assert f'href="{cancel_url}"' in html
    assert "Dear Ana <b>Bold</b>," in message.body, "plain text is not HTML-escaped"
    assert "Dear Ana &lt;b&gt;Bold&lt;/b&gt;," in html
    assert "Tuesday" in message.body or "day" in message.body
    assert "(Europe/Paris time" in message.body


@pytest.mark.parametrize("kind", ["../../base", "Confirmed", "confirmed.txt", ""])
def test_only_template_names_are_accepted_as_kinds(session, person, kind):
    registration = training.register(session, **person())
    with pytest.raises(ValueError, match="kind"):
        send_registration_email(registration, kind)


def test_unknown_ics_method_is_refused(session, person):
    registration = training.register(session, **person())
    with pytest.raises(ValueError, match="method"):
        send_registration_email(registration, "confirmed", ics_method="PUBLISH")


def test_the_joining_link_goes_only_to_people_with_a_seat(make_session, person, committed):
    session = make_session(
        format="online", address="", venue_name="", capacity=1, joining_link="https://meet.example/j/42"
    )
    with committed():
        training.register(session, **person("one@news.example"))
        training.register(session, **person("two@news.example"))
    confirmed, waitlisted = mail.outbox
    assert "https://meet.example/j/42" in confirmed.body
    assert "https://meet.example/j/42" in outbox_ics(confirmed).walk("VEVENT")[0]["LOCATION"]
    assert "https://meet.example/j/42" not in waitlisted.body
    assert "https://meet.example/j/42" not in waitlisted.alternatives[0][0]


# The user database


def test_registration_records_the_person_touchpoint_consent_and_media_group(session, person):
    assert session.audience == UserGroup.MEDIA
    training.register(session, **person(source="http://localhost/en/training/session-1/"))
    contact = Contact.objects.get(email="reporter@news.example")
    assert (contact.name, contact.organisation, contact.user_group) == (
        "Rita Reporter",
        "Daily News",
        "media",
    )
    touchpoint = contact.touchpoints.get()
    assert touchpoint.kind == TouchpointKind.TRAINING_REGISTRATION
    assert touchpoint.source == "http://localhost/en/training/session-1/"
    assert session.title in touchpoint.detail
    consent = Consent.objects.get(contact=contact)
    assert (consent.purpose, consent.wording, consent.granted) == ("training_registration", CONSENT, True)
    assert Registration.objects.get().contact == contact


def test_a_given_user_group_is_kept_else_the_sessions_audience_is_the_default(make_session, person):
    journalists = make_session()
    teachers = make_session(audience=UserGroup.TEACHERS_AND_STUDENTS)
    everyone = make_session(audience="")
    training.register(journalists, **person("r@uni.example", user_group="researchers"))
    training.register(teachers, **person("t@school.example"))
    training.register(everyone, **person("e@home.example"))
    assert Contact.objects.get(email="r@uni.example").user_group == "researchers"
    assert Contact.objects.get(email="t@school.example").user_group == "teachers_and_students"
    assert Registration.objects.get(email="t@school.example").user_group == "teachers_and_students"
    assert Contact.objects.get(email="e@home.example").user_group == ""


# Changes to a session


def publish(session, **changes):
    page = TrainingSessionPage.objects.get(pk=session.pk)
    for field, value in changes.items():
        setattr(page, field, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_moving_a_session_bumps_sequence_and_tells_every_active_registrant(
    make_session, person, committed, smtp_sink
):
    session = make_session(capacity=2)
    for address in ("one@news.example", "two@news.example", "wait@news.example", "gone@news.example"):
        training.register(session, **person(address))
    training.cancel(Registration.objects.get(email="gone@news.example"))
    assert statuses(session) == [Status.CONFIRMED, Status.CONFIRMED, Status.WAITLISTED, Status.CANCELLED]

    new_start = session.starts_at + datetime.timedelta(days=1, hours=2)
    with committed():
        moved = publish(session, starts_at=new_start)
    assert moved.sequence == 1
    received = smtp_sink.wait_for(3)
    assert sorted(r for message in received for r in message.rcpt_tos) == [
        "one@news.example",
        "two@news.example",
        "wait@news.example",
    ]
    for address in ("one@news.example", "two@news.example"):
        [message] = smtp_sink.sent_to(address)
        assert message.subject == f"Changed: {session.title}"
        calendar = ics_attachment(message.message)
        assert calendar["METHOD"] == "REQUEST"
        [event] = calendar.walk("VEVENT")
        assert event["SEQUENCE"] == 1
        assert event.decoded("DTSTART") == new_start
        assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    [waiting] = smtp_sink.sent_to("wait@news.example")
    assert not list(waiting.message.iter_attachments())

    smtp_sink.clear()
    with committed():
        cancelled = publish(
            session, cancelled=True, cancellation_note="The trainer is ill; we will reschedule."
        )
    assert cancelled.sequence == 2
    smtp_sink.wait_for(3)
    [message] = smtp_sink.sent_to("one@news.example")
    assert message.subject == f"Cancelled: {session.title}"
    assert "The trainer is ill" in message.text
    calendar = ics_attachment(message.message)
    assert calendar["METHOD"] == "CANCEL"
    [event] = calendar.walk("VEVENT")
    assert (event["STATUS"], event["SEQUENCE"]) == ("CANCELLED", 2)


@pytest.mark.parametrize(
    "changes",
    [
        {"duration_minutes": 150},
        {"time_zone": "Europe/Lisbon"},
        {"venue_name": "Annex"},
        {"address": "2 Census Street"},
        {"joining_link": "https://meet.example/new"},
    ],
)
def test_each_change_that_matters_is_announced(session, person, committed, changes):
    training.register(session, **person())
    mail.outbox.clear()
    with committed():
        publish(session, **changes)
    assert subjects() == [f"Changed: {session.title}"]


def test_other_edits_announce_nothing(session, person, committed):
    training.register(session, **person())
    mail.outbox.clear()
    with committed():
        edited = publish(session, summary="A clearer summary.", trainer_name="Another Trainer")
    assert edited.sequence == 0
    assert mail.outbox == []


def test_publishing_an_older_draft_never_lowers_the_sequence(session, person):
    training.register(session, **person())
    old_revision = TrainingSessionPage.objects.get(pk=session.pk).save_revision()
    moved = publish(session, starts_at=session.starts_at + datetime.timedelta(hours=1))
    assert moved.sequence == 1
    old_revision.publish()  # moves it back: a change too
    assert TrainingSessionPage.objects.get(pk=session.pk).sequence == 2


def test_raising_the_capacity_promotes_the_waitlist(make_session, person, committed):
    session = make_session(capacity=1)
    training.register(session, **person("one@news.example"))
    training.register(session, **person("two@news.example"))
    with committed():
        publish(session, capacity=2)
    assert statuses(session) == [Status.CONFIRMED, Status.CONFIRMED]
    assert subjects()[-1] == f"A place has opened for you at {session.title}"


def test_notify_session_changed_counts_and_updates_the_callers_copy(session, person, committed):
    training.register(session, **person())
    with committed():
        told = training.notify_session_changed(session)
    assert told == 1
    assert session.sequence == 1
    assert TrainingSessionPage.objects.get(pk=session.pk).sequence == 1
