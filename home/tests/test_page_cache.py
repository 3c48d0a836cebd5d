"""The page cache across the site: page types opt in, moves and settings purge what they
change, views from the cache are counted, and the home page follows the forums."""

import pytest
from django.test import Client
from wagtail.models import Page

from forums import services
from home.models import SiteSettings, StandardPage
from portal.engagement.models import PageViewCount
from tests.cache_hits import hit

from .factories import StandardPageFactory

pytestmark = pytest.mark.usefixtures("page_cache_on")


def test_pages_that_do_not_opt_in_are_not_stored(client, home_page, monkeypatch):
    page = StandardPageFactory(parent=home_page, title="Training")
    hit(client, page.url)
    assert hit(client, page.url) == "HIT", "the opted-in page is stored"
    monkeypatch.setattr(StandardPage, "cache_anonymous_responses", False)
    other = StandardPageFactory(parent=home_page, title="Calendar")
    assert hit(client, other.url) is None
    assert hit(client, other.url) is None


def test_moving_a_page_purges_its_old_address_and_both_parents(client, home_page, committed):
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    contact = StandardPageFactory(parent=home_page, title="Contact", slug="contact")
    child = StandardPageFactory(parent=about, title="Our history", slug="history")
    old_url = "/en/about/history/"
    for url in (old_url, "/en/about/", "/en/contact/"):
        hit(client, url)
        assert hit(client, url) == "HIT"
    with committed():
        Page.objects.get(pk=child.pk).move(contact, pos="last-child")
    assert client.get(old_url).status_code == 301  # Wagtail's automatic redirect to the new address
    assert client.get("/en/contact/history/").status_code == 200
    assert client.get("/en/about/").get("X-Cache") == "MISS"
    assert client.get("/en/contact/").get("X-Cache") == "MISS"


def test_saving_the_site_settings_purges_every_page(client, home_page):
    page = StandardPageFactory(parent=home_page)
    for url in (page.url, "/en/"):
        hit(client, url)
        assert hit(client, url) == "HIT"
    settings = SiteSettings.load()
    settings.site_notice = "Planned maintenance on Sunday."
    settings.save()
    for url in (page.url, "/en/"):
        response = client.get(url)
        assert response.get("X-Cache") == "MISS"
        assert "Planned maintenance on Sunday." in response.content.decode()


def test_views_served_from_the_cache_are_still_counted(home_page):
    page = StandardPageFactory(parent=home_page)
    reader = Client(HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0")
    assert hit(reader, page.url) == "MISS"
    assert hit(reader, page.url) == "HIT"
    assert sum(PageViewCount.objects.filter(page_id=page.pk).values_list("views", flat=True)) == 2


def test_a_new_forum_conversation_purges_the_home_page_that_lists_it(
    client, forum, trusted_member, committed
):
    hit(client, "/en/")
    assert hit(client, "/en/") == "HIT"
    with committed():
        services.start_topic(forum, trusted_member, "Where are the regional tables?", "Looking for them.")
    response = client.get("/en/")
    assert response.get("X-Cache") == "MISS"
    assert "Where are the regional tables?" in response.content.decode()
