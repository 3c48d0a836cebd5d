"""Signing in and out: verification first, clear errors, allauth's rate limits, CSRF."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD

from .helpers import sign_in, sign_up, signed_in_user_id, soup, text_of

pytestmark = pytest.mark.django_db
WRONG = "The email address and/or password you specified are not correct."
TOO_MANY_FAILURES = "Too many failed login attempts. Try again later."


def configured_amount(action, per):
    """How many attempts ACCOUNT_RATE_LIMITS[action] allows per `per` ("ip", "key", "user")."""
    amounts = []
    for rate in settings.ACCOUNT_RATE_LIMITS[action].split(","):
        amount, _duration, *rest = rate.strip().split("/")
        if (rest[0] if rest else "ip") == per:
            amounts.append(int(amount))
    [amount] = amounts
    return amount


def test_verified_user_signs_in_with_email_in_any_case(client, make_user):
    user = make_user()

    response = sign_in(client, "ANA@example.ORG", PASSWORD)

    assert response.status_code == 302
    assert response.url == settings.LOGIN_REDIRECT_URL
    assert signed_in_user_id(client) == user.pk


def test_unverified_user_cannot_sign_in_and_is_sent_to_the_verification_page(client, make_user, smtp_sink):
    make_user(verified=False)

    response = sign_in(client, "ana@example.org", PASSWORD)

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert signed_in_user_id(client) is None
    # A fresh confirmation link is mailed, so the person can finish.
    [received] = smtp_sink.wait_for(1)
    assert received.rcpt_tos == ("ana@example.org",)
    assert any("/en/accounts/confirm-email/" in link for link in received.links)
    # And the protected pages stay closed.
    assert client.get(reverse("account_email")).status_code == 302


def test_wrong_password_shows_a_clear_error_and_keeps_the_email(client, make_user):
    make_user()

    response = sign_in(client, "ana@example.org", "not-the-password")

    assert response.status_code == 200
    assert signed_in_user_id(client) is None
    summary = soup(response).select_one(".error-summary")
    assert summary is not None
    assert WRONG in summary.get_text(" ", strip=True)
    assert soup(response).find("input", {"name": "login"})["value"] == "ana@example.org"


def test_unknown_email_gets_the_same_error_as_a_wrong_password(client, make_user):
    make_user()

    response = sign_in(client, "nobody@example.org", PASSWORD)

    assert response.status_code == 200
    assert WRONG in text_of(response)


def test_failed_logins_for_one_address_are_limited_even_with_the_right_password_after(client, make_user):
    make_user()
    allowed = configured_amount("login_failed", "key")

    for attempt in range(allowed):
        response = sign_in(client, "ana@example.org", f"guess-{attempt}")
        assert response.status_code == 200
        assert WRONG in text_of(response), attempt

    # allauth refuses further attempts in the form (HTTP 200 with an error), not with 429.
    response = sign_in(client, "Ana@Example.org", PASSWORD)
    assert response.status_code == 200
    assert TOO_MANY_FAILURES in text_of(response)
    assert signed_in_user_id(client) is None

    # Other addresses from the same place are not locked out by this.
    make_user("ben@example.org")
    assert sign_in(client, "ben@example.org", PASSWORD).status_code == 302


def test_failed_logins_from_one_ip_are_limited_across_addresses(client):
    allowed = configured_amount("login_failed", "ip")

    for attempt in range(allowed):
        response = sign_in(client, f"person{attempt}@example.org", "guess")
        assert WRONG in text_of(response), attempt

    response = sign_in(client, "someone-else@example.org", "guess")
    assert response.status_code == 200
    assert TOO_MANY_FAILURES in text_of(response)


def test_login_attempts_from_one_ip_are_limited_with_http_429(client):
    allowed = configured_amount("login", "ip")

    for attempt in range(allowed):
        assert sign_in(client, f"person{attempt}@example.org", "guess").status_code == 200, attempt

    response = sign_in(client, "one-more@example.org", "guess")
    assert response.status_code == 429
    assert soup(response).h1.get_text(strip=True) == "Too many attempts"
    # The refusal is a page of the site, not a bare error.
    assert soup(response).select_one("header.site-header") is not None


def test_sign_up_attempts_from_one_ip_are_limited_with_http_429(client):
    allowed = configured_amount("signup", "ip")

    for attempt in range(allowed):
        # Invalid sign-ups count too; a valid one would start mailing real addresses.
        assert sign_up(client, email=f"person{attempt}@example.org", consent=None).status_code == 200

    response = sign_up(client, email="one-more@example.org")
    assert response.status_code == 429
    assert soup(response).h1.get_text(strip=True) == "Too many attempts"
    # Looking at the form is not limited; only submitting it is.
    assert client.get(reverse("account_signup")).status_code == 200


def test_logout_by_post_without_csrf_token_is_refused(make_user):
    user = make_user()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)

    response = client.post(reverse("account_logout"))

    assert response.status_code == 403
    assert signed_in_user_id(client) == user.pk


def test_logout_page_asks_first_and_signs_out_on_post_with_token(make_user):
    user = make_user()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)

    page = client.get(reverse("account_logout"))
    assert page.status_code == 200
    assert signed_in_user_id(client) == user.pk, "A link (GET) must never sign anyone out."
    token = soup(page).select_one("main form input[name=csrfmiddlewaretoken]")["value"]

    response = client.post(reverse("account_logout"), {"csrfmiddlewaretoken": token})

    assert response.status_code == 302
    assert response.url == settings.ACCOUNT_LOGOUT_REDIRECT_URL
    assert signed_in_user_id(client) is None


def test_wagtail_admin_sends_anonymous_people_to_the_allauth_login(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next=/admin/"


def test_staff_can_sign_in_through_allauth_and_reach_the_admin(client, make_user):
    make_user("editor@example.org", is_staff=True, is_superuser=True)

    response = client.post(
        reverse("account_login"), {"login": "editor@example.org", "password": PASSWORD, "next": "/admin/"}
    )

    assert response.status_code == 302
    assert response.url == "/admin/"
    assert client.get("/admin/").status_code == 200
