"""Sign-up through the real view: the email, the user database record, and bad input."""

from urllib.parse import urlparse

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from portal.contacts.forms import WORDING_CHANGED, wording_fingerprint
from portal.contacts.models import Consent, ConsentWording, Contact, Touchpoint, TouchpointKind

from .helpers import sign_up, signed_in_user_id, soup, text_of

pytestmark = pytest.mark.django_db
User = get_user_model()
HOSTILE = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_verification_email_arrives_over_smtp_and_its_link_verifies_and_signs_in(client, smtp_sink):
    response = sign_up(client)

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    user = User.objects.get(email="ana@example.org")
    assert signed_in_user_id(client) is None
    assert not EmailAddress.objects.get(user=user).verified

    [received] = smtp_sink.wait_for(1)
    assert received.rcpt_tos == ("ana@example.org",)
    assert received.message["To"] == "ana@example.org"
    assert "Confirm your email address" in received.subject
    assert received.mail_from in settings.DEFAULT_FROM_EMAIL
    confirm_links = [link for link in received.links if "/en/accounts/confirm-email/" in link]
    assert len(confirm_links) == 1
    confirm_path = urlparse(confirm_links[0]).path

    page = client.get(confirm_path)
    assert page.status_code == 200
    assert "ana@example.org" in text_of(page)
    assert signed_in_user_id(client) is None, "Opening the link alone must not confirm (mail scanners do)."

    confirmed = client.post(confirm_path)
    assert confirmed.status_code == 302
    assert confirmed.url == settings.LOGIN_REDIRECT_URL
    assert EmailAddress.objects.get(user=user).verified
    assert signed_in_user_id(client) == user.pk
    assert len(smtp_sink.messages) == 1


def test_sign_up_records_one_contact_with_touchpoint_and_the_consent_wording_of_the_moment(client):
    wording = ConsentWording.load()
    wording.account_signup = "I agree to version two of the account terms."
    wording.save()
    page = client.get(reverse("account_signup"))
    assert "I agree to version two of the account terms." in text_of(page)

    response = sign_up(client, user_group="teachers_and_students")

    assert response.status_code == 302
    user = User.objects.get()
    assert user.first_name == "Ana Silva"
    contact = Contact.objects.get()
    assert contact.email == "ana@example.org"
    assert contact.user == user
    assert contact.name == "Ana Silva"
    assert contact.user_group == "teachers_and_students"
    touchpoint = Touchpoint.objects.get()
    assert (touchpoint.contact, touchpoint.kind) == (contact, TouchpointKind.ACCOUNT_SIGNUP)
    assert touchpoint.source == reverse("account_signup")
    consent = Consent.objects.get()
    assert consent.contact == contact
    assert consent.granted is True
    assert consent.purpose == "account"
    assert consent.wording == "I agree to version two of the account terms."

    # A later edit of the wording leaves the record of what was agreed alone.
    wording.account_signup = "Version three."
    wording.save()
    consent.refresh_from_db()
    assert consent.wording == "I agree to version two of the account terms."


def test_name_and_user_group_are_optional(client):
    response = sign_up(client, name="", user_group="")

    assert response.status_code == 302
    user = User.objects.get()
    assert user.first_name == ""
    contact = Contact.objects.get()
    assert (contact.name, contact.user_group) == ("", "")
    assert Consent.objects.count() == 1


def test_wording_changed_after_the_page_was_shown_must_be_agreed_again(client):
    shown = ConsentWording.load().account_signup
    wording = ConsentWording.load()
    wording.account_signup = "New words, edited while the form was open."
    wording.save()

    response = sign_up(client, consent_version=wording_fingerprint(shown))

    assert response.status_code == 200
    assert WORDING_CHANGED in text_of(response)
    html = soup(response)
    assert not html.find("input", {"name": "consent"}).has_attr("checked")
    assert html.find("input", {"name": "consent_version"})["value"] == wording_fingerprint(
        "New words, edited while the form was open."
    )
    assert not User.objects.exists()
    assert not Contact.objects.exists()

    again = sign_up(client, consent_version=wording_fingerprint("New words, edited while the form was open."))
    assert again.status_code == 302
    assert Consent.objects.get().wording == "New words, edited while the form was open."


def test_without_consent_sign_up_fails_clearly_and_keeps_what_was_typed(client):
    response = sign_up(client, consent=None)

    assert response.status_code == 200
    assert "Please agree to this so that we can create your account." in text_of(response)
    html = soup(response)
    summary = html.select_one(".error-summary")
    assert summary is not None
    consent_link = summary.find("a", href="#id_consent")
    assert consent_link.get_text(strip=True) == "Please agree to this so that we can create your account."
    assert html.find("input", {"name": "email"})["value"] == "ana@example.org"
    assert html.find("input", {"name": "name"})["value"] == "Ana Silva"
    assert html.find("select", {"name": "user_group"}).find("option", selected=True)["value"] == "researchers"
    assert not User.objects.exists()
    assert not Contact.objects.exists()


