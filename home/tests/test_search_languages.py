"""Search in the visitor's language: the pages of its locale, and the default language's pages
that have no translation into it, marked with their language."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.pages import translate_page

from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db

ACCEPT = {"en-gb": "en-GB,en;q=0.9", "fr": "fr-FR,fr;q=0.9", "ar": "ar"}


def search(client, language, query, **params):
    """The search page in ``language`` (its address built in that language, so it works with or
    without language prefixes) and the query count."""
    with translation.override(language):
        url = reverse("search")
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, {"q": query, **params}, HTTP_ACCEPT_LANGUAGE=ACCEPT[language])
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser"), len(captured.captured_queries)


def results(html):
    return {
        item.select_one(".search-result__title a").get_text(strip=True): item
        for item in html.select(".search-result")
    }


@pytest.fixture
def census(home_page):
    """An English page and its published French translation."""
    page = StandardPageFactory(parent=home_page, title="Census notes", intro="About the census count.")
    return page, translate_page(page, "fr", title="Notes du recensement", intro="Le décompte du recensement.")


@pytest.fixture
def english_only(home_page):
    return StandardPageFactory(parent=home_page, title="Census glossary", intro="Census words explained.")


def test_a_french_page_is_found_in_french_and_not_in_english(client, census):
    _english, french = census
    html, _queries = search(client, "fr", "recensement")
    assert list(results(html)) == ["Notes du recensement"]
    assert results(html)["Notes du recensement"].select_one("a")["href"] == french.url
    html, _queries = search(client, "en-gb", "recensement")
    assert results(html) == {}
    assert "No results" in html.select_one(".search-summary").get_text()


def test_a_translated_page_is_found_once_in_the_visitors_language(client, census):
    html, _queries = search(client, "fr", "census")  # the English words of a page translated into French
    assert "Census notes" not in results(html)
    html, _queries = search(client, "en-gb", "census")
    assert "Census notes" in results(html) and "Notes du recensement" not in results(html)


def test_an_english_only_page_is_found_in_french_with_its_language(client, census, english_only):
    html, _queries = search(client, "fr", "glossary")
    item = results(html)["Census glossary"]
    assert item["lang"] == "en-GB"
    label = item.select_one(".search-result__language")
    assert label.get_text(strip=True) == "En anglais"
    assert item.select_one(".search-result__type")["lang"] == "fr"  # the interface's words are French
    assert item.select_one("a")["href"] == english_only.url


def test_an_english_only_page_is_labelled_in_arabic(client, english_only):
    html, _queries = search(client, "ar", "glossary")
    item = results(html)["Census glossary"]
    assert item["lang"] == "en-GB"
    assert item.select_one(".search-result__language").get_text(strip=True) == "بالإنجليزية"


def test_english_results_in_english_carry_no_language_label(client, census, english_only):
    html, _queries = search(client, "en-gb", "census")
    assert set(results(html)) == {"Census notes", "Census glossary"}
    assert not html.select(".search-result__language") and not html.select(".search-result[lang]")


def test_a_draft_translation_leaves_the_original_found(client, census):
    _english, french = census
    french.unpublish()
    html, _queries = search(client, "fr", "census")
    assert results(html)["Census notes"]["lang"] == "en-GB"
    html, _queries = search(client, "fr", "recensement")
    assert results(html) == {}


def test_an_alias_is_not_taken_for_a_translation(client, english_only):
    french_home = translate_page(english_only.get_parent().specific, "fr", title="Accueil")
    english_only.create_alias(parent=french_home)  # what a synchronised tree holds: the English words
    html, _queries = search(client, "fr", "glossary")
    assert list(results(html)) == ["Census glossary"]
    assert results(html)["Census glossary"]["lang"] == "en-GB"


def test_hostile_words_in_french_are_shown_as_text(client, census):
    html, _queries = search(client, "fr", "<script>alert(1)</script>")
    assert not html.select("script:-soup-contains('alert(1)')")
    assert "<script>alert(1)</script>" in html.select_one("#search-input")["value"]


def test_the_query_count_does_not_grow_with_the_results_in_another_language(client, home_page):
    def add(count, start):
        for number in range(start, start + count):
            StandardPageFactory(parent=home_page, title=f"Quetzal note {number}", slug=f"quetzal-{number}")

    add(2, 0)
    translate_page(StandardPageFactory(parent=home_page, title="Quetzal"), "fr", title="Quetzal (fr)")
    search(client, "fr", "quetzal")  # per-process caches warmed
    _html, few = search(client, "fr", "quetzal", page=1)
    add(8, 2)
    html, many = search(client, "fr", "quetzal", page=1)
    assert len(html.select(".search-result__language")) == 9  # nine English, one French
    assert many <= few


@pytest.mark.usefixtures("fragments_cached")
def test_the_cache_keeps_one_copy_per_language(client, census, english_only):
    first_fr, first_queries = search(client, "fr", "census")
    first_en, _queries = search(client, "en-gb", "census")
    assert set(results(first_en)) == {"Census notes", "Census glossary"}
    again_fr, again_queries = search(client, "fr", "census")
    assert set(results(again_fr)) == {"Census glossary"} == set(results(first_fr))
    assert again_fr.select_one(".search-result__language").get_text(strip=True) == "En anglais"
    assert again_queries < first_queries  # from the cache, not searched again
    again_en, _queries = search(client, "en-gb", "census")
    assert set(results(again_en)) == {"Census notes", "Census glossary"}
    assert not again_en.select(".search-result__language")
