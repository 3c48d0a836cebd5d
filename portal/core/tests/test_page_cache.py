"""What the page cache never stores, whatever the page: forms (their CSRF token) and failures."""

import pytest
from django.test import Client

pytestmark = pytest.mark.usefixtures("page_cache_on")


def test_a_page_with_a_form_is_never_stored_and_its_form_still_works(client):
    """The sign-in page carries a CSRF token: stored, it would hand one visitor's token to all."""
    login = "/en/accounts/login/"
    first = client.get(login)
    assert "csrfmiddlewaretoken" in first.content.decode()
    assert first.get("X-Cache") is None
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(login)
    assert page.get("X-Cache") is None
    token = page.context["csrf_token"]
    response = visitor.post(
        login, {"login": "nobody@example.org", "password": "wrong", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 200  # the form answered (wrong password), not a CSRF 403


def test_only_successful_responses_are_stored(client, home_page):
    assert client.get("/en/no-such-page/").status_code == 404
    assert client.get("/en/no-such-page/").get("X-Cache") is None
