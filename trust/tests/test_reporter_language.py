"""A reporter's emails go in their language (their contact's), even when an English-speaking
fact-checker moves the report, and from the background task whatever its process's language."""

import pytest
from django.utils.translation import override

from portal.contacts.tests.factories import ContactFactory
from trust import reports
from trust.emails import send_report_email
from trust.models import MisuseReport
from trust.tests.factories import MisuseReportFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "subject"),
    [
        ("ar", "بلاغكم MR-2026-00042: قيد الفرز"),
        ("fr", "Votre signalement MR-2026-00042 : trié"),
        ("en-gb", "Your report MR-2026-00042: triaged"),
    ],
)
def test_a_status_email_follows_the_reporter(
    handler, language, subject, mailoutbox, django_capture_on_commit_callbacks
):
    ContactFactory(email="rosa@example.org", preferred_language=language)
    report = MisuseReportFactory(reference="MR-2026-00042", email="rosa@example.org")
    with override("en-gb" if language != "en-gb" else "fr"), django_capture_on_commit_callbacks(execute=True):
        reports.move(report, user=handler, status=MisuseReport.Status.TRIAGED)
    [message] = mailoutbox
    assert message.subject == subject
    assert message.extra_headers["Content-Language"] == language


def test_an_unknown_reporter_gets_the_default_language_from_the_task(home_page, mailoutbox):
    report = MisuseReportFactory(reference="MR-2026-00043", email="nobody@example.org")
    with override("fr"):  # the worker's language must not decide
        send_report_email(report, "received")
    [message] = mailoutbox
    assert message.subject == "We received your report MR-2026-00043"
    assert message.extra_headers["Content-Language"] == "en-gb"
