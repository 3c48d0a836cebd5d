"""The sitemap is drawn once per chrome generation and served to everyone until the next publish:
a second request builds nothing, keeps the headers, and a page published since is listed at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.tests.factories import StandardPageFactory

pytestmark = pytest.mark.usefixtures("fragments_cached")


def fetch(client):
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return len(captured.captured_queries), response


def test_a_second_request_builds_nothing_and_keeps_the_headers(client, home_page):
    StandardPageFactory(parent=home_page, title="About", slug="about")
    first_count, first = fetch(client)
    second_count, second = fetch(client)
    assert second_count == 0 < first_count
    assert second.content == first.content and b"/en/about/" in second.content
    assert second["Content-Type"] == first["Content-Type"]


def test_a_page_published_since_is_listed_at_once(client, home_page, committed):
    fetch(client)
    with committed():
        StandardPageFactory(parent=home_page, title="Privacy", slug="privacy").save_revision().publish()
    _count, response = fetch(client)
    assert b"/en/privacy/" in response.content


def test_nothing_is_kept_when_the_chrome_cache_is_off(client, home_page, settings):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "CHROME_SECONDS": 0}
    fetch(client)
    second_count, _ = fetch(client)
    third_count, _ = fetch(client)
    assert third_count == second_count > 0
