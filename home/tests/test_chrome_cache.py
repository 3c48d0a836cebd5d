"""The menu and the footer are rendered once for every page and kept until a page or a setting
changes: the next page costs none of their queries, and a change shows on the next view."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import SiteSettings
from newsletters.tests.factories import NewsletterIndexPageFactory, NewsletterListFactory

from .factories import StandardPageFactory

pytestmark = pytest.mark.usefixtures("page_cache_on")


def queries(client, url):
    """Queries of one view of ``url`` (a first view: nothing of it in the page cache)."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def menu(client, url):
    html = soup(client.get(url))
    current = html.select_one(".site-nav a[aria-current]")
    return [a.get_text(strip=True) for a in html.select(".site-nav a")], (
        current and (current.get_text(strip=True), current["aria-current"])
    )


@pytest.fixture
def sections(home_page):
    learn = StandardPageFactory(parent=home_page, title="Learn")
    stories = StandardPageFactory(parent=home_page, title="Stories")
    return learn, stories, StandardPageFactory(parent=learn, title="Counting")


def test_each_section_gets_its_own_menu_state_from_the_cached_menu(client, sections):
    learn, stories, counting = sections
    assert menu(client, learn.url) == (["Learn", "Stories"], ("Learn", "page"))
    assert menu(client, counting.url) == (["Learn", "Stories"], ("Learn", "true"))
    assert menu(client, stories.url) == (["Learn", "Stories"], ("Stories", "page"))
    assert menu(client, "/en/") == (["Learn", "Stories"], None)


def test_a_page_rendered_after_another_does_not_query_for_the_menu_and_footer(client, sections, committed):
    learn, _, counting = sections
    StandardPageFactory(parent=learn, title="Averages")  # a sibling page, never viewed yet
    client.get(counting.url)
    first = queries(client, "/en/learn/averages/")
    with committed():
        learn.save_revision().publish()  # a change: the chrome is drawn again for the next view
    redrawn = queries(client, "/en/learn/averages/?fresh")
    assert redrawn > first


def test_a_new_menu_page_shows_at_once(client, sections, home_page, committed):
    learn, _, _ = sections
    assert menu(client, learn.url)[0] == ["Learn", "Stories"]
    with committed():
        training = StandardPageFactory(parent=home_page, title="Training", live=False)
        training.save_revision().publish()
    assert menu(client, f"{learn.url}?again")[0] == ["Learn", "Stories", "Training"]


def test_a_changed_setting_shows_in_the_footer_at_once(client, sections, committed):
    learn, _, _ = sections
    assert "Numbers you can trust" not in soup(client.get(learn.url)).footer.get_text()
    with committed():
        settings = SiteSettings.load()
        settings.tagline = "Numbers you can trust"
        settings.save()
    assert "Numbers you can trust" in soup(client.get(f"{learn.url}?again")).footer.get_text()


def test_the_newsletter_page_keeps_its_footer_without_the_short_sign_up(client, sections, home_page):
    learn, _, _ = sections
    newsletter = NewsletterIndexPageFactory(parent=home_page)
    NewsletterListFactory(offered_in_footer=True)
    assert soup(client.get(learn.url)).select_one("footer form.footer-signup") is not None
    assert soup(client.get(newsletter.url)).select_one("footer form.footer-signup") is None
    assert soup(client.get(f"{learn.url}?again")).select_one("footer form.footer-signup") is not None


def settings_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured.captured_queries if "home_sitesettings" in query["sql"]]


def test_the_site_settings_are_read_once_for_every_page(client, sections, committed):
    learn, stories, _ = sections
    assert settings_queries(client, learn.url), "the first page reads the settings"
    assert settings_queries(client, stories.url) == [], "the next page takes them from the cache"
    with committed():
        settings = SiteSettings.load()
        settings.organisation_name = "Statistics Norland"
        settings.save()
    assert settings_queries(client, f"{stories.url}?again"), "a saved setting is read again"
    assert SiteSettings.load().organisation_name == "Statistics Norland"


def test_the_settings_and_their_five_pages_are_read_in_two_queries(
    home_page, django_assert_num_queries, settings
):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "CHROME_SECONDS": 0}  # the read itself, not the cache
    pages = [StandardPageFactory(parent=home_page, title=f"Standing {number}") for number in range(5)]
    SiteSettings.objects.update_or_create(
        pk=SiteSettings.load().pk,
        defaults={
            "about_page": pages[0],
            "contact_page": pages[1],
            "accessibility_page": pages[2],
            "privacy_page": pages[3],
            "newsletter_page": pages[4],
        },
    )
    with django_assert_num_queries(2):
        loaded = SiteSettings.load()
        titles = [getattr(loaded, name).title for name in SiteSettings.STANDING_PAGES]
    assert titles == [f"Standing {number}" for number in range(5)]


def test_settings_without_standing_pages_read_no_page(db, django_assert_num_queries, settings):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "CHROME_SECONDS": 0}
    SiteSettings.load()
    with django_assert_num_queries(1):
        loaded = SiteSettings.load()
    assert loaded.about_page is None
