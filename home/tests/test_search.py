import pytest
from bs4 import BeautifulSoup

from home.views import SEARCH_RESULTS_PER_PAGE

from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def search(client, **params):
    response = client.get("/en/search/", params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def add_pages(parent, count, word="quetzal"):
    for index in range(count):
        slug = f"{word.replace(' ', '-')}-{index}"
        StandardPageFactory(
            parent=parent, title=f"Prices note {index}", slug=slug, intro=f"About {word} {index}"
        )


@pytest.fixture
def privacy(home_page):
    return StandardPageFactory(
        parent=home_page, title="Privacy notice", intro="What we keep about you, and for how long."
    )


def test_finds_pages_with_type_labels(client, privacy):
    html = search(client, q="privacy")
    titles = [a.get_text(strip=True) for a in html.select(".search-result__title a")]
    assert "Privacy notice" in titles
    assert html.select_one(".search-result__type").get_text(strip=True) == "Page"
    assert "result" in html.select_one(".search-summary").get_text()


def test_home_page_is_labelled_as_such(client, home_page):
    html = search(client, q="official statistics explained")
    labels = {
        result.select_one(".search-result__title").get_text(strip=True): result.select_one(
            ".search-result__type"
        ).get_text(strip=True)
        for result in html.select(".search-result")
    }
    assert labels.get("Home") == "Home page"


def test_empty_query_gives_a_prompt_not_results(client, home_page):
    for params in ({}, {"q": ""}, {"q": "    "}):
        html = search(client, **params)
        assert html.h1.get_text(strip=True) == "Search"
        assert html.select_one(".empty-state")
        assert not html.select(".search-result")


def test_quoted_phrase_still_finds_the_page(client, privacy):
    html = search(client, q='"privacy notice"')
    assert "Privacy notice" in [a.get_text(strip=True) for a in html.select(".search-result__title a")]


def test_no_results_says_so(client, privacy):
    html = search(client, q="zzyzxqwv")
    assert "No results" in html.select_one(".search-summary").get_text()


def test_ten_kilobyte_query_is_shortened_with_a_message(client, home_page):
    html = search(client, q="population " * 1000)
    assert "too long" in html.select_one(".notice").get_text()
    assert len(html.find("input", id="search-input")["value"]) <= 200


def test_script_query_is_echoed_as_text(client, home_page):
    response = client.get("/en/search/", {"q": "<script>alert(1)</script>"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


@pytest.mark.parametrize(
    "query",
    [
        "' OR 1=1 --",
        '"unterminated',
        '"',
        "AND OR NOT",
        "*",
        "a" * 5000,
        "ünïcödé 統計",
        "%%%",
        "title:privacy",
        "-privacy",
    ],
)
def test_awkward_queries_never_fail(client, privacy, query):
    assert client.get("/en/search/", {"q": query}).status_code == 200


def test_results_are_paginated(client, home_page):
    add_pages(home_page, SEARCH_RESULTS_PER_PAGE + 3)
    first = search(client, q="quetzal")
    assert len(first.select(".search-result")) == SEARCH_RESULTS_PER_PAGE
    next_link = first.select_one('.pagination a[rel="next"]')["href"]
    assert "q=quetzal" in next_link and "page=2" in next_link
    second = search(client, q="quetzal", page=2)
    assert len(second.select(".search-result")) == 3
    assert second.select_one(".search-results")["start"] == str(SEARCH_RESULTS_PER_PAGE + 1)


@pytest.mark.parametrize("page", ["999", "-1", "abc", ""])
def test_bad_page_numbers_fall_back(client, home_page, page):
    add_pages(home_page, 2)
    html = search(client, q="quetzal", page=page)
    assert html.select(".search-result")


def test_drafts_and_private_pages_are_not_found(client, home_page):
    StandardPageFactory(parent=home_page, title="Embargoed figures", intro="secretword", live=False)
    html = search(client, q="secretword")
    assert not html.select(".search-result")


def test_search_query_count_is_constant(client, home_page, django_assert_max_num_queries):
    add_pages(home_page, 3)
    with django_assert_max_num_queries(50) as few:
        client.get("/en/search/", {"q": "quetzal"})
    add_pages(home_page, 7, word="quetzal again")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/en/search/", {"q": "quetzal"})


def test_search_only_answers_get(client, home_page):
    assert client.post("/en/search/", {"q": "x"}).status_code == 405
