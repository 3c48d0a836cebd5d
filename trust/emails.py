"""Emails to the person who reported a misuse: the confirmation, and each change of status.

Each kind is three templates, trust/emails/<kind>_subject.txt, <kind>.txt and <kind>.html,
sent by a background task (Django's tasks API) that reads the report afresh by its id, and
writes in the reporter's language (their contact's).
"""

from django_tasks import task

from portal.contacts.services import in_language_of
from portal.core.mail import named_address, single_line, templated_message

KINDS = ("received", "status")


def build_report_email(report, kind, extra_context=None):
    if kind not in KINDS:
        raise ValueError(f"Not a misuse report email: {kind!r}.")
    fact_check_url = ""
    if report.fact_check_id and report.fact_check.live:
        fact_check_url = report.fact_check.get_full_url() or ""
    context = {
        "report": report,
        "name": single_line(report.name),
        "fact_check_url": fact_check_url,
        **(extra_context or {}),
    }
    if "status" in context:  # the status's words in the language the email is written in
        context["status_label"] = report.Status(context["status"]).label
    return templated_message(f"trust/emails/{kind}", context, named_address(report.name, report.email))


@task()
def send_report_email_task(report_id, kind, extra_context=None):
    from .models import MisuseReport

    report = MisuseReport.objects.select_related("fact_check").filter(pk=report_id).first()
    if report is None:  # deleted before the task ran
        return False
    with in_language_of(report.email):
        build_report_email(report, kind, extra_context).send()
    return True


def send_report_email(report, kind, *, extra_context=None):
    """Queue one email of ``kind``; ``extra_context`` must be JSON-serialisable."""
    if kind not in KINDS:
        raise ValueError(f"Not a misuse report email: {kind!r}.")
    return send_report_email_task.enqueue(report.pk, kind, extra_context=extra_context or {})
