"""Pages shown to a signed-in person are never kept by browsers' or proxies' caches."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def cache_directives(response):
    parts = response.get("Cache-Control", "").split(",")
    return {part.strip().split("=")[0] for part in parts if part.strip()}


@pytest.mark.parametrize("url", ["/en/", "/en/search/?q=prices", reverse("account_email")])
def test_signed_in_pages_are_private_and_not_stored(client, home_page, url):
    client.force_login(UserFactory())
    directives = cache_directives(client.get(url))
    assert {"private", "no-store"} <= directives
    assert not directives & {"public", "s-maxage", "stale-while-revalidate"}


def test_anonymous_public_pages_stay_cacheable(client, home_page, settings):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "SECONDS": 600}
    directives = cache_directives(client.get("/en/"))
    assert "private" not in directives and "no-store" not in directives
