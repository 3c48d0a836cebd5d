"""Feedback records the language it was written in; a requester's emails go in their language,
even when an English-speaking analyst triages the request."""

import pytest
from django.core import mail
from django.utils import translation

from feedback import data_requests
from feedback.models import DataRequest, PageFeedback
from feedback.page_feedback import record_feedback
from portal.contacts.models import Contact

pytestmark = pytest.mark.django_db


def submit_request(email, django_capture_on_commit_callbacks, what="Monthly rents by region"):
    with django_capture_on_commit_callbacks(execute=True):
        return data_requests.submit(
            what=what,
            purpose="research",
            name="Rosa Quant",
            email=email,
            consent_wording="I agree.",
        )


@pytest.mark.parametrize(
    ("language", "expected"), [("fr", "fr"), ("ar", "ar"), ("en-gb", "en-gb"), ("zz", "en-gb")]
)
def test_page_feedback_records_the_language(story, language, expected):
    with translation.override(language):
        feedback = record_feedback(story, useful=True)
    assert PageFeedback.objects.get(pk=feedback.pk).language == expected


def test_a_french_requester_gets_the_confirmation_in_french(django_capture_on_commit_callbacks):
    with translation.override("fr"):
        data_request = submit_request("rosa@example.org", django_capture_on_commit_callbacks)
    assert DataRequest.objects.get(pk=data_request.pk).language == "fr"
    assert Contact.objects.get(email="rosa@example.org").preferred_language == "fr"
    [message] = mail.outbox
    assert message.subject == f"Nous avons bien reçu votre demande de données {data_request.reference}"
    assert "Merci pour votre demande de données." in message.body
    assert message.extra_headers["Content-Language"] == "fr"


def test_the_status_email_follows_the_requester_not_the_analyst(triager, django_capture_on_commit_callbacks):
    with translation.override("ar"):
        data_request = submit_request("salma@example.org", django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with translation.override("en-gb"), django_capture_on_commit_callbacks(execute=True):
        data_requests.triage(
            data_request,
            user=triager,
            status=DataRequest.Status.IN_PROGRESS,
            assigned_to=None,
            themes=[],
        )
    [message] = mail.outbox
    assert "قيد المعالجة" in message.subject
    assert message.extra_headers["Content-Language"] == "ar"


def test_an_english_requester_stays_english_after_a_french_request(django_capture_on_commit_callbacks):
    submit_request("jo@example.org", django_capture_on_commit_callbacks)
    with translation.override("fr"):
        later = submit_request("jo@example.org", django_capture_on_commit_callbacks, what="Loyers")
    assert later.language == "fr"  # the request itself was written on the French page
    assert Contact.objects.get(email="jo@example.org").preferred_language == "en-gb"
    assert mail.outbox[-1].subject == f"We have received your data request {later.reference}"


def test_the_admin_filters_feedback_by_language(superuser_client, story):
    with translation.override("fr"):
        record_feedback(story, useful=True, comment="Très utile")
    record_feedback(story, useful=False, comment="Not useful at all")
    listing = superuser_client.get("/admin/feedback/pagefeedback/", {"language": "fr"}).content.decode()
    assert "Très utile" in listing and "Not useful at all" not in listing
