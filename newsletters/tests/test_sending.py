"""Sending an issue through a real SMTP server: who gets it, exactly once, whatever goes wrong."""

import datetime
import smtplib
import time

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsletters import sending as sending_module
from newsletters import subscriptions
from newsletters.models import Delivery, Frequency, Sending
from newsletters.sending import run_sending
from newsletters.tests.factories import SendingFactory, SubscriberFactory
from portal.core.mail import site_root_url

Status = Delivery.Status


class Crash(BaseException):
    """Stands for the worker process dying: nothing in the sender catches it."""


@pytest.fixture
def readers(lists):
    """Six subscribers to the monthly round-up, and one who only wants release alerts."""
    people = [SubscriberFactory(email=f"reader{n}@example.org", lists=[lists["monthly"]]) for n in range(6)]
    SubscriberFactory(email="alerts-only@example.org", lists=[lists["releases"]])
    return people


def received(sink):
    return sorted(recipient for message in sink.messages for recipient in message.rcpt_tos)


def addresses(people):
    return sorted(person.contact.email for person in people)


def test_everyone_on_the_list_gets_one_email_with_both_parts_and_unsubscribe_headers(
    readers, newsletter_index, lists, smtp_sink
):
    sending = SendingFactory(issue__lists=[lists["monthly"]])
    report = run_sending(sending.pk)
    assert (report.sent, report.status) == (6, Sending.Status.SENT)
    assert received(smtp_sink) == addresses(readers)

    message = smtp_sink.sent_to("reader0@example.org")[0]
    token = readers[0].token
    unsubscribe = f"{site_root_url()}/en/email/unsubscribe/{token}/{sending.pk}/"
    assert str(message.message["List-Unsubscribe"]).strip() == f"<{unsubscribe}>"
    assert message.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.subject == sending.issue.title
    assert unsubscribe in message.text
    assert f"{site_root_url()}/en/email/preferences/{token}/" in message.text
    html = BeautifulSoup(message.html, "html.parser")
    assert html.find("a", href=unsubscribe)
    assert not html.find("script")
    # Nobody else's links are in anyone's email.
    assert readers[1].token not in message.html + message.text
    sending.refresh_from_db()
    assert sending.status == Sending.Status.SENT
    assert set(sending.deliveries.values_list("status", flat=True)) == {Status.SENT}


def test_user_group_segments(newsletter_index, lists, smtp_sink):
    SubscriberFactory(
        email="teacher@example.org", lists=[lists["monthly"]], user_group="teachers_and_students"
    )
    SubscriberFactory(email="reporter@example.org", lists=[lists["monthly"]], user_group="media")
    SubscriberFactory(email="citizen@example.org", lists=[lists["monthly"]], user_group="citizens")
    SubscriberFactory(
        email="other-list@example.org", lists=[lists["teachers"]], user_group="teachers_and_students"
    )
    run_sending(
        SendingFactory(issue__lists=[lists["monthly"]], user_groups=["teachers_and_students", "media"]).pk
    )
    assert received(smtp_sink) == ["reporter@example.org", "teacher@example.org"]


def test_several_lists_send_once_to_people_on_both(newsletter_index, lists, smtp_sink):
    SubscriberFactory(email="both@example.org", lists=[lists["monthly"], lists["teachers"]])
    SubscriberFactory(email="teacher@example.org", lists=[lists["teachers"]])
    run_sending(SendingFactory(issue__lists=[lists["monthly"], lists["teachers"]]).pk)
    assert received(smtp_sink) == ["both@example.org", "teacher@example.org"]


def test_monthly_readers_skip_an_issue_after_a_recent_one(newsletter_index, lists, smtp_sink):
    SubscriberFactory(email="monthly@example.org", lists=[lists["monthly"]], frequency=Frequency.MONTHLY)
    SubscriberFactory(email="every@example.org", lists=[lists["monthly"]])
    run_sending(SendingFactory(issue__lists=[lists["monthly"]]).pk)
    run_sending(SendingFactory(issue__lists=[lists["monthly"]]).pk)
    assert received(smtp_sink) == ["every@example.org", "every@example.org", "monthly@example.org"]


