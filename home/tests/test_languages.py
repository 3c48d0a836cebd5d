"""The home page's and search's interface text in French and Arabic (home/locale)."""

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.utils.translation import override

from tests.pages import in_language

from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def summary(client, language, word):
    response = client.get(in_language("/en/search/", language), {"q": word})
    assert response.status_code == 200
    return (
        BeautifulSoup(response.content, "html.parser").select_one(".search-summary").get_text(" ", strip=True)
    )


def add_pages(parent, count, word):
    for index in range(count):
        StandardPageFactory(
            parent=parent, title=f"Note {index}", slug=f"{word}-{index}", intro=f"About {word}"
        )


def test_search_results_count_in_french_and_arabic_plurals(client, home_page):
    add_pages(home_page, 3, "quetzal")
    add_pages(home_page, 11, "axolotl")
    assert summary(client, "fr", "quetzal") == "3 résultats pour « quetzal »"
    assert summary(client, "ar", "quetzal") == "3 نتائج عن «quetzal»"
    assert summary(client, "ar", "axolotl") == "11 نتيجة عن «axolotl»"
    assert summary(client, "en", "axolotl") == "11 results for “axolotl”"


def test_no_results_and_the_search_button_in_french(client, home_page):
    response = client.get("/fr/search/", {"q": "zzzz"})
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one(".search-summary").get_text(strip=True) == "Aucun résultat pour « zzzz »"
    assert html.select_one(".search-form button").get_text(strip=True) == "Rechercher"
    assert html.h1.get_text(strip=True) == "Recherche"


def test_breadcrumbs_are_labelled_in_arabic(home_page):
    page = StandardPageFactory(parent=home_page, title="About", slug="about")
    child = StandardPageFactory(parent=page, title="Team", slug="team")
    with override("ar"):
        html = render_to_string("home/includes/breadcrumbs.html", {"page": child})
    assert 'aria-label="مسار التنقل"' in html
