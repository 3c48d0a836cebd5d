"""Every account page a person meets is a page of the site: its layout, one h1, labelled fields."""

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from django.urls import reverse

from .helpers import soup

pytestmark = pytest.mark.django_db

ANONYMOUS_PAGES = [
    ("account_login", {}, "Sign in"),
    ("account_signup", {}, "Create an account"),
    ("account_reset_password", {}, "Reset your password"),
    ("account_reset_password_done", {}, "Check your email"),
    ("account_email_verification_sent", {}, "Check your email"),
    ("account_confirm_email", {"key": "no-such-key"}, "Confirm your email address"),
    ("account_reset_password_from_key", {"uidb36": "1", "key": "bad-key"}, "Password reset link not valid"),
]
SIGNED_IN_PAGES = [
    ("account_email", {}, "Email addresses"),
    ("account_change_password", {}, "Change your password"),
    ("account_logout", {}, "Sign out"),
]


def assert_site_page(response, heading):
    assert response.status_code == 200
    html = soup(response)
    assert [h1.get_text(" ", strip=True) for h1 in html.find_all("h1")] == [heading]
    assert html.title.get_text(strip=True).startswith(heading)
    assert html.select_one("header.site-header") is not None
    assert html.select_one("footer.site-footer") is not None
    assert html.find("link", rel="stylesheet", href=lambda href: href and "portal.css" in href)
    assert html.find("meta", attrs={"name": "robots", "content": "noindex"}) is not None
    main = html.select_one("main#main")
    for field in main.select("input:not([type=hidden]), select, textarea"):
        label = main.find("label", attrs={"for": field.get("id")})
        assert label is not None and label.get_text(strip=True), f"No visible label for {field}"
    # The site's Content Security Policy forbids inline scripts (JSON data blocks are not run).
    for script in html.find_all("script"):
        assert script.get("src") or script.get("type") == "application/json", script
    return html


@pytest.mark.parametrize(("url_name", "kwargs", "heading"), ANONYMOUS_PAGES)
def test_anonymous_account_pages_are_site_pages(client, url_name, kwargs, heading):
    response = client.get(reverse(url_name, kwargs=kwargs), follow=True)

    assert_site_page(response, heading)


@pytest.mark.parametrize(("url_name", "kwargs", "heading"), SIGNED_IN_PAGES)
def test_signed_in_account_pages_are_site_pages_with_account_navigation(
    client, make_user, url_name, kwargs, heading
):
    client.force_login(make_user())

    html = assert_site_page(client.get(reverse(url_name, kwargs=kwargs)), heading)

    nav = html.find("nav", attrs={"aria-label": "Your account"})
    assert nav is not None
    assert nav.find("a", attrs={"aria-current": "page"})["href"] == reverse(url_name, kwargs=kwargs)


def test_login_fields_are_labelled_although_allauth_asks_for_unlabeled(client):
    html = soup(client.get(reverse("account_login")))

    assert html.find("label", attrs={"for": "id_login"}).get_text(strip=True) == "Email"
    assert html.find("label", attrs={"for": "id_password"}).get_text(strip=True) == "Password"
    assert html.select_one("main a[href='/en/accounts/password/reset/']") is not None


def test_confirm_email_page_for_a_valid_key_asks_before_confirming(client, make_user):
    user = make_user(verified=False)
    key = EmailConfirmationHMAC(EmailAddress.objects.get(user=user)).key

    response = client.get(reverse("account_confirm_email", kwargs={"key": key}))

    html = assert_site_page(response, "Confirm your email address")
    form = html.select_one("main form")
    assert form["method"] == "post"
    assert form.find("button", type="submit").get_text(strip=True) == "Confirm"
    assert not EmailAddress.objects.get(user=user).verified


def test_email_addresses_page_shows_state_in_words(client, make_user):
    client.force_login(make_user())

    html = soup(client.get(reverse("account_email")))

    fieldset = html.select_one("main fieldset")
    assert fieldset.legend.get_text(strip=True) == "The email addresses on your account"
    row = fieldset.find("label", attrs={"for": fieldset.find("input", type="radio")["id"]})
    assert "ana@example.org" in row.get_text(" ", strip=True)
    assert "Confirmed" in row.get_text(" ", strip=True)
    assert "Main address" in row.get_text(" ", strip=True)


def test_password_reset_page_says_when_someone_is_already_signed_in(client, make_user):
    client.force_login(make_user(first_name="Ana", last_name="Silva"))

    html = assert_site_page(client.get(reverse("account_reset_password")), "Reset your password")

    assert html.select_one("main [role=status]").get_text(" ", strip=True) == (
        "You are already signed in as Ana Silva."
    )


def test_account_without_a_password_is_offered_to_set_one(client, make_user):
    user = make_user(password=None)
    client.force_login(user)

    response = client.get(reverse("account_change_password"), follow=True)

    html = assert_site_page(response, "Set a password")
    assert len(html.select("main input[type=password]")) == 2