def test_a_crash_mid_send_then_resume_sends_to_each_person_exactly_once(
    readers, newsletter_index, lists, smtp_sink, monkeypatch, settings
):
    settings.NEWSLETTER_BATCH_SIZE = 4
    sending = SendingFactory(issue__lists=[lists["monthly"]])
    real_personal_message = sending_module.personal_message
    built = []

    def crash_on_the_fourth(*args, **kwargs):
        built.append(args[1])
        if len(built) == 4:
            raise Crash
        return real_personal_message(*args, **kwargs)

    monkeypatch.setattr(sending_module, "personal_message", crash_on_the_fourth)
    with pytest.raises(Crash):
        run_sending(sending.pk)
    assert len(smtp_sink.messages) == 3
    statuses = list(sending.deliveries.order_by("pk").values_list("status", flat=True))
    assert (
        statuses == [Status.SENT] * 3 + [Status.SENDING] + [Status.QUEUED] * 2
    )  # the record says who got it

    monkeypatch.setattr(sending_module, "personal_message", real_personal_message)
    assert run_sending(sending.pk).sent == 2  # the claim of the dead worker is still fresh: left alone
    with time_machine.travel(
        timezone.now() + datetime.timedelta(seconds=settings.NEWSLETTER_CLAIM_TIMEOUT + 1)
    ):
        report = run_sending(sending.pk)
    assert (report.sent, report.status) == (1, Sending.Status.SENT)
    assert received(smtp_sink) == addresses(readers)  # each exactly once
    assert sending.deliveries.filter(status=Status.SENT).count() == 6


def test_running_a_finished_send_again_sends_nothing(readers, newsletter_index, lists, smtp_sink):
    sending = SendingFactory(issue__lists=[lists["monthly"]])
    run_sending(sending.pk)
    assert run_sending(sending.pk).status == "not due"
    assert len(smtp_sink.messages) == 6


def test_temporary_refusals_are_retried_with_growing_delays(
    readers, newsletter_index, lists, smtp_sink, settings
):
    settings.NEWSLETTER_RETRY_DELAY = 60
    refused = {"count": 0}

    async def handle_rcpt(server, session, envelope, address, rcpt_options):
        if address == "reader2@example.org" and refused["count"] < 2:
            refused["count"] += 1
            return "451 4.3.0 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    smtp_sink.handle_RCPT = handle_rcpt
    sending = SendingFactory(issue__lists=[lists["monthly"]])
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        report = run_sending(sending.pk)
    assert (report.sent, report.retried, report.status) == (5, 1, Sending.Status.PAUSED)
    delivery = sending.deliveries.get(contact__email="reader2@example.org")
    assert (delivery.status, delivery.attempts) == (Status.QUEUED, 1)
    assert delivery.next_attempt_at == start + datetime.timedelta(seconds=60)
    assert "451" in delivery.error
    sending.refresh_from_db()
    assert sending.resume_at == delivery.next_attempt_at

    with time_machine.travel(start + datetime.timedelta(seconds=61), tick=False):
        assert [s.pk for s in sending_module.due_sendings()] == [sending.pk]
        assert run_sending(sending.pk).retried == 1
    delivery.refresh_from_db()
    assert delivery.next_attempt_at == start + datetime.timedelta(seconds=61 + 120)  # doubled

    with time_machine.travel(start + datetime.timedelta(seconds=200), tick=False):
        report = run_sending(sending.pk)
    assert (report.sent, report.status) == (1, Sending.Status.SENT)
    assert received(smtp_sink) == addresses(readers)


def test_permanent_refusals_fail_without_retry(readers, newsletter_index, lists, smtp_sink):
    async def handle_rcpt(server, session, envelope, address, rcpt_options):
        if address == "reader1@example.org":
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    smtp_sink.handle_RCPT = handle_rcpt
    sending = SendingFactory(issue__lists=[lists["monthly"]])
    report = run_sending(sending.pk)
    assert (report.sent, report.failed, report.status) == (5, 1, Sending.Status.SENT)
    delivery = sending.deliveries.get(contact__email="reader1@example.org")
    assert (delivery.status, delivery.attempts) == (Status.FAILED, 1)
    assert "550" in delivery.error


