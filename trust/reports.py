"""The life of a misuse report: new → triaged → answered, published as a fact-check, or no action.

Every change goes through here, so each one is written to the report's history and emailed to
the reporter (after the transaction commits). Moves outside the chart below are refused.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from portal.contacts.models import TouchpointKind
from portal.contacts.services import ConsentGiven, normalise_email, record_touchpoint

from .emails import send_report_email
from .models import MisuseReport, MisuseReportEvent

Status = MisuseReport.Status
CONSENT_PURPOSE = "misuse_report"
DUPLICATE_WINDOW = datetime.timedelta(minutes=1)

TRANSITIONS = {
    Status.NEW: (Status.TRIAGED, Status.NO_ACTION),
    Status.TRIAGED: (Status.ANSWERED, Status.PUBLISHED, Status.NO_ACTION),
    Status.ANSWERED: (Status.PUBLISHED,),
    Status.PUBLISHED: (),
    Status.NO_ACTION: (),
}


class DuplicateReport(Exception):
    def __init__(self, existing):
        self.existing = existing
        super().__init__(
            gettext(
                "We received this report from you less than a minute ago, as %(reference)s. "
                "There is no need to send it again: check your email for the confirmation."
            )
            % {"reference": existing.reference}
        )


class TransitionError(ValueError):
    pass


def same_text(text):
    return " ".join(text.split()).casefold()


def submit(
    *,
    claim,
    where,
    name,
    email,
    consent_wording,
    seen_on=None,
    details="",
    attachment=None,
    attachment_kind="",
    attachment_name="",
    source="",
    user=None,
):
    """Record the report and the reporter (a touchpoint in the user database), number it, and
    email the confirmation. Nothing is saved when any step fails."""
    address = normalise_email(email)
    now = timezone.now()
    with transaction.atomic():
        contact = record_touchpoint(
            address,
            kind=TouchpointKind.MISUSE_REPORT,
            source=source,
            detail=claim[:200],
            consent=ConsentGiven(CONSENT_PURPOSE, consent_wording),
            user=user if user is not None and user.is_authenticated else None,
            name=name,
        )
        recent = MisuseReport.objects.filter(email=address, created_at__gte=now - DUPLICATE_WINDOW)
        for existing in recent.only("reference", "claim"):
            if same_text(existing.claim) == same_text(claim):
                raise DuplicateReport(existing)
        report = MisuseReport(
            claim=claim,
            where=where,
            seen_on=seen_on,
            details=details,
            name=name,
            email=address,
            contact=contact,
            created_at=now,
            attachment_kind=attachment_kind if attachment else "",
            attachment_original_name=attachment_name if attachment else "",
        )
        if attachment:
            report.attachment.save("upload", attachment, save=False)
        report.save()
        report.reference = f"MR-{now.year}-{report.pk:05d}"
        report.save(update_fields=["reference"])
        MisuseReportEvent.objects.create(report=report, status=Status.NEW)
        transaction.on_commit(lambda: send_report_email(report, "received"))
    return report


def allowed_moves(report):
    return TRANSITIONS[Status(report.status)]


def move(report, *, user, status, message="", fact_check=None):
    """Move the report to ``status``, log it and email the reporter with ``message``.

    An answer and a decision to take no action need a message (the reporter reads it); publishing
    needs the live fact-check that answers the report.
    """
    message = message.strip()
    with transaction.atomic():
        report = MisuseReport.objects.select_for_update().get(pk=report.pk)
        if status not in allowed_moves(report):
            raise TransitionError(
                gettext("A report that is “%(current)s” cannot become “%(new)s”.")
                % {"current": report.get_status_display(), "new": Status(status).label}
            )
        if status in (Status.ANSWERED, Status.NO_ACTION) and not message:
            raise TransitionError(gettext("Write the message to the reporter: they will read it."))
        if status == Status.PUBLISHED:
            if fact_check is None or not fact_check.live:
                raise TransitionError(gettext("Choose the published fact-check that answers this report."))
            report.fact_check = fact_check
        report.status = status
        if status in MisuseReport.CLOSED and report.answered_at is None:
            report.answered_at = timezone.now()
        report.save()
        MisuseReportEvent.objects.create(report=report, status=status, message=message, user=user)
        extra = {"message": message, "status": str(status), "status_label": str(Status(status).label)}
        transaction.on_commit(lambda: send_report_email(report, "status", extra_context=extra))
    return report
