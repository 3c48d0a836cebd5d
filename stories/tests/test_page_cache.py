"""The page cache on stories: anonymous readers get the stored page, nobody else does, and
publishing a story retires it and every listing that shows it (here and at a CDN)."""

import http.server
import threading

import pytest
from django.test import Client

from tests.cache_hits import hit
from tests.factories import UserFactory
from tests.queries import queries_for

pytestmark = pytest.mark.usefixtures("page_cache_on")


def test_anonymous_views_are_served_from_the_cache_without_touching_the_database(client, make_story):
    story = make_story("Prices rise more slowly")
    assert hit(client, story.url) == "MISS"
    response = client.get(story.url)
    assert response["X-Cache"] == "HIT"
    assert "Prices rise more slowly" in response.content.decode()
    assert queries_for(client, story.url) == 0


def test_signed_in_visitors_are_never_served_or_stored(client, make_story):
    story = make_story()
    member = Client()
    member.force_login(UserFactory())
    assert hit(member, story.url) is None
    assert hit(member, story.url) is None
    assert "public" not in member.get(story.url).get("Cache-Control", "")
    assert hit(client, story.url) == "MISS", "a signed-in view must not fill the shared cache"


def test_anonymous_visitor_with_a_session_or_a_message_is_not_served_from_the_cache(client, make_story):
    story = make_story()
    hit(client, story.url)
    assert hit(client, story.url) == "HIT"
    assert hit(client, story.url, HTTP_COOKIE="sessionid=abc") is None
    assert hit(client, story.url, HTTP_COOKIE="messages=abc") is None


def test_cached_responses_carry_no_cookie_or_csrf_token_and_tell_a_cdn_how_long(client, make_story):
    story = make_story()
    hit(client, story.url)
    response = client.get(story.url)
    assert response["X-Cache"] == "HIT"
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()
    cache_control = response["Cache-Control"]
    assert "public" in cache_control and "s-maxage=300" in cache_control
    assert "stale-while-revalidate=60" in cache_control


def test_publishing_a_story_purges_it_and_every_listing_that_shows_it(
    client, make_story, story_index, committed
):
    first = make_story("First story", topics=("prices",))
    listings = [
        story_index.url,
        story_index.url + "?level=basic",
        story_index.url + "topic/prices/",
        story_index.url + "feed/",
        story_index.url + "topic/prices/feed/atom/",
        "/en/",
        "/en/search/?q=story",
        "/sitemap.xml",
    ]
    for url in [first.url, *listings]:
        hit(client, url)
        assert hit(client, url) == "HIT", url

    with committed():
        second = make_story("Second story", topics=("prices",))
        first.title = "First story, revised"
        first.save_revision().publish()

    assert "First story, revised" in client.get(first.url).content.decode()
    for url in listings:
        assert client.get(url).get("X-Cache") == "MISS", url
    for url in listings[:-3]:
        assert "Second story" in client.get(url).content.decode(), url
    assert second.url in client.get("/sitemap.xml").content.decode()


def test_unpublishing_purges_the_page_and_its_listings(client, make_story, story_index, committed):
    story = make_story("Soon withdrawn")
    for url in (story.url, story_index.url):
        hit(client, url)
    with committed():
        story.unpublish()
    assert client.get(story.url).status_code == 404
    assert "Soon withdrawn" not in client.get(story_index.url).content.decode()


def test_a_missing_address_under_a_cached_page_is_not_stored(client, story_index):
    """The index is marked cacheable before its topic route answers 404: only a 200 is kept."""
    missing = story_index.url + "topic/no-such-topic/"
    assert client.get(missing).status_code == 404
    response = client.get(missing)
    assert response.status_code == 404
    assert response.get("X-Cache") is None


def test_a_zero_lifetime_turns_the_cache_off(client, make_story, settings):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "SECONDS": 0}
    story = make_story()
    assert hit(client, story.url) is None
    assert hit(client, story.url) is None


class PurgeRecorder(http.server.BaseHTTPRequestHandler):
    """A front-end cache (Varnish-like) that records the PURGE requests it gets."""

    received = []

    def do_PURGE(self):
        self.received.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server():
    server = http.server.HTTPServer(("127.0.0.1", 0), PurgeRecorder)
    PurgeRecorder.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", PurgeRecorder.received
    server.shutdown()
    server.server_close()


def test_a_cdn_configured_from_the_environment_is_purged_too(
    make_story, story_index, settings, purge_server, committed
):
    location, received = purge_server
    settings.WAGTAILFRONTENDCACHE = {
        **settings.WAGTAILFRONTENDCACHE,
        "cdn": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": location},
    }
    with committed():
        story = make_story("Purged at the edge")
    assert story.url in received
    assert story_index.url in received
    assert story_index.url + "topic/prices/feed/" in received