def test_too_many_temporary_refusals_fail_for_good(readers, newsletter_index, lists, smtp_sink, settings):
    settings.NEWSLETTER_MAX_ATTEMPTS = 2
    settings.NEWSLETTER_RETRY_DELAY = 0

    async def handle_rcpt(server, session, envelope, address, rcpt_options):
        if address == "reader1@example.org":
            return "452 4.2.2 Mailbox full"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    smtp_sink.handle_RCPT = handle_rcpt
    sending = SendingFactory(issue__lists=[lists["monthly"]])
    assert run_sending(sending.pk).status == Sending.Status.SENT
    delivery = sending.deliveries.get(contact__email="reader1@example.org")
    assert (delivery.status, delivery.attempts) == (Status.FAILED, 2)


def test_mail_server_down_pauses_the_send_and_it_resumes_later(
    readers, newsletter_index, lists, smtp_sink, settings
):
    sending = SendingFactory(issue__lists=[lists["monthly"]])
    real_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = 1  # nothing listens there: connection refused
    report = run_sending(sending.pk)
    assert report.status == Sending.Status.PAUSED
    sending.refresh_from_db()
    assert sending.status == Sending.Status.PAUSED
    assert "Mail server unavailable" in sending.last_error
    assert set(sending.deliveries.values_list("status", flat=True)) == {Status.QUEUED}
    assert run_sending(sending.pk).status == "not due"  # not before its resume time

    settings.EMAIL_PORT = real_port
    with time_machine.travel(sending.resume_at + datetime.timedelta(seconds=1)):
        call_command("send_due_newsletters", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert received(smtp_sink) == addresses(readers)
    sending.refresh_from_db()
    assert sending.status == Sending.Status.SENT


def test_mail_server_hanging_up_mid_send_pauses_with_an_exact_record(
    readers, newsletter_index, lists, smtp_sink
):
    accepted = []
    real_handle_data = type(smtp_sink).handle_DATA

    async def handle_data(server, session, envelope):
        if len(accepted) == 2:
            return "421 4.3.2 Service shutting down"
        accepted.append(envelope.rcpt_tos[0])
        return await real_handle_data(smtp_sink, server, session, envelope)

    smtp_sink.handle_DATA = handle_data
    sending = SendingFactory(issue__lists=[lists["monthly"]])
    assert run_sending(sending.pk).status == Sending.Status.PAUSED
    sent = set(sending.deliveries.filter(status=Status.SENT).values_list("contact__email", flat=True))
    assert sent == set(accepted)
    assert sending.deliveries.filter(status=Status.QUEUED).count() == 4

    del smtp_sink.handle_DATA
    Sending.objects.filter(pk=sending.pk).update(resume_at=timezone.now())
    assert run_sending(sending.pk).status == Sending.Status.SENT
    assert received(smtp_sink) == addresses(readers)


def test_someone_who_unsubscribes_during_the_send_is_not_sent_to(
    readers, newsletter_index, lists, smtp_sink, monkeypatch, settings
):
    # Rows are claimed a batch at a time: an unsubscription counts for every row not yet claimed.
    settings.NEWSLETTER_BATCH_SIZE = 2
    sending = SendingFactory(issue__lists=[lists["monthly"]])
    real_personal_message = sending_module.personal_message

    def unsubscribe_the_last_during_the_first(prepared, to, *args):
        if to == "reader0@example.org":
            subscriptions.unsubscribe(readers[5], sending_id=sending.pk)
        return real_personal_message(prepared, to, *args)

    monkeypatch.setattr(sending_module, "personal_message", unsubscribe_the_last_during_the_first)
    report = run_sending(sending.pk)
    assert (report.sent, report.status) == (5, Sending.Status.SENT)
    assert "reader5@example.org" not in received(smtp_sink)
    assert sending.deliveries.get(contact=readers[5].contact).status == Status.SKIPPED
    sending.refresh_from_db()
    assert sending.unsubscribes == 1


def test_the_rate_setting_paces_the_emails(readers, newsletter_index, lists, smtp_sink, settings):
    settings.NEWSLETTER_SEND_RATE = 10
    started = time.monotonic()
    run_sending(SendingFactory(issue__lists=[lists["monthly"]]).pk)
    assert len(smtp_sink.messages) == 6
    assert time.monotonic() - started >= 0.5  # six emails at ten a second: five gaps of a tenth


def test_without_a_rate_nothing_waits(readers, newsletter_index, lists, smtp_sink, settings):
    settings.NEWSLETTER_SEND_RATE = 0
    pauses = []
    run_sending(SendingFactory(issue__lists=[lists["monthly"]]).pk, sleep=pauses.append)
    assert (len(smtp_sink.messages), pauses) == (6, [])


def test_queries_per_recipient_are_constant(newsletter_index, lists, smtp_sink, settings):
    settings.NEWSLETTER_BATCH_SIZE = 5

    def queries_for(count, start):
        for n in range(start, start + count):
            SubscriberFactory(email=f"q{n}@example.org", lists=[lists["teachers"]])
        sending = SendingFactory(issue__lists=[lists["teachers"]])
        with CaptureQueriesContext(connection) as captured:
            run_sending(sending.pk)
        return len(captured.captured_queries)

    ten = queries_for(10, 0)
    twenty = queries_for(10, 100)  # now twenty people on the list
    thirty = queries_for(10, 200)
    assert twenty - ten == thirty - twenty
    # One stamp per person; per batch of five: heartbeat, claim (savepoint, select, update,
    # release) and the fetch of the rows won.
    assert (twenty - ten) / 10 == 2.2


def test_cancelling_stops_the_send(readers, newsletter_index, lists, smtp_sink, monkeypatch):
    sending = SendingFactory(issue__lists=[lists["monthly"]])
    real_personal_message = sending_module.personal_message

    def cancel_after_the_second(prepared, to, *args):
        if to == "reader1@example.org":
            Sending.objects.filter(pk=sending.pk).update(status=Sending.Status.CANCELLED)
        return real_personal_message(prepared, to, *args)

    monkeypatch.setattr(sending_module, "personal_message", cancel_after_the_second)
    monkeypatch.setattr("django.conf.settings.NEWSLETTER_BATCH_SIZE", 2)
    assert run_sending(sending.pk).status == Sending.Status.CANCELLED
    assert len(smtp_sink.messages) == 2


def test_scheduled_sends_wait_for_their_time(readers, newsletter_index, lists, smtp_sink):
    sending = SendingFactory(issue__lists=[lists["monthly"]])
    Sending.objects.filter(pk=sending.pk).update(scheduled_for=timezone.now() + datetime.timedelta(hours=2))
    call_command("send_due_newsletters", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert smtp_sink.messages == []
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=3)):
        call_command("send_due_newsletters", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert received(smtp_sink) == addresses(readers)


def test_retry_delays_double():
    assert [sending_module.retry_delay(n).total_seconds() for n in (1, 2, 3)] == [60, 120, 240]


@pytest.mark.parametrize(
    ("error", "temporary", "server"),
    [
        (smtplib.SMTPRecipientsRefused({"a@example.org": (451, b"later")}), True, False),
        (smtplib.SMTPRecipientsRefused({"a@example.org": (550, b"no")}), False, False),
        (smtplib.SMTPDataError(452, b"full"), True, False),
        (smtplib.SMTPDataError(554, b"rejected"), False, False),
        (smtplib.SMTPServerDisconnected("gone"), False, True),
        (smtplib.SMTPResponseException(421, b"closing"), True, True),
        (ConnectionRefusedError(111, "refused"), False, True),
    ],
)
def test_errors_are_told_apart(error, temporary, server):
    assert sending_module.is_temporary(error) is temporary
    assert sending_module.server_unavailable(error) is server
