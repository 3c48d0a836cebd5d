"""Emails sent on a schedule (cron): a reminder the day before, a thank-you after the session.

Each registrant gets each of them once. A registration is claimed with a conditional UPDATE
("set reminder_sent_at where it is still empty") in the transaction that also queues the
email: a second run at the same moment waits for the row, then finds it stamped and skips
it, so overlapping cron runs never send anything twice. If the email cannot be queued or
sent, the transaction rolls back, the stamp with it, and the next run tries again.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus

from .emails import send_registration_email
from .feedback import feedback_url
from .ics import Method
from .models import Registration

logger = logging.getLogger(__name__)

Status = Registration.Status
REMINDER_WINDOW = datetime.timedelta(hours=24)


class EmailNotSent(RuntimeError):
    pass


@dataclass
class Outcome:
    """Who was written to, and who could not be (they are tried again next run)."""

    sent: list = field(default_factory=list)
    failed: list = field(default_factory=list)


def due_reminders(now):
    """Confirmed places at live, uncancelled sessions starting within the next 24 hours."""
    return (
        Registration.objects.filter(
            status=Status.CONFIRMED,
            reminder_sent_at__isnull=True,
            session__live=True,
            session__cancelled=False,
            session__starts_at__gt=now,
            session__starts_at__lte=now + REMINDER_WINDOW,
        )
        .order_by("session__starts_at", "created_at", "pk")
        .values_list("pk", flat=True)
    )


def due_follow_ups(now):
    """People marked as attended at a session that has ended, not yet thanked."""
    candidates = (
        Registration.objects.filter(
            status=Status.CONFIRMED,
            attended=True,
            thank_you_sent_at__isnull=True,
            session__cancelled=False,
            session__starts_at__lte=now,
        )
        .select_related("session")
        .order_by("session__starts_at", "created_at", "pk")
    )
    return [registration.pk for registration in candidates if registration.session.ends_at <= now]


def send_due_reminders(now=None):
    now = now or timezone.now()
    return _send_each(
        due_reminders(now),
        stamp="reminder_sent_at",
        still_due={"status": Status.CONFIRMED},
        now=now,
        compose=lambda registration: {"kind": "reminder", "ics_method": Method.REQUEST},
    )


def send_due_follow_ups(now=None):
    now = now or timezone.now()
    return _send_each(
        due_follow_ups(now),
        stamp="thank_you_sent_at",
        still_due={"status": Status.CONFIRMED, "attended": True},
        now=now,
        compose=lambda registration: {
            "kind": "thank_you",
            "extra_context": {"feedback_url": feedback_url(registration)},
        },
    )


def _send_each(pks, *, stamp, still_due, now, compose):
    outcome = Outcome()
    for pk in list(pks):
        try:
            if _send_once(pk, stamp=stamp, still_due=still_due, now=now, compose=compose):
                outcome.sent.append(pk)
        except Exception:
            logger.exception("Could not send %s for training registration %s", stamp, pk)
            outcome.failed.append(pk)
    return outcome


def _send_once(pk, *, stamp, still_due, now, compose):
    with transaction.atomic():
        claimed = Registration.objects.filter(pk=pk, **{f"{stamp}__isnull": True}, **still_due).update(
            **{stamp: now}
        )
        if not claimed:  # another run got there first, or the person cancelled meanwhile
            return False
        registration = Registration.objects.select_related("session").get(pk=pk)
        email = compose(registration)
        result = send_registration_email(registration, email.pop("kind"), **email)
        if result.status == TaskResultStatus.FAILED:
            raise EmailNotSent(f"The {stamp.removesuffix('_sent_at')} email task failed.")
    return True
