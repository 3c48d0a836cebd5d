"""The registration service: every change to a seat, the waitlist or a session's schedule.

Each change runs in a transaction that first locks the session's row (select_for_update), so
on PostgreSQL concurrent registrations for the last seats are served one at a time and a
session never holds more confirmed people than its capacity. Emails are queued only when the
transaction commits, so a rolled-back change never tells anyone anything.
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from portal.contacts.models import TouchpointKind
from portal.contacts.services import ConsentGiven, normalise_email, record_touchpoint
from portal.core.mail import single_line

from .emails import send_registration_email
from .ics import Method
from .models import Registration, TrainingSessionPage
from .times import session_closes

Status = Registration.Status
CONSENT_PURPOSE = "training_registration"


class RegistrationError(ValueError):
    """A registration change the person (or staff) cannot make; str() is a user-facing message."""


class RegistrationClosed(RegistrationError):
    """The session is cancelled, has started, or its registration deadline has passed."""


class AlreadyRegistered(RegistrationError):
    """This email already has a seat, a place on the waitlist or a request awaiting approval."""

    def __init__(self, message=None):
        super().__init__(message or gettext("This email address is already registered for this session."))


def closed_reason(session, now=None):
    """Why nobody can register now (a sentence for the page), or "" while registration is open."""
    now = now or timezone.now()
    if session.cancelled:
        return gettext("This session has been cancelled.")
    if now >= session.starts_at:
        return (
            gettext("This session has already taken place.")
            if now >= session.ends_at
            else gettext("This session has started.")
        )
    if now >= session.closes_at:
        return gettext("Registration closed on %(date)s.") % {"date": session_closes(session)}
    return ""


def seats_left(session):
    """Free seats: capacity minus confirmed registrations, never below zero."""
    confirmed = Registration.objects.filter(session_id=session.pk, status=Status.CONFIRMED).count()
    return max(session.capacity - confirmed, 0)


def _lock_session(session):
    """The session's row, locked until the transaction ends: the one queue for its seats."""
    return TrainingSessionPage.objects.select_for_update(of=("self",)).get(pk=session.pk)


def _lock_registration(registration):
    return Registration.objects.select_for_update().get(pk=registration.pk)


def _email_on_commit(registration, kind, *, ics_method=None, extra_context=None):
    transaction.on_commit(
        lambda: send_registration_email(
            registration, kind, ics_method=ics_method, extra_context=extra_context
        ),
        robust=True,
    )


def _set_status(registration, status):
    registration.status = status
    registration.status_changed_at = timezone.now()
    registration.save(update_fields=["status", "status_changed_at"])


def _default_user_group(session, user_group):
    """The group the person gave, else the group the session is for (none for an open session)."""
    return user_group or session.audience


def register(
    session,
    *,
    name,
    email,
    organisation="",
    role="",
    user_group="",
    accessibility_needs="",
    questions="",
    consent_wording,
    source="",
):
    """Register a person: a seat, a place on the waitlist, or a request for approval.

    Records the person in the user database (touchpoint, the consent with the exact wording
    they saw, and their user group) in the same transaction, and emails them once it commits.
    Raises RegistrationClosed or AlreadyRegistered (both RegistrationError) with a message
    fit to show them.
    """
    address = normalise_email(email)
    try:
        validate_email(address)
    except ValidationError as error:
        raise RegistrationError(
            gettext("Enter an email address in the correct format, like name@example.com")
        ) from error
    name = single_line(name)
    if not name:
        raise RegistrationError(gettext("Enter your name."))
    if not consent_wording:
        raise RegistrationError(gettext("A registration needs the consent the person gave."))
    with transaction.atomic():
        session = _lock_session(session)
        reason = closed_reason(session)
        if reason:
            raise RegistrationClosed(reason)
        if Registration.objects.filter(
            session=session, email=address, status__in=Registration.ACTIVE
        ).exists():
            raise AlreadyRegistered()
        if session.requires_approval:
            status = Status.PENDING
        elif seats_left(session) > 0:
            status = Status.CONFIRMED
        else:
            status = Status.WAITLISTED
        user_group = _default_user_group(session, user_group)
        contact = record_touchpoint(
            address,
            kind=TouchpointKind.TRAINING_REGISTRATION,
            source=source,
            detail=f"{session.title} ({status})",
            consent=ConsentGiven(purpose=CONSENT_PURPOSE, wording=consent_wording),
            name=name,
            organisation=single_line(organisation),
            user_group=user_group,
        )
        try:
            with transaction.atomic():  # a savepoint: the constraint is the last word on duplicates
                registration = Registration.objects.create(
                    session=session,
                    contact=contact,
                    name=name,
                    email=address,
                    organisation=single_line(organisation),
                    role=single_line(role),
                    user_group=user_group,
                    accessibility_needs=accessibility_needs.strip(),
                    questions=questions.strip(),
                    status=status,
                )
        except IntegrityError as error:
            raise AlreadyRegistered() from error
        if status == Status.CONFIRMED:
            _email_on_commit(registration, "confirmed", ics_method=Method.REQUEST)
        else:
            _email_on_commit(registration, str(status))
    return registration


