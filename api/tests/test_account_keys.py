"""The account page's API keys: created with a name and shown once, listed with their use,
revoked by their owner only; CSRF, a rate limit and a maximum per account; valid HTML."""

import pytest
from django.test import Client
from django.urls import reverse

from api.models import ApiKey, ApiKeyUsage
from api.tests.factories import ApiKeyFactory, ApiKeyUsageFactory
from tests.factories import UserFactory
from tests.html_validator import validate

pytestmark = pytest.mark.django_db
URL = "/accounts/api-keys/"


@pytest.fixture
def person(client):
    user = UserFactory()
    client.force_login(user)
    return user


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for response in (client.get(URL), client.post(URL, {"name": "x"})):
        assert response.status_code == 302 and response.url.startswith(reverse("account_login"))
    assert not ApiKey.objects.exists()


def test_a_key_is_shown_once_then_only_its_prefix(client, person):
    response = client.post(URL, {"name": "Council dashboard"})
    assert response.status_code == 200
    key = ApiKey.objects.get(user=person)
    secret = response.context["new_key"].secret
    html = response.content.decode()
    assert secret in html and "only time we show it" in html
    assert "no-store" in response["Cache-Control"]
    again = client.get(URL).content.decode()
    assert secret not in again
    assert f"ptl_{key.prefix}…" in again and "Council dashboard" in again and "Never" in again


def test_the_list_shows_use_and_only_ones_own_keys(client, person):
    mine = ApiKeyFactory(user=person, name="Mine")
    ApiKeyUsageFactory(key=mine, requests=7)
    ApiKeyUsageFactory(key=mine, requests=5, day="2026-01-01")
    theirs = ApiKeyFactory(name="Someone else's")
    html = client.get(URL).content.decode()
    assert "Mine" in html and "<dd>12</dd>" in html
    assert "Someone else" not in html and theirs.prefix not in html


def test_names_are_checked(client, person):
    for name, message in [
        ("", "This field is required"),
        ("   ", "This field is required"),
        ("x" * 81, "at most 80 characters"),
        ("a\u0007b", "letters, digits"),
    ]:
        response = client.post(URL, {"name": name})
        assert response.status_code == 200
        assert message in response.content.decode(), name
        assert 'class="error-summary"' in response.content.decode()
    assert not ApiKey.objects.exists()
    client.post(URL, {"name": "<script>alert(1)</script>  two   spaces"})
    assert ApiKey.objects.get().name == "<script>alert(1)</script> two spaces"
    html = client.get(URL).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


def test_at_most_so_many_active_keys(client, person, settings):
    settings.API_KEYS_PER_USER = 2
    ApiKeyFactory(user=person)
    ApiKeyFactory(user=person, revoked_at="2026-01-01T00:00Z")  # revoked keys do not count
    assert client.post(URL, {"name": "Second"}).status_code == 200
    response = client.post(URL, {"name": "Third"})
    assert "You already have 2 API keys" in response.content.decode()
    assert ApiKey.objects.filter(user=person, revoked_at__isnull=True).count() == 2


def test_creating_keys_is_rate_limited(client, person, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "api_key_create": "2/h/user"}
    settings.API_KEYS_PER_USER = 10
    for n in range(2):
        client.post(URL, {"name": f"Key {n}"})
    assert client.post(URL, {"name": "One too many"}).status_code == 429
    assert ApiKey.objects.count() == 2


def test_creating_and_revoking_need_the_csrf_token(person):
    checked = Client(enforce_csrf_checks=True)
    checked.force_login(person)
    key = ApiKeyFactory(user=person)
    assert checked.post(URL, {"name": "x"}).status_code == 403
    assert checked.post(reverse("api_key_revoke", args=[key.pk])).status_code == 403
    assert ApiKey.objects.get().revoked_at is None


def test_the_owner_revokes_a_key(client, person):
    key = ApiKeyFactory(user=person, name="Old")
    ApiKeyUsageFactory(key=key)
    assert client.get(reverse("api_key_revoke", args=[key.pk])).status_code == 405
    response = client.post(reverse("api_key_revoke", args=[key.pk]), follow=True)
    key.refresh_from_db()
    assert key.revoked_at is not None and key.revoked_by == person
    html = response.content.decode()
    assert "is revoked" in html and "(revoked)" in html
    assert ApiKeyUsage.objects.filter(key=key).exists()  # its past use stays on the dashboard


def test_nobody_revokes_another_persons_key(client, person):
    theirs = ApiKeyFactory()
    assert client.post(reverse("api_key_revoke", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("api_key_revoke", args=[999999])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.revoked_at is None


def test_the_account_navigation_links_here(client, person):
    html = client.get(reverse("account_email")).content.decode()
    assert f'href="{URL}"' in html
    assert f'href="{URL}" aria-current="page"' in client.get(URL).content.decode()


def test_the_page_is_valid_html(client, person):
    ApiKeyFactory(user=person)
    ApiKeyFactory(user=person, revoked_at="2026-01-01T00:00Z", last_used_at="2025-12-31T10:00Z")
    created = client.post(URL, {"name": "New"}).content
    failed = client.post(URL, {"name": ""}).content
    assert validate({"created": created, "failed": failed}) == []
