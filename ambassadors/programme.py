"""The life of an application: applied → approved or rejected; approved → suspended → approved.

Every change goes through here, so each is written to the application's history and emailed to
the applicant after the transaction commits. Moves outside the chart below are refused.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from portal.contacts.models import TouchpointKind
from portal.contacts.services import ConsentGiven, normalise_email, owns_address, record_touchpoint

from .emails import send_application_email
from .models import Application, ApplicationEvent

Status = Application.Status
CONSENT_PURPOSE = "ambassadors"

TRANSITIONS = {
    Status.APPLIED: (Status.APPROVED, Status.REJECTED),
    Status.APPROVED: (Status.SUSPENDED,),
    Status.SUSPENDED: (Status.APPROVED,),
    Status.REJECTED: (),
}


class DuplicateApplication(Exception):
    def __init__(self):
        super().__init__(
            gettext(
                "We already have an application from this email address. We will email you when it is "
                "decided; if you have questions, reply to our confirmation email."
            )
        )


class TransitionError(ValueError):
    pass


def submit(*, name, email, role, organisation, channels, motivation, consent_wording, source="", user=None):
    """Record the application and the applicant (a touchpoint in the user database) and email
    the confirmation. One application per address; nothing is saved when any step fails."""
    address = normalise_email(email)
    if Application.objects.filter(email=address).exists():
        raise DuplicateApplication
    try:
        with transaction.atomic():
            contact = record_touchpoint(
                address,
                kind=TouchpointKind.AMBASSADOR_APPLICATION,
                source=source,
                detail=f"Applied as {role}",
                consent=ConsentGiven(CONSENT_PURPOSE, consent_wording),
                user=user if user is not None and user.is_authenticated else None,
                name=name,
                organisation=organisation,
            )
            application = Application.objects.create(
                name=name,
                email=address,
                role=role,
                organisation=organisation,
                channels=channels,
                motivation=motivation,
                contact=contact,
            )
            ApplicationEvent.objects.create(application=application, status=Status.APPLIED)
            transaction.on_commit(lambda: send_application_email(application, "received"))
    except IntegrityError as error:  # the same address, sent twice at once: the other one won
        raise DuplicateApplication from error
    return application


def allowed_moves(application):
    return TRANSITIONS[Status(application.status)]


def move(application, *, user, status, message=""):
    """Move the application to ``status``, log it and email the applicant with ``message``.
    Rejecting and suspending need a message: the applicant reads why."""
    message = message.strip()
    with transaction.atomic():
        application = Application.objects.select_for_update(of=("self",)).get(pk=application.pk)
        if status not in allowed_moves(application):
            raise TransitionError(
                gettext("An application that is “%(current)s” cannot become “%(new)s”.")
                % {"current": application.get_status_display(), "new": Status(status).label}
            )
        if status in (Status.REJECTED, Status.SUSPENDED) and not message:
            raise TransitionError(gettext("Write the message to the applicant: they will read why."))
        application.status = status
        application.decided_at = timezone.now()
        application.save(update_fields=["status", "decided_at"])
        ApplicationEvent.objects.create(application=application, status=status, message=message, user=user)
        extra = {"message": message, "status": str(status), "status_label": str(Status(status).label)}
        transaction.on_commit(lambda: send_application_email(application, "status", extra_context=extra))
    return application


def ambassador_for(user):
    """The application of a signed-in account, linking it the first time: an application belongs
    to the account that has verified its email address, never to one that merely typed it."""
    if user is None or not user.is_authenticated:
        return None
    linked = Application.objects.filter(user=user).first()
    if linked is not None:
        return linked
    address = normalise_email(user.email)
    application = Application.objects.filter(email=address, user__isnull=True).first()
    if application is None or not owns_address(user, address):
        return None
    Application.objects.filter(pk=application.pk, user__isnull=True).update(user=user)
    application.user = user
    return application
