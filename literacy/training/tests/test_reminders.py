"""The cron commands: a reminder the day before, a thank-you after; each sent once per person."""

import datetime
import io
import socket
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.utils import timezone
from wagtail.documents import get_document_model

from literacy.training import scheduled
from literacy.training import services as training
from literacy.training.models import Registration, SessionMaterial, TrainingSessionPage
from portal.core.mail import site_root_url

from .conftest import ics_attachment, make_training_index, session_fields
from .staff_fixtures import move_session
from .test_concurrency import run_together, site_home

pytestmark = pytest.mark.django_db

Status = Registration.Status
HOUR = datetime.timedelta(hours=1)
Document = get_document_model()


def closed_port():
    """A local port nobody listens on: connecting to it fails at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(command):
    out = io.StringIO()
    call_command(command, stdout=out)
    return out.getvalue()


@pytest.fixture
def tomorrow(make_session, make_registration):
    """A session starting in 20 hours: two confirmed, one waitlisted, one cancelled."""
    session = make_session(title="Reading the CPI", capacity=2)
    for email in ("ana@example.org", "ben@example.org", "wait@example.org"):
        make_registration(session, email, name=email.split("@")[0].title())
    make_registration(session, "gone@example.org", name="Gone", status=Status.CANCELLED)
    return move_session(session, starts_in=20 * HOUR)


def test_reminders_go_once_to_confirmed_people_within_a_day(tomorrow, smtp_sink):
    assert "sent: 2" in run("send_training_reminders")
    messages = smtp_sink.wait_for(2)
    assert sorted(m.rcpt_tos[0] for m in messages) == ["ana@example.org", "ben@example.org"]
    for message in messages:
        assert message.subject.startswith("Reminder: Reading the CPI")
        assert "starts within the next day" in message.text
        event = ics_attachment(message.message).walk("VEVENT")[0]
        assert str(event["SUMMARY"]) == "Reading the CPI"
    stamped = Registration.objects.filter(session=tomorrow, reminder_sent_at__isnull=False)
    assert set(stamped.values_list("email", flat=True)) == {"ana@example.org", "ben@example.org"}

    assert "sent: 0" in run("send_training_reminders")
    assert len(smtp_sink.messages) == 2


def test_no_reminders_for_cancelled_far_off_started_or_unpublished_sessions(
    make_session, make_registration, smtp_sink
):
    plans = {
        "cancelled": (5 * HOUR, {"cancelled": True}),
        "far-off": (30 * HOUR, {}),
        "started": (-10 * datetime.timedelta(minutes=1), {}),
        "unpublished": (5 * HOUR, {"live": False}),
    }
    for slug, (starts_in, fields) in plans.items():
        session = make_session(slug=slug)
        make_registration(session, f"{slug}@example.org")
        move_session(session, starts_in=starts_in, **fields)
    assert "sent: 0" in run("send_training_reminders")
    assert smtp_sink.messages == []
    assert not Registration.objects.filter(reminder_sent_at__isnull=False).exists()


def test_a_failed_email_is_tried_again_on_the_next_run(tomorrow, smtp_sink):
    with (
        override_settings(EMAIL_PORT=closed_port()),
        pytest.raises(CommandError, match="2 reminders could not be sent"),
    ):
        run("send_training_reminders")
    assert not Registration.objects.filter(reminder_sent_at__isnull=False).exists()
    assert "sent: 2" in run("send_training_reminders")
    assert len(smtp_sink.wait_for(2)) == 2


def test_a_registration_cancelled_after_selection_is_not_reminded(tomorrow, smtp_sink):
    """The claim re-checks the row: a cancellation between the query and the send wins."""
    due = list(scheduled.due_reminders(timezone.now()))
    Registration.objects.filter(pk=due[0]).update(status=Status.CANCELLED)
    outcome = scheduled._send_each(
        due,
        stamp="reminder_sent_at",
        still_due={"status": Status.CONFIRMED},
        now=timezone.now(),
        compose=lambda registration: {"kind": "reminder"},
    )
    assert outcome.sent == due[1:]
    assert len(smtp_sink.wait_for(1)) == 1


@pytest.fixture
def ended(make_session, make_registration):
    """A session that ended an hour ago, with materials; attended, absent and unmarked people."""
    session = make_session(title="GDP explained", capacity=5)
    session.materials = [
        SessionMaterial(title="Slides", document=slides(), visibility=SessionMaterial.Visibility.EVERYONE),
        SessionMaterial(
            title="Recording",
            url="https://video.example/gdp",
            visibility=SessionMaterial.Visibility.REGISTRANTS,
        ),
    ]
    session.save_revision().publish()
    make_registration(session, "came@example.org", name="Came Along", attended=True)
    make_registration(session, "also@example.org", name="Also Came", attended=True)
    make_registration(session, "away@example.org", name="Stayed Away", attended=False)
    make_registration(session, "unmarked@example.org", name="Not Marked")
    return move_session(session, starts_in=-150 * datetime.timedelta(minutes=1))


def slides():
    document = Document(title="GDP slides")
    document.file = ContentFile(b"%PDF-1.4 demo", name="gdp-slides.pdf")
    document.save()
    return document


def test_thank_you_goes_once_to_attendees_with_materials_and_survey(client, ended, smtp_sink):
    assert "sent: 2" in run("send_training_follow_ups")
    messages = smtp_sink.wait_for(2)
    assert sorted(m.rcpt_tos[0] for m in messages) == ["also@example.org", "came@example.org"]
    message = next(m for m in messages if m.rcpt_tos[0] == "came@example.org")
    assert message.subject == "Thank you for coming to GDP explained"
    assert "https://video.example/gdp" in message.text
    slides_link = site_root_url() + Document.objects.get(title="GDP slides").url
    assert slides_link in message.links
    [survey] = [link for link in message.links if "/feedback/" in link]
    token = Registration.objects.get(email="came@example.org").token
    assert survey.endswith(f"/feedback/{token}/")
    assert f'href="{survey}"' in message.html
    assert client.get(urlsplit(survey).path).status_code == 200

    assert "sent: 0" in run("send_training_follow_ups")
    assert len(smtp_sink.messages) == 2


def test_no_thank_you_while_the_session_is_still_running(ended, smtp_sink):
    move_session(ended, starts_in=-30 * datetime.timedelta(minutes=1))  # 90 minutes long
    assert "sent: 0" in run("send_training_follow_ups")
    assert smtp_sink.messages == []


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_overlapping_runs_send_each_reminder_once(smtp_sink):
    """Three cron runs start at the same instant: every confirmed person still gets one reminder."""
    index = make_training_index(site_home())
    session = TrainingSessionPage(**session_fields(slug="reminder-race", starts_at=timezone.now() + 2 * HOUR))
    index.add_child(instance=session)
    session.save_revision().publish()
    people = [f"p{number}@example.org" for number in range(6)]
    for email in people:
        training.register(session, name=email.split("@")[0], email=email, consent_wording="Yes")
    smtp_sink.wait_for(len(people))  # their confirmations
    smtp_sink.clear()

    outcomes, errors = run_together(3, lambda number: scheduled.send_due_reminders())
    assert errors == []
    assert sorted(pk for outcome in outcomes for pk in outcome.sent) == sorted(
        Registration.objects.filter(session=session).values_list("pk", flat=True)
    )
    messages = smtp_sink.wait_for(len(people))
    assert sorted(message.rcpt_tos[0] for message in messages) == people
    assert Registration.objects.filter(session=session, reminder_sent_at__isnull=True).count() == 0
