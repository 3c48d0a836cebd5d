"""The visitor's language: an address without a language goes on to the one chosen from the
language cookie or Accept-Language; the language is shown in ``<html lang dir>`` and kept apart
in every cache (the page cache, the menu and footer), so that a page drawn in one language is
never served to a visitor of another."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.users.models import UserProfile

from portal.core.language_urls import without_language
from tests.pages import in_language

from .factories import StandardPageFactory

pytestmark = pytest.mark.usefixtures("page_cache_on")

SKIP_LINK = {
    "en-GB": "Skip to main content",
    "fr": "Aller au contenu principal",
    "ar": "الانتقال إلى المحتوى الرئيسي",
}
FOOTER = {"en-GB": "About this site", "fr": "À propos de ce site", "ar": "حول هذا الموقع"}


def visitor(accept_language=None, cookie=None):
    client = Client(**({"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language is not None else {}))
    if cookie:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie
    return client


def arrive(client, page):
    """The page as a visitor reaches it from its address without a language (a redirect to
    theirs)."""
    return client.get(without_language(page.url), follow=True)


def shown(response):
    """(lang, dir, skip link text, footer heading) of a page."""
    html = BeautifulSoup(response.content, "html.parser")
    return (
        html.html["lang"],
        html.html["dir"],
        html.select_one(".skip-link").get_text(strip=True),
        html.select_one(".site-footer__links .site-footer__heading").get_text(strip=True),
    )


def expected(lang):
    return (lang, "rtl" if lang == "ar" else "ltr", SKIP_LINK[lang], FOOTER[lang])


@pytest.fixture
def page(home_page):
    return StandardPageFactory(parent=home_page, title="Household income", slug="income")


@pytest.mark.parametrize(
    ("accept_language", "lang"),
    [
        (None, "en-GB"),
        ("fr", "fr"),
        ("fr-CA,fr;q=0.9,en;q=0.8", "fr"),
        ("ar-EG", "ar"),
        ("de, en-US;q=0.5", "en-GB"),  # no French or Arabic wanted: the site's own language
        ("xx-unknown", "en-GB"),
        ("", "en-GB"),
        ("<script>alert(1)</script>", "en-GB"),  # malformed: ignored, never echoed
        ("a" * 5000, "en-GB"),  # a huge header: ignored
    ],
)
def test_the_interface_follows_accept_language(page, accept_language, lang):
    response = arrive(visitor(accept_language), page)
    assert response.status_code == 200
    assert shown(response) == expected(lang)
    assert b"<script>alert(1)" not in response.content


def test_the_language_cookie_wins_over_accept_language(page):
    assert shown(arrive(visitor("fr", cookie="ar"), page)) == expected("ar")
    assert shown(arrive(visitor("ar", cookie="xx"), page)) == expected("ar"), "an unknown cookie is ignored"


def test_each_language_gets_its_own_copy_from_the_page_cache(page):
    french, english, arabic = visitor("fr"), visitor("en"), visitor("ar")
    first = [(client, arrive(client, page)) for client in (french, english, arabic)]
    assert [response["X-Cache"] for _, response in first] == ["MISS", "MISS", "MISS"]
    for (client, _), lang in zip(first, ("fr", "en-GB", "ar"), strict=True):
        again = arrive(client, page)
        assert again["X-Cache"] == "HIT"
        assert shown(again) == expected(lang)
        assert again["Content-Language"] == {"en-GB": "en-gb"}.get(lang, lang)


def test_a_french_page_is_never_served_to_an_english_visitor(page):
    assert arrive(visitor("fr"), page)["X-Cache"] == "MISS"
    assert arrive(visitor("fr"), page)["X-Cache"] == "HIT"
    for client in (visitor(), visitor("en-GB"), visitor("en-US,en;q=0.9"), visitor("fr", cookie="en-gb")):
        response = arrive(client, page)
        assert shown(response) == expected("en-GB")
    # The French address itself is French whoever asks.
    assert shown(visitor("en-GB").get(in_language(page.url, "fr"))) == expected("fr")


def test_the_cached_menu_and_footer_are_kept_per_language(home_page):
    first, second = (StandardPageFactory(parent=home_page, title=t) for t in ("First", "Second"))
    assert shown(arrive(visitor("en"), first)) == expected("en-GB")  # the chrome is cached in English
    assert shown(arrive(visitor("fr"), second)) == expected("fr")
    assert shown(arrive(visitor("ar"), first)) == expected("ar")


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_another_language_costs_no_more_than_two_queries(home_page):
    pages = [StandardPageFactory(parent=home_page, title=f"Page {n}") for n in range(4)]
    english, arabic = visitor(), visitor("ar")
    english.get(pages[0].url), arabic.get(in_language(pages[1].url, "ar"))  # each language's chrome is cached
    assert queries(arabic, in_language(pages[3].url, "ar")) <= queries(english, pages[2].url) + 2


def admin_language(client, **headers):
    response = client.get("/admin/", **headers)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser").html
    return html["lang"], html["dir"]


def test_the_admin_keeps_each_editors_own_language(superuser_client):
    """Wagtail's per-user language preference wins over the browser's; without one, the admin
    follows the browser like the site."""
    user = superuser_client.get("/admin/").wsgi_request.user
    assert admin_language(superuser_client, HTTP_ACCEPT_LANGUAGE="fr")[0] == "fr"
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en-gb"
    profile.save()
    assert admin_language(superuser_client, HTTP_ACCEPT_LANGUAGE="ar") == ("en-gb", "ltr")
