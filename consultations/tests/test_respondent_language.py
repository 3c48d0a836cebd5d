"""A respondent's confirmation goes in their language: their contact's when the user database
knows them, else the page's they answered on."""

from types import SimpleNamespace

import pytest
from django.utils.translation import override

from consultations.responses import submit
from portal.contacts.models import Contact
from portal.contacts.tests.factories import ContactFactory

pytestmark = pytest.mark.django_db


def answered_form(email, *, consented=False):
    return SimpleNamespace(
        cleaned_data={"email": email},
        consented=consented,
        consent_wording="I agree.",
        answers=lambda: {"q1": "yes"},
    )


def test_an_unknown_respondent_gets_the_pages_language(
    consultation, mailoutbox, django_capture_on_commit_callbacks
):
    with override("fr"), django_capture_on_commit_callbacks(execute=True):
        submit(consultation, answered_form("new@example.org"))
    [message] = mailoutbox
    assert message.subject == f"Nous avons bien reçu vos réponses : {consultation.title}"
    assert message.extra_headers["Content-Language"] == "fr"


def test_a_known_respondent_gets_their_own_language(
    consultation, mailoutbox, django_capture_on_commit_callbacks
):
    ContactFactory(email="salma@example.org", preferred_language="ar")
    with override("fr"), django_capture_on_commit_callbacks(execute=True):
        submit(consultation, answered_form("salma@example.org", consented=True))
    [message] = mailoutbox
    assert message.extra_headers["Content-Language"] == "ar"
    assert Contact.objects.get(email="salma@example.org").preferred_language == "ar"


def test_a_consenting_new_respondent_is_recorded_in_the_pages_language(
    consultation, mailoutbox, django_capture_on_commit_callbacks
):
    with override("ar"), django_capture_on_commit_callbacks(execute=True):
        submit(consultation, answered_form("amal@example.org", consented=True))
    assert Contact.objects.get(email="amal@example.org").preferred_language == "ar"
    assert mailoutbox[0].extra_headers["Content-Language"] == "ar"
