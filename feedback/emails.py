"""Emails to people who sent a data request: its confirmation, status changes and replies.

Each kind is three templates, feedback/emails/<kind>_subject.txt, <kind>.txt and <kind>.html,
sent by a background task (Django's tasks API) that reads the request afresh by its id, in the
requester's language (their contact's), whoever or whatever queued it.
"""

from django_tasks import task

from portal.contacts.services import in_language_of
from portal.core.languages import active_language
from portal.core.mail import named_address, single_line, templated_message

KINDS = ("received", "status", "reply")


def request_links(data_request):
    """Absolute links to the request's status page and to the form, from the live request page."""
    from .models import DataRequestPage

    page = DataRequestPage.objects.live().first()
    if page is None:
        return "", ""
    form_url = page.get_full_url() or ""
    return form_url + page.reverse_subpage("status", args=[data_request.token]), form_url


def build_request_email(data_request, kind, extra_context=None):
    if kind not in KINDS:
        raise ValueError(f"Not a data request email: {kind!r}.")
    status_url, form_url = request_links(data_request)
    context = {
        "request": data_request,
        "name": single_line(data_request.name),
        "status_url": status_url,
        "form_url": form_url,
        **(extra_context or {}),
    }
    return templated_message(
        f"feedback/emails/{kind}", context, named_address(data_request.name, data_request.email)
    )


@task()
def send_request_email_task(request_id, kind, extra_context=None, language=None):
    """`language` (the queuing request's) is only the fallback for a requester the user
    database does not know."""
    from .models import DataRequest

    data_request = DataRequest.objects.filter(pk=request_id).first()
    if data_request is None:  # deleted before the task ran
        return False
    with in_language_of(data_request.email, fallback=language):
        build_request_email(data_request, kind, extra_context).send()
    return True


def send_request_email(data_request, kind, *, extra_context=None):
    """Queue one email of ``kind``; ``extra_context`` must be JSON-serialisable."""
    if kind not in KINDS:
        raise ValueError(f"Not a data request email: {kind!r}.")
    return send_request_email_task.enqueue(
        data_request.pk, kind, extra_context=extra_context or {}, language=active_language()
    )
