"""Sending an issue to thousands of people, so that everyone gets it exactly once.

1. The recipients are written down first: one Delivery row per person (unique per send and
   person), inserted in batches while streaming the subscriber ids, so memory stays flat.
2. Rows are claimed a batch at a time (NEWSLETTER_BATCH_SIZE) with one conditional UPDATE
   (queued -> sending) tagged with the run's own claim token, so a worker knows exactly which
   rows it won; on PostgreSQL the candidates are locked SKIP LOCKED, so two workers take
   different batches. Two workers never claim the same row; a person who unsubscribes
   meanwhile has their queued rows set to skipped, so they are not claimed and get nothing
   (a row already claimed in the batch being sent still goes: at most one batch, well under
   a second at full speed).
3. The issue is rendered once per readers' language (its live translation into it, else the
   original) and prepared once as the bytes the mail server receives (emails.PreparedIssue);
   each reader's email is those bytes with their address and links
   put in by plain replaces, sent over one SMTP connection. The moment the server accepts it,
   the row is stamped sent with one precompiled statement that only touches a row this run
   still holds (by pk and claim token); on PostgreSQL these commits do not wait for the disk
   (NEWSLETTER_ASYNC_COMMIT), which makes them cheap and still survives any worker death.
   A run that stops on an error puts back the rows of its batch it never tried; the one it
   was sending stays claimed, since the server may have taken it. A worker that dies
   outright leaves its batch claimed; a later run takes back claims older than
   NEWSLETTER_CLAIM_TIMEOUT and carries on where it stopped: only the email in flight at the
   moment of death can go twice.
4. A temporary refusal for one address (4xx) puts the row back with a growing delay
   (NEWSLETTER_RETRY_DELAY, doubled each attempt, up to NEWSLETTER_MAX_ATTEMPTS). A mail server
   that is down or hangs up pauses the whole send; the scheduler (send_due_newsletters, or the
   task queue when it can defer) resumes it.

Everything runs through Django's tasks API: in-process by default, on RQ workers at scale.
"""

import datetime
import logging
import secrets
import smtplib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.db import connection as db
from django.db import transaction
from django.db.models import Exists, F, Min, OuterRef
from django.utils import timezone, translation
from django_tasks import default_task_backend, task

from portal.core.languages import supported_language
from portal.core.mail import site_root_url

from .emails import PreparedIssue
from .links import preferences_url, unsubscribe_url
from .models import Delivery, Frequency, Sending, Subscriber
from .rendering import render_alert_email, render_issue_email

logger = logging.getLogger(__name__)

Status = Sending.Status
INSERT_BATCH = 1000
MONTHLY_GAP = datetime.timedelta(days=28)
ERROR_LENGTH = 300


class MailServerUnavailable(RuntimeError):
    """The mail server cannot be reached or hung up: the whole send waits."""


@dataclass
class RunReport:
    """What one run did (for the task's result and the logs)."""

    sent: int = 0
    failed: int = 0
    retried: int = 0
    status: str = ""

    def as_dict(self):
        return {"sent": self.sent, "failed": self.failed, "retried": self.retried, "status": self.status}


def recipient_contact_ids(list_ids, user_groups=(), now=None):
    """Contact ids of everyone on these lists (and in these user groups, if any), in id order,
    as a lazy query: not bounced, not unsubscribed, and not over their chosen pace."""
    now = now or timezone.now()
    subscribers = Subscriber.objects.filter(
        suppressed_at__isnull=True,
        unsubscribed_at__isnull=True,
        subscriptions__newsletter_list__in=list_ids,
    )
    if user_groups:
        subscribers = subscribers.filter(contact__user_group__in=user_groups)
    recently_sent = Delivery.objects.filter(
        contact_id=OuterRef("contact_id"),
        status=Delivery.Status.SENT,
        sent_at__gte=now - MONTHLY_GAP,
        sending__issue__isnull=False,  # release alerts do not count against the monthly pace
    )
    subscribers = subscribers.exclude(Exists(recently_sent), frequency=Frequency.MONTHLY)
    return subscribers.values_list("contact_id", flat=True).distinct().order_by("contact_id")


def alert_recipient_contact_ids(topics):
    """Contact ids of everyone who wants release alerts on any of these topics, in id order:
    not bounced, not unsubscribed. Alerts go out as releases happen, whatever the pace chosen
    for newsletters."""
    return (
        Subscriber.objects.filter(
            suppressed_at__isnull=True, unsubscribed_at__isnull=True, topic_alerts__topic__in=list(topics)
        )
        .values_list("contact_id", flat=True)
        .distinct()
        .order_by("contact_id")
    )


