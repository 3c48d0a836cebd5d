"""Password reset by email link, through the real views and a real SMTP server."""

from datetime import datetime, timedelta
from urllib.parse import urlparse

import pytest
from allauth.account.forms import EmailAwarePasswordResetTokenGenerator
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.factories import NEW_PASSWORD, PASSWORD

from .helpers import link_to, sign_in, signed_in_user_id, soup, text_of

pytestmark = pytest.mark.django_db
RESET_PREFIX = "/en/accounts/password/reset/key/"


def request_reset(client, email):
    return client.post(reverse("account_reset_password"), {"email": email})


def assert_bad_token_page(response):
    assert response.status_code == 200
    assert response.context["token_fail"] is True
    html = soup(response)
    assert [h1.get_text(strip=True) for h1 in html.find_all("h1")] == ["Password reset link not valid"]
    assert "has expired or has already been used" in text_of(response)
    assert html.select_one("main").find("a", href=reverse("account_reset_password")) is not None
    assert html.find("input", {"type": "password"}) is None


def test_reset_email_arrives_and_its_link_sets_a_new_password(client, make_user, smtp_sink):
    user = make_user()

    response = request_reset(client, "Ana@Example.org")

    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_done")
    [received] = smtp_sink.wait_for(1)
    assert received.rcpt_tos == ("ana@example.org",)
    reset_path = urlparse(link_to(received, RESET_PREFIX)).path

    # allauth moves the key out of the address into the session before showing the form.
    opened = client.get(reset_path)
    assert opened.status_code == 302
    form_page = client.get(opened.url)
    assert form_page.status_code == 200
    assert [h1.get_text(strip=True) for h1 in soup(form_page).find_all("h1")] == ["Choose a new password"]

    changed = client.post(opened.url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert changed.status_code == 302
    assert changed.url == reverse("account_reset_password_from_key_done")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert "You can now sign in with your new password." in text_of(client.get(changed.url))

    # The new password works, the old one does not, and the link cannot be used twice.
    fresh = Client()
    assert sign_in(fresh, "ana@example.org", PASSWORD).status_code == 200
    assert sign_in(fresh, "ana@example.org", NEW_PASSWORD).status_code == 302
    assert signed_in_user_id(fresh) == user.pk
    assert_bad_token_page(Client().get(reset_path, follow=True))


def test_reset_form_refuses_mismatched_passwords_clearly(client, make_user, smtp_sink):
    make_user()
    request_reset(client, "ana@example.org")
    [received] = smtp_sink.wait_for(1)
    opened = client.get(urlparse(link_to(received, RESET_PREFIX)).path)

    response = client.post(opened.url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD + "x"})

    assert response.status_code == 200
    assert "You must type the same password each time." in text_of(response)
    assert soup(response).select_one(".error-summary a[href='#id_password2']") is not None


def test_reset_for_an_unknown_address_looks_the_same_and_mails_no_link(client, smtp_sink):
    response = request_reset(client, "nobody@example.org")

    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_done")
    [received] = smtp_sink.wait_for(1)
    assert received.rcpt_tos == ("nobody@example.org",)
    assert not [link for link in received.links if RESET_PREFIX in link]


def test_invalid_reset_key_shows_the_bad_token_page(client, make_user):
    user = make_user()

    response = client.get(f"{RESET_PREFIX}{user_pk_to_url_str(user)}-not-a-real-token/", follow=True)

    assert_bad_token_page(response)


def test_expired_reset_key_shows_the_bad_token_page(client, make_user):
    user = make_user()
    generator = EmailAwarePasswordResetTokenGenerator()
    expired_at = datetime.now() - timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 60)
    generator._now = lambda: expired_at
    token = generator.make_token(user)

    response = client.get(f"{RESET_PREFIX}{user_pk_to_url_str(user)}-{token}/", follow=True)

    assert_bad_token_page(response)


def test_a_key_still_within_its_time_is_accepted(client, make_user):
    """The control for the test above: the same construction, not expired, works."""
    user = make_user()
    token = EmailAwarePasswordResetTokenGenerator().make_token(user)

    response = client.get(f"{RESET_PREFIX}{user_pk_to_url_str(user)}-{token}/", follow=True)

    assert response.status_code == 200
    assert not response.context.get("token_fail")
    assert [h1.get_text(strip=True) for h1 in soup(response).find_all("h1")] == ["Choose a new password"]
    assert len(soup(response).select("main input[type=password]")) == 2
