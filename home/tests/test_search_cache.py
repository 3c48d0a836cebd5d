"""Search results are kept per query, page number and language until the next publish: a second
search for the same words runs no search, and a page published since is found at once."""

import pytest
from bs4 import BeautifulSoup

from newsletters.tests.factories import NewsletterIndexPageFactory, NewsletterIssuePageFactory
from tests.queries import counted_view

from .factories import StandardPageFactory

pytestmark = pytest.mark.usefixtures("fragments_cached")


def search(client, query):
    return counted_view(client, "/en/search/", {"q": query})


def test_the_same_search_again_runs_no_search(client, home_page):
    StandardPageFactory(parent=home_page, title="Population estimates")
    first, first_html = search(client, "population")
    second, second_html = search(client, "population")
    assert "Population estimates" in second_html and second_html == first_html
    assert second < first and second <= 2


def test_each_query_keeps_its_own_results(client, home_page):
    StandardPageFactory(parent=home_page, title="Population estimates")
    StandardPageFactory(parent=home_page, title="Inflation explained")
    search(client, "population")
    _count, html = search(client, "inflation")
    found = [a.get_text() for a in BeautifulSoup(html, "html.parser").select(".search-result__title a")]
    assert found == ["Inflation explained"]


def test_a_page_published_since_is_found_on_the_next_search(client, home_page, committed):
    search(client, "census")
    with committed():
        page = StandardPageFactory(parent=home_page, title="Census results")
        page.save_revision().publish()
    _count, html = search(client, "census")
    assert "Census results" in html


def test_a_rich_text_intro_is_shown_as_words_not_markup(client, home_page):
    issue = NewsletterIssuePageFactory(
        parent=NewsletterIndexPageFactory(parent=home_page),
        title="Population round-up",
        intro="<p>The new <b>population</b> estimates are out.</p>",
    )
    _count, html = search(client, "population")
    summaries = [p.get_text() for p in BeautifulSoup(html, "html.parser").select(".search-result p")]
    assert issue.title in html
    assert "The new population estimates are out." in summaries
    assert not any("<p>" in text for text in summaries)
