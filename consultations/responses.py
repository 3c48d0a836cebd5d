"""Filing a response: the answers always; the person only when they agreed, through the one user
database; a confirmation email to whoever gave an address. One response per person whom we know."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from portal.contacts.models import TouchpointKind
from portal.contacts.services import ConsentGiven, in_language_of, normalise_email, record_touchpoint
from portal.core.languages import active_language
from portal.core.mail import queue_message, templated_message

from .models import ConsultationResponse

CONSENT_PURPOSE = "consultation_response"


class DuplicateResponse(Exception):
    def __init__(self):
        super().__init__(
            gettext(
                "You have already answered this consultation with this email address: we keep one "
                "response per person. If you want to change your answers, write to us."
            )
        )


class ConsultationClosed(Exception):
    pass


def submit(page, form, *, source="", user=None, now=None):
    """Store the response (answers only), and the respondent with their consent and a touchpoint
    if they agreed. Raise DuplicateResponse when that person already answered (nothing is
    saved), ConsultationClosed when the consultation is not open. The confirmation email is
    queued once the response is committed."""
    if not page.is_open(now):
        raise ConsultationClosed
    address = normalise_email(form.cleaned_data.get("email") or "")
    try:
        with transaction.atomic():
            contact = None
            if form.consented:
                contact = record_touchpoint(
                    address,
                    kind=TouchpointKind.CONSULTATION_RESPONSE,
                    source=source,
                    detail=page.title,
                    consent=ConsentGiven(purpose=CONSENT_PURPOSE, wording=form.consent_wording),
                    user=user,
                )
                if ConsultationResponse.objects.filter(page=page, contact=contact).exists():
                    raise DuplicateResponse
            response = ConsultationResponse.objects.create(
                page=page, form_data=form.answers(), contact=contact
            )
    except IntegrityError as error:  # the same person, at the same moment, in another request
        raise DuplicateResponse from error
    if address:
        with in_language_of(contact or address, fallback=active_language()):
            message = templated_message(
                "consultations/emails/received",
                {"page": page, "url": source, "consented": form.consented, "name": "participant"},
                address,
            )
        transaction.on_commit(lambda: queue_message(message))
    return response