def test_error_summary_names_each_field_and_links_to_it(client):
    response = sign_up(client, email="", password2="something-else")

    links = {
        link["href"]: link.get_text(" ", strip=True) for link in soup(response).select(".error-summary a")
    }
    assert links == {
        "#id_email": "Email: This field is required.",
        "#id_password2": "Password (again): You must type the same password each time.",
    }
    assert not User.objects.exists()


def test_duplicate_email_in_other_case_creates_nothing_and_the_owner_is_told_by_email(smtp_sink):
    first = Client()
    sign_up(first)
    assert User.objects.count() == 1
    smtp_sink.clear()
    # Time passes: allauth sends at most one email per address every few minutes
    # (ACCOUNT_RATE_LIMITS["confirm_email"]), and those limits live in the cache.
    cache.clear()

    second = Client()
    response = sign_up(second, email="Ana@Example.org", name="Someone Else", user_group="media")

    # ACCOUNT_PREVENT_ENUMERATION (allauth's default): the page is the same as for a new
    # address, so it cannot be used to find out who has an account; the clear refusal goes
    # to the mailbox of the person who owns the address.
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    page = second.get(response.url)
    assert "If you already have an account with this address" in text_of(page)
    assert User.objects.count() == 1
    assert Contact.objects.count() == 1
    assert Touchpoint.objects.count() == 1
    assert Consent.objects.count() == 1
    contact = Contact.objects.get()
    assert (contact.name, contact.user_group) == ("Ana Silva", "researchers")

    [received] = smtp_sink.wait_for(1)
    assert received.rcpt_tos == ("ana@example.org",)
    assert "You already have an account" in received.subject
    assert "There is already an account for this address, so no new account was created." in received.text
    assert any(reverse("account_reset_password") in link for link in received.links)
    assert "Someone Else" not in received.text


@pytest.mark.parametrize(
    "email",
    [
        "not-an-email",
        "ana@",
        "@example.org",
        "ana smith@example.org",
        "ana@example.org\nBcc: victim@example.net",
        "ana@example.org>, <other@example.net",
    ],
)
def test_malformed_email_is_refused(client, email):
    response = sign_up(client, email=email)

    assert response.status_code == 200
    assert "Enter a valid email address." in text_of(response)
    assert not User.objects.exists()
    assert not Contact.objects.exists()


def test_name_over_150_characters_is_refused_and_150_is_accepted(client):
    response = sign_up(client, name="x" * 151)

    assert response.status_code == 200
    assert "Ensure this value has at most 150 characters (it has 151)." in text_of(response)
    assert not User.objects.exists()

    response = sign_up(client, name="y" * 150)
    assert response.status_code == 302
    assert User.objects.get().first_name == "y" * 150
    assert Contact.objects.get().name == "y" * 150


def test_hostile_name_is_redisplayed_escaped_in_the_form(client):
    response = sign_up(client, name=HOSTILE, consent=None)

    assert response.status_code == 200
    body = response.content.decode()
    assert HOSTILE not in body
    assert f'value="{ESCAPED}"' in body


def test_hostile_name_is_stored_as_text_and_shown_escaped(client, smtp_sink, admin_client):
    sign_up(client, name=HOSTILE)

    user = User.objects.get(email="ana@example.org")
    assert user.first_name == HOSTILE
    assert Contact.objects.get().name == HOSTILE
    [received] = smtp_sink.wait_for(1)
    assert HOSTILE not in received.text, "What someone types must not be mailed to a stranger's address."

    confirm_path = urlparse(next(link for link in received.links if "/confirm-email/" in link)).path
    client.post(confirm_path)
    assert signed_in_user_id(client) == user.pk
    # The "signed in as ..." message names the user on the next page.
    page = client.get(reverse("account_email"))
    body = page.content.decode()
    assert ESCAPED in body
    assert HOSTILE not in body

    # And where staff read it: the contacts list and the user list in the Wagtail admin.
    for url in ("/admin/contacts/contact/", reverse("wagtailusers_users:index")):
        listing = admin_client.get(url)
        assert listing.status_code == 200, url
        body = listing.content.decode()
        assert ESCAPED in body, url
        assert HOSTILE not in body, url


def test_sign_up_page_lists_fields_in_order_with_visible_labels(client):
    html = soup(client.get(reverse("account_signup")))
    form = html.select_one("main form")
    names = [field["name"] for field in form.select("input:not([type=hidden]), select")]
    assert names == ["email", "password1", "password2", "name", "user_group", "consent"]
    for name in names:
        field = form.find(attrs={"name": name})
        label = form.find("label", attrs={"for": field["id"]})
        assert label is not None and label.get_text(strip=True), name
        assert not field.has_attr("placeholder"), name
    assert form.find("input", {"name": "consent_version", "type": "hidden"}) is not None
