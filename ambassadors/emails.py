"""Emails to applicants: the confirmation, and each decision (approved, rejected, suspended).

Each kind is three templates, ambassadors/emails/<kind>_subject.txt, <kind>.txt and <kind>.html,
sent by a background task that reads the application afresh by its id, in the applicant's
language (their contact's), whoever or whatever queued it.
"""

from django_tasks import task

from portal.contacts.services import in_language_of
from portal.core.languages import active_language
from portal.core.mail import named_address, single_line, site_root_url, templated_message

KINDS = ("received", "status")


def build_application_email(application, kind, extra_context=None):
    if kind not in KINDS:
        raise ValueError(f"Not an ambassador email: {kind!r}.")
    context = {
        "application": application,
        "name": single_line(application.name),
        "site_url": site_root_url(),
        **(extra_context or {}),
    }
    if "status" in context:  # the decision's name, in the email's language
        context["status_label"] = application.Status(context["status"]).label
    return templated_message(
        f"ambassadors/emails/{kind}", context, named_address(application.name, application.email)
    )


@task()
def send_application_email_task(application_id, kind, extra_context=None, language=None):
    """`language` (the queuing request's) is only the fallback for an applicant the user
    database does not know."""
    from .models import Application

    application = Application.objects.filter(pk=application_id).first()
    if application is None:  # deleted before the task ran
        return False
    with in_language_of(application.email, fallback=language):
        build_application_email(application, kind, extra_context).send()
    return True


def send_application_email(application, kind, *, extra_context=None):
    """Queue one email of ``kind``; ``extra_context`` must be JSON-serialisable."""
    if kind not in KINDS:
        raise ValueError(f"Not an ambassador email: {kind!r}.")
    return send_application_email_task.enqueue(
        application.pk, kind, extra_context=extra_context or {}, language=active_language()
    )
