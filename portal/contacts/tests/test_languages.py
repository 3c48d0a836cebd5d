"""Each person's language: recorded at sign-up, kept afterwards, used for every email."""

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.utils import translation

from portal.contacts.models import Contact, TouchpointKind
from portal.contacts.services import in_language_of, language_of, record_touchpoint
from portal.core.languages import active_language, supported_language
from portal.core.mail import language_headers, queue_message
from tests.factories import VerifiedUserFactory
from tests.spreadsheets import csv_rows

from .factories import ContactFactory

pytestmark = pytest.mark.django_db

CONTACTS_URL = "/admin/contacts/contact/"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("fr", "fr"),
        ("FR", "fr"),
        ("fr-ca", "fr"),
        ("ar", "ar"),
        ("ar-eg", "ar"),
        ("en", "en-gb"),
        ("en-us", "en-gb"),
        ("en-gb", "en-gb"),
        ("de", "en-gb"),
        ("xx-yy", "en-gb"),
        ("", "en-gb"),
        (None, "en-gb"),
        (42, "en-gb"),
        ("<script>alert(1)</script>", "en-gb"),
        ("fr" * 300, "en-gb"),
        ("../../etc/passwd", "en-gb"),
    ],
)
def test_supported_language_is_always_one_of_the_sites(code, expected):
    assert supported_language(code) == expected


def test_active_language_follows_the_request():
    with translation.override("fr-ca"):
        assert active_language() == "fr"
    with translation.override(None):
        assert active_language() == "en-gb"


def test_new_contact_gets_the_language_of_the_page_they_signed_up_on():
    with translation.override("fr"):
        contact = record_touchpoint("amelie@example.org", kind=TouchpointKind.NEWSLETTER_SIGNUP)
    assert contact.preferred_language == "fr"
    with translation.override("ar"):
        assert record_touchpoint("salma@example.org", kind=TouchpointKind.FEEDBACK).preferred_language == "ar"


def test_a_new_contact_outside_any_request_gets_the_default():
    with translation.override(None):
        contact = record_touchpoint("demo@example.org", kind=TouchpointKind.FEEDBACK)
    assert contact.preferred_language == "en-gb"


def test_a_later_sign_up_in_another_language_keeps_the_first():
    with translation.override("fr"):
        record_touchpoint("amelie@example.org", kind=TouchpointKind.NEWSLETTER_SIGNUP)
    with translation.override("ar"):
        record_touchpoint("Amelie@Example.org ", kind=TouchpointKind.FORUM_JOIN)
    assert Contact.objects.get(email="amelie@example.org").preferred_language == "fr"


def test_an_unproven_form_cannot_change_the_language_but_a_proven_one_can():
    ContactFactory(email="amelie@example.org", preferred_language="fr")
    record_touchpoint("amelie@example.org", kind=TouchpointKind.FEEDBACK, preferred_language="ar")
    assert Contact.objects.get(email="amelie@example.org").preferred_language == "fr"
    record_touchpoint(
        "amelie@example.org", kind=TouchpointKind.FEEDBACK, preferred_language="ar", verified=True
    )
    assert Contact.objects.get(email="amelie@example.org").preferred_language == "ar"


def test_a_garbage_chosen_language_falls_back_to_the_default():
    contact = record_touchpoint("x@example.org", kind=TouchpointKind.FEEDBACK, preferred_language="<b>x</b>")
    assert contact.preferred_language == "en-gb"


@pytest.mark.parametrize("stored", ["", "de", "<script>", "x" * 10])
def test_language_of_a_contact_with_a_bad_stored_value_is_the_default(stored):
    contact = ContactFactory(email="old@example.org")
    Contact.objects.filter(pk=contact.pk).update(preferred_language=stored)
    assert language_of("old@example.org") == "en-gb"
    contact.refresh_from_db()
    assert language_of(contact) == "en-gb"


@pytest.mark.parametrize("address", ["", "   ", None, "nobody@example.org", "not an address"])
def test_language_of_an_unknown_address_is_the_default(address):
    assert language_of(address) == "en-gb"


def test_language_of_finds_the_contact_by_normalised_address():
    ContactFactory(email="salma@example.org", preferred_language="ar")
    assert language_of("  SALMA@example.org") == "ar"


def test_in_language_of_overrides_the_request_language():
    ContactFactory(email="salma@example.org", preferred_language="ar")
    with translation.override("fr"), in_language_of("salma@example.org"):
        assert translation.get_language() == "ar"
    with translation.override("fr"), in_language_of("unknown@example.org"):
        assert translation.get_language() == "en-gb"


def test_content_language_header_names_the_readers_language():
    ContactFactory(email="amelie@example.org", preferred_language="fr")
    with translation.override("ar"), in_language_of("amelie@example.org"):
        headers = language_headers({"Reply-To": "office@example.org"})
    assert headers == {"Reply-To": "office@example.org", "Content-Language": "fr"}


def test_queued_message_keeps_its_content_language():
    ContactFactory(email="salma@example.org", preferred_language="ar")
    with in_language_of("salma@example.org"):
        message = EmailMultiAlternatives("s", "b", to=["salma@example.org"], headers=language_headers())
    with translation.override("en-gb"):
        queue_message(message)
    assert mail.outbox[-1].extra_headers["Content-Language"] == "ar"
    assert mail.outbox[-1].message()["Content-Language"] == "ar"


def test_language_of_an_unknown_address_may_fall_back_to_the_request():
    assert language_of("new@example.org", fallback="fr") == "fr"
    assert language_of("new@example.org", fallback="<i>") == "en-gb"
    ContactFactory(email="salma@example.org", preferred_language="ar")
    assert language_of("salma@example.org", fallback="fr") == "ar"


def test_contacts_admin_shows_and_filters_the_language(superuser_client):
    ContactFactory(email="amelie@example.org", preferred_language="fr")
    ContactFactory(email="salma@example.org", preferred_language="ar")
    listing = superuser_client.get(CONTACTS_URL).content.decode()
    assert "Français" in listing and "العربية" in listing
    filtered = superuser_client.get(CONTACTS_URL, {"preferred_language": "ar"}).content.decode()
    assert "salma@example.org" in filtered and "amelie@example.org" not in filtered


def test_contacts_export_has_the_language(superuser_client):
    ContactFactory(email="salma@example.org", preferred_language="ar")
    header, row = csv_rows(superuser_client.get(CONTACTS_URL, {"export": "csv"}))
    assert dict(zip(header, row, strict=True))["Language for emails"] == "ar"


def test_signed_in_owner_may_change_their_language():
    user = VerifiedUserFactory(email="owner@example.org")
    ContactFactory(email="owner@example.org", preferred_language="en-gb")
    record_touchpoint("owner@example.org", kind=TouchpointKind.FEEDBACK, user=user, preferred_language="fr")
    assert Contact.objects.get(email="owner@example.org").preferred_language == "fr"
