"""The area pages in a real Chromium against the demo: axe finds no violation, the autocomplete
works by keyboard, and nothing is wider than a 320 px screen."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_accessibility import AXE_OPTIONS, describe

pytestmark = pytest.mark.browser

PATHS = [
    "/areas/M101/",
    "/areas/R1/",
    "/areas/NAT/",
    "/areas/?q=fjell",
    "/areas/?q=Fjelby",
    "/areas/NOPE/",
    "/areas/compare/?areas=M101&areas=M205&areas=R1",
    "/areas/compare/?areas=M101",
]


def test_area_pages_have_no_accessibility_violation_and_reflow_at_320(new_page):
    axe = Axe()
    page = new_page()
    phone = new_page(viewport={"width": 320, "height": 700})
    for path in PATHS:
        page.goto(path)
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        assert not violations, f"{path}: {describe(violations)}"
        phone.goto(path)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 320, path


def test_autocomplete_by_keyboard(page):
    page.goto("/areas/")
    field = page.get_by_role("combobox", name="Area name or code")
    field.press_sequentially("vargo")
    options = page.get_by_role("option")
    options.first.wait_for()
    assert field.get_attribute("aria-expanded") == "true"
    assert "Vargøy" in options.first.inner_text()
    field.press("ArrowDown")
    assert field.get_attribute("aria-activedescendant") == "area-q-option-0"
    field.press("Enter")
    page.wait_for_url("**/areas/M109/")
    assert page.get_by_role("heading", level=1).inner_text() == "Vargøy"


def test_escape_closes_the_list_and_the_form_still_submits(page):
    page.goto("/areas/")
    field = page.get_by_role("combobox", name="Area name or code")
    field.press_sequentially("fjell")
    page.get_by_role("option").first.wait_for()
    field.press("Escape")
    assert field.get_attribute("aria-expanded") == "false"
    field.press("Enter")
    page.wait_for_url("**/areas/?q=fjell")
    # The answer's heading, waited for: the address can change before the new page has come.
    expect(page.get_by_role("heading", level=2).first).to_contain_text("1 area for “fjell”")
