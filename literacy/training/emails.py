"""Every email to a training registrant goes through send_registration_email.

Each kind of message is three templates, training/emails/<kind>_subject.txt, <kind>.txt and
<kind>.html. The message is rendered and sent by a background task (Django's tasks API, as
Wagtail uses it), so a slow mail server never holds up a request; the task reads the
registration afresh, so it only needs its id, and writes in the registrant's language (their
contact's), not in the language of whatever queued it (a request, a command, a worker).
"""

import re

from django_tasks import task

from portal.contacts.services import in_language_of
from portal.core.mail import named_address, single_line, site_root_url, templated_message

from .ics import Method, registration_ics

# Kinds sent by the registration service: confirmed, waitlisted, pending, promoted, declined,
# cancelled, session_changed, session_cancelled; the staff side adds reminder and thank_you.
KIND_PATTERN = re.compile(r"[a-z][a-z_]*")
ICS_METHODS = (Method.REQUEST, Method.CANCEL)


def check_kind(kind, ics_method):
    """Refuse early (in the caller, not later in a worker) what cannot name a template or a method."""
    if not KIND_PATTERN.fullmatch(kind):
        raise ValueError(f"Not a training email kind: {kind!r}.")
    if ics_method is not None and ics_method not in ICS_METHODS:
        raise ValueError(f"Not an iCalendar method for an email: {ics_method!r}.")


def email_context(registration, extra_context=None):
    """What every template gets: the registration, its session and absolute links."""
    root_url = site_root_url()
    session = registration.session
    index = session.get_parent().specific
    session_url = session.get_full_url() or ""
    return {
        "registration": registration,
        "session": session,
        "name": single_line(registration.name),
        "root_url": root_url,
        "session_url": session_url,
        "cancel_url": session_url + session.reverse_subpage("cancel", args=[registration.token]),
        "index_url": index.get_full_url() or "",
        **(extra_context or {}),
    }


def build_registration_email(registration, kind, *, ics_method=None, extra_context=None):
    """The message, ready to send: plain text and HTML parts, and session.ics when asked for."""
    check_kind(kind, ics_method)
    context = email_context(registration, extra_context)
    message = templated_message(
        f"training/emails/{kind}", context, named_address(registration.name, registration.email)
    )
    if ics_method:
        message.attach(
            "session.ics",
            registration_ics(registration, ics_method),
            f"text/calendar; charset=utf-8; method={ics_method}",
        )
    return message


@task()
def send_registration_email_task(registration_id, kind, ics_method=None, extra_context=None):
    from .models import Registration

    registration = Registration.objects.select_related("session").filter(pk=registration_id).first()
    if registration is None:  # deleted before the task ran: nobody to write to
        return False
    with in_language_of(registration.email):
        build_registration_email(
            registration, kind, ics_method=ics_method, extra_context=extra_context
        ).send()
    return True


def send_registration_email(registration, kind, *, ics_method=None, extra_context=None):
    """Queue one email of `kind` to the registrant, now.

    `extra_context` must be JSON-serialisable (it travels through the task queue). Inside a
    transaction, call this from transaction.on_commit so that nothing is sent for a change
    that is rolled back (the training service does so).
    """
    check_kind(kind, ics_method)
    return send_registration_email_task.enqueue(
        registration.pk, kind, ics_method=ics_method, extra_context=extra_context or {}
    )
