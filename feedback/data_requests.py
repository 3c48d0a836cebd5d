"""The life of a data request: received, triaged, answered (or declined, or redirected).

Every change goes through here, so that each one is written to the request's history and the
requester hears about what concerns them. Emails leave after the transaction commits.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from portal.contacts.models import TouchpointKind
from portal.contacts.services import ConsentGiven, normalise_email, record_touchpoint
from portal.core.languages import active_language

from .emails import send_request_email
from .models import DataRequest, DataRequestEvent

DUPLICATE_WINDOW = datetime.timedelta(minutes=1)
CONSENT_PURPOSE = "data_request"
Status = DataRequest.Status
Kind = DataRequestEvent.Kind


class DuplicateRequest(Exception):
    """The same person sent the same request a moment ago (a double click or a resend)."""

    def __init__(self, existing):
        self.existing = existing
        super().__init__(
            gettext(
                "We received this request from you less than a minute ago, as %(reference)s. "
                "There is no need to send it again: check your email for the confirmation."
            )
            % {"reference": existing.reference}
        )


def same_text(text):
    return " ".join(text.split()).casefold()


def submit(
    *,
    what,
    purpose,
    purpose_detail="",
    deadline=None,
    name,
    email,
    organisation="",
    user_group="",
    consent_wording,
    source="",
    user=None,
):
    """Record the request and the requester, number it, and email the confirmation.

    The requester's contact row is locked first (record_touchpoint does so), so two copies
    of one request sent at once are seen one after the other and the second is refused.
    """
    address = normalise_email(email)
    now = timezone.now()
    with transaction.atomic():
        contact = record_touchpoint(
            address,
            kind=TouchpointKind.DATA_REQUEST,
            source=source,
            detail=what[:200],
            consent=ConsentGiven(CONSENT_PURPOSE, consent_wording),
            user=user if user is not None and user.is_authenticated else None,
            name=name,
            organisation=organisation,
            user_group=user_group,
        )
        recent = DataRequest.objects.filter(email=address, created_at__gte=now - DUPLICATE_WINDOW)
        for existing in recent.only("reference", "what"):
            if same_text(existing.what) == same_text(what):
                raise DuplicateRequest(existing)
        data_request = DataRequest.objects.create(
            what=what,
            purpose=purpose,
            purpose_detail=purpose_detail,
            deadline=deadline,
            name=name,
            email=address,
            organisation=organisation,
            user_group=user_group,
            contact=contact,
            created_at=now,
            language=active_language(),
        )
        data_request.reference = f"DR-{now.year}-{data_request.pk:05d}"
        data_request.save(update_fields=["reference"])
        DataRequestEvent.objects.create(request=data_request, kind=Kind.RECEIVED, status=Status.RECEIVED)
        transaction.on_commit(lambda: send_request_email(data_request, "received"))
    return data_request


class TriageError(ValueError):
    pass


def triage(data_request, *, user, status, assigned_to, themes, message="", product_url=""):
    """Apply a member of staff's changes; log each one; email the requester about status and message.

    A decline needs a reason and a redirection the address of the existing product: the
    requester reads both.
    """
    if status == Status.DECLINED and not message.strip():
        raise TriageError(gettext("Give the reason for declining: the requester will read it."))
    if status == Status.REDIRECTED and not product_url:
        raise TriageError(gettext("Give the address of the existing product that answers the request."))
    with transaction.atomic():
        data_request = DataRequest.objects.select_for_update().get(pk=data_request.pk)
        events = []
        if assigned_to != data_request.assigned_to:
            data_request.assigned_to = assigned_to
            events.append(Kind.ASSIGNED)
            DataRequestEvent.objects.create(
                request=data_request,
                kind=Kind.ASSIGNED,
                message=f"Assigned to {assigned_to.get_full_name() or assigned_to.email}"
                if assigned_to
                else "Unassigned",
                user=user,
            )
        old_themes = set(data_request.themes.all())
        if set(themes) != old_themes:
            data_request.themes.set(themes)
            events.append(Kind.THEMES)
            DataRequestEvent.objects.create(
                request=data_request,
                kind=Kind.THEMES,
                message=", ".join(sorted(theme.name for theme in themes)) or "No themes",
                user=user,
            )
        status_changed = status != data_request.status
        if status_changed:
            data_request.status = status
            data_request.product_url = (
                product_url if status == Status.REDIRECTED else data_request.product_url
            )
            if status in DataRequest.CLOSED and data_request.closed_at is None:
                data_request.closed_at = timezone.now()
            elif status not in DataRequest.CLOSED:
                data_request.closed_at = None
            events.append(Kind.STATUS)
            DataRequestEvent.objects.create(
                request=data_request, kind=Kind.STATUS, status=status, message=message.strip(), user=user
            )
        elif message.strip():
            events.append(Kind.REPLY)
            DataRequestEvent.objects.create(
                request=data_request, kind=Kind.REPLY, message=message.strip(), user=user
            )
        data_request.save()
        if status_changed or message.strip():
            kind = "status" if status_changed else "reply"
            extra = {"message": message.strip()}
            transaction.on_commit(lambda: send_request_email(data_request, kind, extra_context=extra))
    return data_request, events
