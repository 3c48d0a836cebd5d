import http.server
import threading

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page

from forums import services
from forums.models import Forum, Member
from home.models import SiteSettings
from portal.engagement.models import PageViewCount
from tests.queries import queries_for

from .cache_hits import hit

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
    member.force_login(get_user_model().objects.create_user("reader@example.org", "x-Strong-pass-1"))
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


def test_a_page_with_a_form_is_never_stored_and_its_form_still_works(client):
    """The sign-in page carries a CSRF token: stored, it would hand one visitor's token to all."""
    login = "/accounts/login/"
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


def test_pages_that_do_not_opt_in_are_not_stored(client):
    training = Page.objects.get(slug="training").url
    assert hit(client, training) is None
    assert hit(client, training) is None


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
        "/",
        "/search/?q=story",
        "/sitemap.xml",
    ]
    for url in [first.url, *listings]:
        hit(client, url)
        assert hit(client, url) == "HIT", url

    with committed():
        make_story("Second story", topics=("prices",))
        first.title = "First story, revised"
        first.save_revision().publish()

    assert "First story, revised" in client.get(first.url).content.decode()
    for url in listings:
        assert client.get(url).get("X-Cache") == "MISS", url
    for url in listings[:-3]:
        assert "Second story" in client.get(url).content.decode(), url
    assert "/stories/story-2/" in client.get("/sitemap.xml").content.decode()


def test_unpublishing_purges_the_page_and_its_listings(client, make_story, story_index, committed):
    story = make_story("Soon withdrawn")
    for url in (story.url, story_index.url):
        hit(client, url)
    with committed():
        story.unpublish()
    assert client.get(story.url).status_code == 404
    assert "Soon withdrawn" not in client.get(story_index.url).content.decode()


def test_moving_a_page_purges_its_old_address_and_both_parents(client, demo_site, committed):
    about = Page.objects.get(slug="about")
    contact = Page.objects.get(slug="contact")
    child = about.add_child(instance=type(about.specific)(title="Our history", slug="history"))
    child.save_revision().publish()
    old_url = "/about/history/"
    for url in (old_url, "/about/", "/contact/"):
        hit(client, url)
        assert hit(client, url) == "HIT"
    with committed():
        Page.objects.get(pk=child.pk).move(contact, pos="last-child")
    assert client.get(old_url).status_code == 301  # Wagtail's automatic redirect to the new address
    assert client.get("/contact/history/").status_code == 200
    assert client.get("/about/").get("X-Cache") == "MISS"
    assert client.get("/contact/").get("X-Cache") == "MISS"


def test_saving_the_site_settings_purges_every_page(client, make_story):
    story = make_story()
    for url in (story.url, "/"):
        hit(client, url)
    settings = SiteSettings.load()
    settings.site_notice = "Planned maintenance on Sunday."
    settings.save()
    for url in (story.url, "/"):
        response = client.get(url)
        assert response.get("X-Cache") == "MISS"
        assert "Planned maintenance on Sunday." in response.content.decode()


def test_only_successful_responses_are_stored(client):
    assert client.get("/no-such-page/").status_code == 404
    assert client.get("/no-such-page/").get("X-Cache") is None


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


def test_views_served_from_the_cache_are_still_counted(make_story):
    story = make_story()
    reader = Client(HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0")
    assert hit(reader, story.url) == "MISS"
    assert hit(reader, story.url) == "HIT"
    assert sum(PageViewCount.objects.filter(page_id=story.pk).values_list("views", flat=True)) == 2


def test_a_new_forum_conversation_purges_the_home_page_that_lists_it(client, committed):

    hit(client, "/")
    assert hit(client, "/") == "HIT"
    author = get_user_model().objects.create_user("asker@example.org", "x-Strong-pass-1")
    EmailAddress.objects.create(user=author, email=author.email, verified=True, primary=True)
    Member.objects.create(user=author, trusted=True)  # published at once, not held for moderation
    with committed():
        services.start_topic(
            Forum.objects.first(), author, "Where are the regional tables?", "Looking for them."
        )
    response = client.get("/")
    assert response.get("X-Cache") == "MISS"
    assert "Where are the regional tables?" in response.content.decode()