def write_down_recipients(sending):
    """One queued Delivery per recipient; running it again adds nobody twice."""
    chunk = []
    if sending.issue_id is None:
        contact_ids = alert_recipient_contact_ids((sending.alert or {}).get("topics", ()))
    else:
        list_ids = list(sending.lists.values_list("pk", flat=True))
        contact_ids = recipient_contact_ids(list_ids, sending.user_groups)
    for contact_id in contact_ids.iterator(chunk_size=INSERT_BATCH):
        chunk.append(Delivery(sending=sending, contact_id=contact_id))
        if len(chunk) >= INSERT_BATCH:
            Delivery.objects.bulk_create(chunk, ignore_conflicts=True)
            chunk = []
    if chunk:
        Delivery.objects.bulk_create(chunk, ignore_conflicts=True)
    Sending.objects.filter(pk=sending.pk).update(recipients_ready=True)


def retry_delay(attempts):
    return datetime.timedelta(seconds=settings.NEWSLETTER_RETRY_DELAY * 2 ** max(attempts - 1, 0))


def is_temporary(error):
    """4xx replies are "try again later" in SMTP; 5xx are final."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        return bool(codes) and all(400 <= code < 500 for code in codes)
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    return False


def server_unavailable(error):
    """Down, unreachable, hanging up or closing (421): nobody can be sent to for now."""
    if isinstance(error, (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError)):
        return True
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code == 421
    if isinstance(error, smtplib.SMTPException):
        return False
    return isinstance(error, OSError)  # connection refused or reset, time-outs


class Pacer:
    """Keeps to NEWSLETTER_SEND_RATE emails a second (no limit when 0)."""

    def __init__(self, rate, sleep=time.sleep):
        self.interval = 1 / rate if rate > 0 else 0
        self.sleep = sleep
        self.next_at = time.monotonic()

    def wait(self):
        if not self.interval:
            return
        delay = self.next_at - time.monotonic()
        if delay > 0:
            self.sleep(delay)
        self.next_at = max(self.next_at, time.monotonic()) + self.interval


def begin(sending_id, now):
    """Mark the send as running, or None if it is not due (sent, cancelled, paused until later)."""
    with transaction.atomic():
        sending = (
            Sending.objects.select_for_update(of=("self",))
            .select_related("issue")
            .filter(pk=sending_id)
            .first()
        )
        if sending is None or sending.status in (Status.SENT, Status.CANCELLED):
            return None
        if sending.status == Status.SCHEDULED and sending.scheduled_for > now:
            return None
        if sending.status == Status.PAUSED and sending.resume_at and sending.resume_at > now:
            return None
        sending.status = Status.SENDING
        sending.started_at = sending.started_at or now
        sending.resume_at = None
        sending.heartbeat_at = now
        sending.save(update_fields=["status", "started_at", "resume_at", "heartbeat_at"])
    return sending


def take_back_stale_claims(sending, now):
    stale_before = now - datetime.timedelta(seconds=settings.NEWSLETTER_CLAIM_TIMEOUT)
    return Delivery.objects.filter(
        sending=sending, status=Delivery.Status.SENDING, claimed_at__lt=stale_before
    ).update(status=Delivery.Status.QUEUED, claim="")


def claim_batch(sending, now, claim_token):
    """Claim up to NEWSLETTER_BATCH_SIZE queued rows with one UPDATE tagged with this run's
    token, and return the rows won: (pk, attempts, email, subscriber token). On PostgreSQL the
    candidates are locked with SKIP LOCKED, so two workers take different rows rather than
    queueing behind each other; everywhere the UPDATE only takes rows still queued, so a row
    is never won twice."""
    with transaction.atomic():
        candidates = list(
            Delivery.objects.filter(sending=sending, status=Delivery.Status.QUEUED, next_attempt_at__lte=now)
            .order_by("pk")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[: settings.NEWSLETTER_BATCH_SIZE]
        )
        if not candidates:
            return None
        Delivery.objects.filter(pk__in=candidates, status=Delivery.Status.QUEUED).update(
            status=Delivery.Status.SENDING, claimed_at=now, claim=claim_token, attempts=F("attempts") + 1
        )
    return list(
        Delivery.objects.filter(pk__in=candidates, status=Delivery.Status.SENDING, claim=claim_token)
        .order_by("pk")
        .values_list(
            "pk",
            "attempts",
            "contact__email",
            "contact__newsletter_subscriber__token",
            "contact__preferred_language",
        )
    )


def mark(delivery_pk, **fields):
    Delivery.objects.filter(pk=delivery_pk, status=Delivery.Status.SENDING).update(**fields)


class SentMarks:
    """Stamps a row sent the moment the mail server accepts its email, with one precompiled
    statement (no ORM) that only touches a row this run still holds. On PostgreSQL the run's
    commits do not wait for the disk (synchronous_commit off): the stamp is visible and kept
    as soon as the statement returns, whatever happens to the worker; only a crash of the
    database server itself could lose the last fraction of a second of stamps."""

    def __init__(self, claim_token):
        table = db.ops.quote_name(Delivery._meta.db_table)
        # The table name is the model's own, quoted; every value is a parameter.
        self.sql = (
            f"UPDATE {table} SET status = %s, sent_at = %s, error = ''"  # noqa: S608
            " WHERE id = %s AND claim = %s AND status = %s"
        )
        self.claim_token = claim_token
        self.cursor = None
        self.relaxed = False

    def __enter__(self):
        self.cursor = db.cursor()
        if db.vendor == "postgresql" and settings.NEWSLETTER_ASYNC_COMMIT and not db.in_atomic_block:
            self.cursor.execute("SET synchronous_commit TO off")
            self.relaxed = True
        return self

    def sent(self, delivery_pk, now):
        self.cursor.execute(
            self.sql, [Delivery.Status.SENT, now, delivery_pk, self.claim_token, Delivery.Status.SENDING]
        )

    def __exit__(self, *exc_info):
        try:
            if self.relaxed:
                self.cursor.execute("RESET synchronous_commit")
            self.cursor.close()
        except Exception:
            logger.debug("Could not reset the database session", exc_info=True)


def release(pks, claim_token):
    """Put back rows this run claimed but never handed to the mail server."""
    if pks:
        Delivery.objects.filter(pk__in=pks, status=Delivery.Status.SENDING, claim=claim_token).update(
            status=Delivery.Status.QUEUED, claim="", attempts=F("attempts") - 1
        )


def pause(sending, until, reason):
    Sending.objects.filter(pk=sending.pk, status=Status.SENDING).update(
        status=Status.PAUSED, resume_at=until, last_error=reason[:500]
    )
    schedule_resume(sending.pk, until)


def finish_if_done(sending, now):
    """Sent once nothing is queued or in flight; otherwise pause until the earliest retry."""
    queued = Delivery.objects.filter(sending=sending, status=Delivery.Status.QUEUED)
    earliest = queued.aggregate(at=Min("next_attempt_at"))["at"]
    if earliest is not None:
        pause(sending, earliest, "Waiting to retry addresses that were temporarily refused.")
        return Status.PAUSED
    if Delivery.objects.filter(sending=sending, status=Delivery.Status.SENDING).exists():
        return Status.SENDING  # another worker is still on its last emails
    Sending.objects.filter(pk=sending.pk, status=Status.SENDING).update(status=Status.SENT, finished_at=now)
    return Status.SENT


def run_sending(sending_id, *, connection_factory=get_connection, clock=timezone.now, sleep=time.sleep):
    """Send what is left of this send, until done, paused or cancelled. Safe to run again at any time."""
    report = RunReport()
    sending = begin(sending_id, clock())
    if sending is None:
        report.status = "not due"
        return report
    if not sending.recipients_ready:
        write_down_recipients(sending)
    take_back_stale_claims(sending, clock())
    prepared_by_language = {}
    pacer = Pacer(settings.NEWSLETTER_SEND_RATE, sleep)
    claim_token = secrets.token_hex(16)
    connection = None
    claimed, tried = [], 0
    try:
        with SentMarks(claim_token) as marks:
            while True:
                now = clock()
                if not Sending.objects.filter(pk=sending.pk, status=Status.SENDING).update(heartbeat_at=now):
                    # paused or cancelled by staff
                    report.status = (
                        Sending.objects.filter(pk=sending.pk).values_list("status", flat=True).first()
                    )
                    return report
                batch = claim_batch(sending, now, claim_token)
                if batch is None:
                    report.status = finish_if_done(sending, now)
                    return report
                claimed, tried = [row[0] for row in batch], 0
                if connection is None:
                    connection = open_connection(connection_factory)
                for n, (delivery_pk, attempts, email, token, language) in enumerate(batch):
                    tried = n + 1  # if the run stops here, the rows after this one were never tried
                    if email is None or token is None:  # erased, or no longer a subscriber
                        mark(delivery_pk, status=Delivery.Status.SKIPPED)
                        continue
                    language = supported_language(language)
                    if language not in prepared_by_language:
                        prepared_by_language[language] = prepare(sending, language)
                    pacer.wait()
                    try:
                        send_one(connection, prepared_by_language[language], email, token, sending.pk)
                    except Exception as error:
                        outcome = handle_failure(sending, delivery_pk, attempts, error, clock())
                        if outcome == "retry":
                            report.retried += 1
                        elif outcome == "failed":
                            report.failed += 1
                        else:
                            raise MailServerUnavailable(str(error) or error.__class__.__name__) from error
                    else:
                        marks.sent(delivery_pk, clock())
                        report.sent += 1
                claimed = []
    except MailServerUnavailable as error:
        until = clock() + retry_delay(1)
        logger.warning("Newsletter send %s paused until %s: %s", sending.pk, until, error)
        pause(sending, until, f"Mail server unavailable: {error}")
        report.status = Status.PAUSED
        return report
    finally:
        try:
            release(claimed[tried:], claim_token)
        except Exception:
            logger.warning("Could not put back unsent claims; they are taken back later", exc_info=True)
        if connection is not None:
            try:
                connection.close()
            except Exception:
                logger.debug("Could not close the SMTP connection", exc_info=True)


def prepare(sending, language):
    """The send's email for one readers' language: the issue's live translation into it (else
    the original issue), with the interface text (headings, footer, links' words) in that
    language; rendered once per language that the recipients have, on first need."""
    root_url = site_root_url()
    with translation.override(language):
        if sending.issue_id is None:
            rendered, list_id = render_alert_email(sending), "release-alerts"
        else:
            issue = sending.issue.in_language(language)
            rendered, list_id = render_issue_email(issue, sending=sending), "newsletter"
    return PreparedIssue(rendered, root_url=root_url, list_id=list_id, language=language)


def open_connection(connection_factory):
    connection = connection_factory(fail_silently=False)
    try:
        connection.open()
    except Exception as error:
        if not server_unavailable(error):
            raise
        raise MailServerUnavailable(str(error) or error.__class__.__name__) from error
    return connection


def personal_message(prepared, to, token, sending_pk):
    """One reader's email as bytes: (envelope recipient, message)."""
    root_url = prepared.root_url
    return prepared.personal_bytes(
        to, unsubscribe_url(token, sending_pk, root_url), preferences_url(token, root_url)
    )


def send_one(connection, prepared, to, token, sending_pk):
    """Hand one reader's email to the mail server: the prepared bytes straight to the open SMTP
    connection, or, with any other email backend (console, files, tests), as a Django message."""
    if isinstance(connection, SMTPBackend) and connection.connection is not None:
        recipient, message = personal_message(prepared, to, token, sending_pk)
        connection.connection.sendmail(prepared.envelope_from, [recipient], message)
        return
    root_url = prepared.root_url
    unsubscribe = unsubscribe_url(token, sending_pk, root_url)
    personal = prepared.rendered.personalise(unsubscribe, preferences_url(token, root_url))
    prepared.message(personal, to, unsubscribe, connection=connection).send()


def handle_failure(sending, delivery_pk, attempts, error, now):
    """Put the row back for later, fail it for good, or (server gone) put it back and say so."""
    text = f"{error.__class__.__name__}: {error}"[:ERROR_LENGTH]
    if server_unavailable(error):
        mark(delivery_pk, status=Delivery.Status.QUEUED, error=text)
        return "server"
    if is_temporary(error) and attempts < settings.NEWSLETTER_MAX_ATTEMPTS:
        mark(
            delivery_pk,
            status=Delivery.Status.QUEUED,
            next_attempt_at=now + retry_delay(attempts),
            error=text,
        )
        return "retry"
    if not isinstance(error, (smtplib.SMTPException, ValueError)):  # ValueError: an address no server takes
        raise error
    mark(delivery_pk, status=Delivery.Status.FAILED, error=text)
    return "failed"


@task()
def send_issue_task(sending_id):
    """The task a worker runs: one pass over a send (see run_sending)."""
    return run_sending(sending_id).as_dict()


def schedule_resume(sending_id, at):
    """When the task queue can run things later (RQ with its scheduler), have it resume the send;
    otherwise the cron command send_due_newsletters does."""
    if default_task_backend.supports_defer:
        transaction.on_commit(lambda: send_issue_task.using(run_after=at).enqueue(sending_id), robust=True)


def start_sending(sending):
    """Queue the send now (it runs at once with the in-process backend)."""
    transaction.on_commit(lambda: send_issue_task.enqueue(sending.pk), robust=True)


def due_sendings(now=None):
    """Sends that should be running: scheduled and due, paused and due to resume, or stalled."""
    now = now or timezone.now()
    stalled_before = now - datetime.timedelta(seconds=settings.NEWSLETTER_CLAIM_TIMEOUT)
    return (
        Sending.objects.filter(status=Status.SCHEDULED, scheduled_for__lte=now)
        | Sending.objects.filter(status=Status.PAUSED, resume_at__lte=now)
        | Sending.objects.filter(status=Status.SENDING, heartbeat_at__lt=stalled_before)
    ).order_by("scheduled_for", "pk")
