"""Pages in several languages: each translation at its own address, a page not translated yet
shown in its original with a notice, the switcher on every page, ``hreflang`` alternates and
the sitemap's, one cached copy per language (portal/core/translations.py, routing.py)."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.pages import translate_page
from tests.queries import queries_for

from .factories import StandardPageFactory


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def switcher(response):
    """{language name: (href or None for the current one, note)} of the language switcher."""
    found = {}
    for item in soup(response).select(".language-switcher li"):
        link = item.find("a")
        note = item.select_one(".language-switcher__note")
        found[item.get_text(" ", strip=True).split(" (")[0]] = (
            link["href"] if link else None,
            note.get_text(strip=True).strip("()") if note else "",
        )
    return found


def alternates(response):
    return {
        link["hreflang"]: link["href"] for link in soup(response).select('link[rel="alternate"][hreflang]')
    }


@pytest.fixture
def income(home_page):
    return StandardPageFactory(
        parent=home_page, title="Household income", slug="income", intro="How much we earn."
    )


@pytest.fixture
def revenu(income):
    french = {"title": "Revenu des ménages", "slug": "revenu", "intro": "Combien nous gagnons."}
    return translate_page(income, "fr", **french)


def test_a_translation_has_its_own_address_and_language(revenu, income, client):
    assert income.url == "/en/income/"
    assert revenu.url == "/fr/revenu/"
    response = client.get(revenu.url)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == "fr"
    assert html.h1.get_text(strip=True) == "Revenu des ménages"
    assert not html.select(".translation-notice")


def test_a_page_not_translated_yet_is_shown_in_its_original_with_a_notice(income, client):
    response = client.get("/ar/income/")
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == "ar"  # the interface
    notice = html.select_one(".translation-notice")
    assert notice is not None and "الإنجليز" in notice.get_text()  # "English", in Arabic
    content = notice.find_parent("div").find_next_sibling("div")
    assert (content["lang"], content["dir"]) == ("en-GB", "ltr")
    assert "Household income" in content.get_text()
    # Search engines are sent to the original.
    assert html.select_one('link[rel="canonical"]')["href"].endswith("/en/income/")


def test_the_original_address_under_a_translated_language_goes_to_the_translation(revenu, client):
    response = client.get("/fr/income/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/revenu/"


def test_the_switcher_offers_each_language_and_says_which_are_not_translated(revenu, income, client):
    languages = switcher(client.get(income.url))
    assert languages["English"] == (None, "")
    assert languages["Français"] == ("/fr/revenu/", "")
    assert languages["العربية"] == ("/ar/income/", "لم تُترجم بعد")
    from_french = switcher(client.get(revenu.url))
    assert from_french["English"] == ("/en/income/", "")
    assert from_french["Français"] == (None, "")


def test_the_switcher_on_a_view_outside_the_page_tree_swaps_the_prefix(home_page, client):
    languages = switcher(client.get("/fr/search/?q=prices"))
    assert languages["English"] == ("/en/search/?q=prices", "")
    assert languages["العربية"] == ("/ar/search/?q=prices", "")


def test_hreflang_alternates_name_only_real_translations(revenu, income, client):
    found = alternates(client.get(income.url))
    assert found == {
        "en-GB": "http://testserver/en/income/",
        "x-default": "http://testserver/en/income/",
        "fr": "http://testserver/fr/revenu/",
    }
    assert set(alternates(client.get("/ar/income/"))) == {"en-GB", "x-default", "fr"}


def test_the_sitemap_lists_every_language_with_alternates(revenu, income, client):
    xml = BeautifulSoup(client.get("/sitemap.xml").content, "html.parser")
    locations = [loc.get_text() for loc in xml.find_all("loc")]
    assert "http://localhost/en/income/" in locations
    assert "http://localhost/fr/revenu/" in locations
    assert not any("/ar/" in location for location in locations)
    entry = next(url for url in xml.find_all("url") if url.loc.get_text() == "http://localhost/fr/revenu/")
    links = {link["hreflang"]: link["href"] for link in entry.find_all("xhtml:link")}
    assert links == {
        "en-GB": "http://localhost/en/income/",
        "fr": "http://localhost/fr/revenu/",
        "x-default": "http://localhost/en/income/",
    }


@pytest.mark.usefixtures("page_cache_on")
def test_the_page_cache_keeps_one_copy_per_language(revenu, income):
    french_reader, arabic_reader = Client(HTTP_ACCEPT_LANGUAGE="fr"), Client(HTTP_ACCEPT_LANGUAGE="ar")
    assert soup(arabic_reader.get("/en/income/")).html["lang"] == "en-GB"
    assert soup(french_reader.get("/en/income/")).html["lang"] == "en-GB"
    assert soup(arabic_reader.get("/fr/revenu/")).html["lang"] == "fr"
    with CaptureQueriesContext(connection) as queries:
        again = french_reader.get("/fr/revenu/")
    assert len(queries) == 0  # served from the cache
    assert soup(again).html["lang"] == "fr"
    assert soup(Client().get("/ar/income/")).html["lang"] == "ar"


def test_translations_add_no_queries_to_a_page(income, client):
    untranslated = queries_for(client, income.url)
    translate_page(income, "fr", title="Revenu", slug="revenu")
    translate_page(income, "ar", title="دخل الأسر", slug="dakhl")
    assert queries_for(client, income.url) == untranslated


def test_a_duplicate_slug_among_a_languages_pages_is_refused(revenu, home_page):
    other = StandardPageFactory(parent=home_page, title="Prices", slug="prices")
    french = translate_page(other, "fr", title="Prix", slug="prix")
    french.slug = "revenu"
    with pytest.raises(ValidationError, match="already in use"):
        french.full_clean()
    french.slug = "revenu-2"
    french.full_clean()


def test_alternates_and_the_switcher_carry_no_query_of_a_page(revenu, income, client):
    """A page's addresses in other languages are its own, not whatever was added to this one
    (tracking, or hostile text)."""
    response = client.get(income.url + "?from=https://evil.example/&utm_source=x")
    assert set(alternates(response).values()) == {
        "http://testserver/en/income/",
        "http://testserver/fr/revenu/",
    }
    assert switcher(response)["Français"] == ("/fr/revenu/", "")
    assert b"evil.example" not in response.content


def test_a_listing_shows_each_page_once_in_the_readers_language(income, revenu, home_page):
    from home.models import StandardPage
    from portal.core.translations import in_language

    prices = StandardPageFactory(parent=home_page, title="Prices", slug="prices")
    pages = StandardPage.objects.live().filter(pk__in=[income.pk, revenu.pk, prices.pk])
    with CaptureQueriesContext(connection) as queries:
        french = set(in_language(pages, "fr"))
    assert len(queries) == 1
    assert french == {revenu, prices}  # prices: not translated, so its original
    assert set(in_language(pages, "en-gb")) == {income, prices}
    assert set(in_language(pages, "ar")) == {income, prices}


def test_the_admin_refuses_a_duplicate_slug_among_a_languages_pages_with_a_clear_message(
    revenu, home_page, superuser_client
):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    other = StandardPageFactory(parent=home_page, title="Prices", slug="prices")
    french = translate_page(other, "fr", title="Prix", slug="prix")
    form = nested_form_data(
        {
            "title": "Prix",
            "slug": "revenu",
            "intro": "Les prix.",
            "body": streamfield([]),
            "action-publish": "1",
        }
    )
    response = superuser_client.post(f"/admin/pages/{french.pk}/edit/", form)
    assert response.status_code == 200  # the form again, not a redirect
    assert "The slug &#x27;revenu&#x27; is already in use" in response.content.decode()
    french.refresh_from_db()
    assert french.slug == "prix"
    # The same slug in another language's tree is fine: each language has its own.
    form["slug"] = "income"
    assert superuser_client.post(f"/admin/pages/{french.pk}/edit/", form).status_code == 302


def test_the_footers_standing_pages_in_the_readers_language_in_one_query(income, revenu, client):
    from home.models import SiteSettings
    from home.templatetags.site_tags import footer_pages

    settings = SiteSettings.load()
    settings.about_page = income
    settings.save()
    settings = SiteSettings.load()
    with translation.override("fr"), CaptureQueriesContext(connection) as queries:
        french = footer_pages(settings)
    assert [page.pk for page in french] == [revenu.pk] and len(queries) == 1
    with translation.override("en-gb"), CaptureQueriesContext(connection) as queries:
        assert [page.pk for page in footer_pages(settings)] == [income.pk]
    assert len(queries) == 0
    footer = soup(client.get("/fr/")).select_one("footer .site-footer__links")
    assert footer.find("a", href="/fr/revenu/").get_text() == "Revenu des ménages"
    assert soup(client.get("/ar/")).select_one("footer").find("a", href="/en/income/")  # the original
