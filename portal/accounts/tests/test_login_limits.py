"""Brute force on any login form: one way in for staff and public alike, limited per address
and per account, with the same answer whether or not the account exists."""

import re

import pytest
from django.urls import reverse

from tests.factories import PASSWORD, SuperUserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/en/accounts/login/"


def attempt(client, email, password="not-the-password", **extra):
    return client.post(LOGIN, {"login": email, "password": password}, **extra)


def page_without(response, email):
    """The page as a person sees it, with the address they typed and the form's one-time token out."""
    html = response.content.decode().replace(email, "EMAIL")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def lockout_text(response):
    return "Too many failed login attempts" in response.content.decode()


def test_the_admin_login_form_only_leads_to_the_site_login(client):
    """Wagtail's own /admin/login/ took passwords without any limit; it now signs no one in."""
    admin = SuperUserFactory()
    response = client.post("/admin/login/?next=/admin/", {"username": admin.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=/admin/"
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/login/")["Location"] == reverse("account_login")


@pytest.mark.parametrize("exists", [True, False], ids=["known account", "unknown address"])
def test_an_account_locks_after_five_failures_whether_or_not_it_exists(client, exists):
    email = SuperUserFactory().email if exists else "nobody@statistics.example"
    answers = [attempt(client, email, REMOTE_ADDR=f"10.0.0.{n}") for n in range(6)]
    assert [lockout_text(answer) for answer in answers] == [False] * 5 + [True]
    assert {answer.status_code for answer in answers} == {200}
    # Locked even with the right password, so a guesser cannot tell when they found it.
    assert lockout_text(attempt(client, email, PASSWORD, REMOTE_ADDR="10.0.0.99"))
    assert "_auth_user_id" not in client.session


def test_one_address_trying_many_accounts_is_stopped(client):
    answers = [attempt(client, f"person{n}@example.org") for n in range(11)]
    assert [lockout_text(answer) for answer in answers] == [False] * 10 + [True]


def test_the_lockout_answer_is_the_same_for_known_and_unknown_accounts(client):
    known = SuperUserFactory().email
    for _ in range(5):
        attempt(client, known, REMOTE_ADDR="10.1.0.1")
        attempt(client, "nobody@statistics.example", REMOTE_ADDR="10.1.0.2")
    for_known = attempt(client, known, REMOTE_ADDR="10.1.0.3")
    for_unknown = attempt(client, "nobody@statistics.example", REMOTE_ADDR="10.1.0.4")
    assert for_known.status_code == for_unknown.status_code == 200
    assert lockout_text(for_known) and lockout_text(for_unknown)
    assert page_without(for_known, known) == page_without(for_unknown, "nobody@statistics.example")
