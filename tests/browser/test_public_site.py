"""The public site in a real browser: the home page, keyboard access and search."""

import re

import pytest
from playwright.sync_api import expect

from tests.test_demo_smoke import DEMO_MENU

pytestmark = pytest.mark.browser


def test_home_page_loads_with_one_heading_and_the_primary_navigation(page):
    response = page.goto("/")

    assert response.status == 200
    expect(page).to_have_title(re.compile("Portal"))
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h1")).to_be_visible()
    navigation = page.get_by_role("navigation", name="Main")
    expect(navigation.get_by_role("link")).to_have_text(DEMO_MENU)
    for name in DEMO_MENU:
        expect(navigation.get_by_role("link", name=name, exact=True)).to_have_attribute(
            "href", re.compile("^/")
        )
    # portal.js ran (it is the only script, and the CSP allows nothing else).
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(page):
    page.goto("/")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")

    expect(page.locator("main#main")).to_be_focused()
    assert page.evaluate("location.hash") == "#main"


def test_header_search_finds_pages_and_labels_their_type(page):
    page.goto("/")

    search_box = page.get_by_role("searchbox", name="Search the site")
    search_box.fill("population")
    search_box.press("Enter")

    expect(page).to_have_url(re.compile(r"/search/\?q=population$"))
    expect(page).to_have_title(re.compile("Search results for “population”"))
    expect(page.locator("#results-heading")).to_have_text(re.compile(r"^\d+ results? for “population”$"))
    results = page.locator(".search-results .search-result")
    expect(results.first).to_be_visible()
    count = results.count()
    expect(results.locator(".search-result__type")).to_have_count(count)
    labels = [label.strip() for label in results.locator(".search-result__type").all_text_contents()]
    assert all(labels), labels
    assert "Data story" in labels and len(set(labels)) >= 2, labels
    expect(page.get_by_role("searchbox", name="Search stories, courses and pages")).to_have_value(
        "population"
    )

    page.get_by_role("searchbox", name="Search stories, courses and pages").fill("privacy notice")
    page.get_by_role("searchbox", name="Search stories, courses and pages").press("Enter")
    privacy = page.locator(".search-results .search-result").filter(
        has=page.get_by_role("link", name="Privacy notice")
    )
    expect(privacy.locator(".search-result__type")).to_have_text("Page")


def test_a_script_in_the_search_query_is_shown_as_text_and_never_run(page):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    query = "<script>alert(1)</script>"
    page.goto("/")

    page.get_by_role("searchbox", name="Search the site").fill(query)
    page.get_by_role("button", name="Search", exact=True).first.click()

    expect(page).to_have_url(re.compile(r"/search/\?q="))
    expect(page.get_by_role("heading", level=1)).to_have_text("Search")
    expect(page.locator(".search-summary")).to_have_text(f"No results for “{query}”")
    expect(page.get_by_role("searchbox", name="Search stories, courses and pages")).to_have_value(query)
    html = page.content()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html
    page.wait_for_load_state("load")
    assert dialogs == []
