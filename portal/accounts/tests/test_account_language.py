"""Account emails go in the account holder's language (their contact's); a new address gets the
language of the page that asked."""

import pytest
from django.urls import reverse
from django.utils.translation import override

from portal.accounts.tests.helpers import signup_data
from portal.contacts.models import Contact
from portal.contacts.tests.factories import ContactFactory
from tests.factories import VerifiedUserFactory

pytestmark = pytest.mark.django_db


def test_signing_up_in_french_records_french_and_writes_in_french(client, home_page, mailoutbox):
    with override("fr"):
        signup_address = reverse("account_signup")
    client.post(signup_address, signup_data())
    [email] = mailoutbox
    contact = Contact.objects.get()
    assert contact.preferred_language == "fr"
    assert email.extra_headers["Content-Language"] == "fr"
    assert "Confirmez votre adresse" in email.subject


def test_a_password_reset_goes_in_the_account_holders_language(client, home_page, mailoutbox):
    user = VerifiedUserFactory(email="salma@example.org")
    ContactFactory(email="salma@example.org", user=user, preferred_language="ar")
    with override("en-gb"):
        client.post(reverse("account_reset_password"), {"email": "salma@example.org"})
    [email] = mailoutbox
    assert "رسالة إعادة ضبط كلمة المرور" in email.subject
    assert email.extra_headers["Content-Language"] == "ar"


def test_an_english_account_holder_gets_english_from_a_french_page(client, home_page, mailoutbox):
    user = VerifiedUserFactory(email="jo@example.org")
    ContactFactory(email="jo@example.org", user=user, preferred_language="en-gb")
    with override("fr"):
        client.post(reverse("account_reset_password"), {"email": "jo@example.org"})
    [email] = mailoutbox
    assert "Password Reset Email" in email.subject
    assert email.extra_headers["Content-Language"] == "en-gb"