def fill_free_seats(session):
    """Promote the oldest waitlisted people into free seats, each with an email and invitation.

    Called after a seat frees up; also safe to call after staff raise the capacity. Nobody is
    promoted into a cancelled session or one that has started. Returns those promoted.
    """
    promoted = []
    with transaction.atomic():
        session = _lock_session(session)
        if session.cancelled or timezone.now() >= session.starts_at:
            return promoted
        free = seats_left(session)
        if free <= 0:
            return promoted
        waiting = (
            Registration.objects.select_for_update()
            .filter(session=session, status=Status.WAITLISTED)
            .order_by("created_at", "pk")[:free]
        )
        for registration in waiting:
            _set_status(registration, Status.CONFIRMED)
            _email_on_commit(registration, "promoted", ics_method=Method.REQUEST)
            promoted.append(registration)
    return promoted


def cancel(registration):
    """The person gives up their seat or place in line. Idempotent: cancelling twice does nothing.

    Frees the seat for the oldest person on the waitlist. Returns the registration.
    """
    with transaction.atomic():
        _lock_session(registration.session)
        current = _lock_registration(registration)
        if current.status not in Registration.ACTIVE:
            return current
        had_seat = current.status == Status.CONFIRMED
        _set_status(current, Status.CANCELLED)
        _email_on_commit(current, "cancelled", ics_method=Method.CANCEL if had_seat else None)
        if had_seat:
            fill_free_seats(current.session)
    return current


def approve(registration):
    """Staff accept a request: a seat if one is free, else the waitlist; the person is emailed.

    Already approved registrations are left as they are; declined or cancelled ones, and
    sessions that are cancelled or have started, raise RegistrationError.
    """
    with transaction.atomic():
        session = _lock_session(registration.session)
        current = _lock_registration(registration)
        if current.status in (Status.CONFIRMED, Status.WAITLISTED):
            return current
        if current.status != Status.PENDING:
            raise RegistrationError(
                gettext("%(name)s's registration is %(status)s; they can register again.")
                % {"name": current.name, "status": current.get_status_display().lower()}
            )
        if session.cancelled or timezone.now() >= session.starts_at:
            raise RegistrationClosed(closed_reason(session))
        if seats_left(session) > 0:
            _set_status(current, Status.CONFIRMED)
            _email_on_commit(
                current, "confirmed", ics_method=Method.REQUEST, extra_context={"approved": True}
            )
        else:
            _set_status(current, Status.WAITLISTED)
            _email_on_commit(current, "waitlisted", extra_context={"approved": True})
    return current


def decline(registration, reason=""):
    """Staff turn a registration down, telling the person why; a seat it held goes to the waitlist.

    Declining twice does nothing; a registration the person cancelled raises RegistrationError.
    """
    with transaction.atomic():
        _lock_session(registration.session)
        current = _lock_registration(registration)
        if current.status == Status.DECLINED:
            return current
        if current.status not in Registration.ACTIVE:
            raise RegistrationError(
                gettext("%(name)s already cancelled this registration.") % {"name": current.name}
            )
        had_seat = current.status == Status.CONFIRMED
        _set_status(current, Status.DECLINED)
        _email_on_commit(
            current,
            "declined",
            ics_method=Method.CANCEL if had_seat else None,
            extra_context={"reason": reason.strip()},
        )
        if had_seat:
            fill_free_seats(current.session)
    return current


def notify_session_changed(session, *, cancelled=False):
    """Tell every active registrant that the session moved or is cancelled.

    Bumps the session's iCalendar SEQUENCE so calendars replace the old entry; people with a
    seat get the updated invitation (REQUEST) or a CANCEL, the others a plain email. Returns
    the number of people told.
    """
    with transaction.atomic():
        locked = _lock_session(session)
        TrainingSessionPage.objects.filter(pk=session.pk).update(sequence=F("sequence") + 1)
        session.sequence = locked.sequence + 1
        registrations = list(
            Registration.objects.filter(session_id=session.pk, status__in=Registration.ACTIVE).order_by(
                "created_at", "pk"
            )
        )
        kind = "session_cancelled" if cancelled else "session_changed"
        for registration in registrations:
            has_seat = registration.status == Status.CONFIRMED
            method = (Method.CANCEL if cancelled else Method.REQUEST) if has_seat else None
            _email_on_commit(registration, kind, ics_method=method)
    return len(registrations)
