"""The area map in a real browser, on the demo's Norland: axe-core finds nothing serious on the
municipalities' and the regions' maps, and each area is reached by keyboard with its name and
value, and leads to its page."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .test_accessibility import AXE_OPTIONS, BLOCKING_IMPACTS, describe

pytestmark = pytest.mark.browser

MUNICIPALITIES = "/areas/map/?indicator=norland-population/POP&level=municipality"
REGIONS = "/areas/map/?indicator=norland-unemployment/RATE&level=region"


@pytest.mark.parametrize("path", [MUNICIPALITIES, REGIONS, "/areas/map/?period=1800"])
def test_the_map_pages_have_no_serious_accessibility_violations(page, path):
    page.goto(path)
    results = Axe().run(page, options=AXE_OPTIONS)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, describe(blocking)


def test_every_area_is_reached_by_keyboard_with_its_name_and_value(page):
    page.goto(REGIONS)
    page.locator("#map-within").focus()
    page.keyboard.press("Tab")  # the button
    names = []
    for _ in range(4):
        page.keyboard.press("Tab")
        names.append(page.evaluate("document.activeElement.getAttribute('aria-label')"))
    assert sorted(name.split(":")[0] for name in names) == [
        "Eastvale",
        "Northmark",
        "Southshore",
        "Westfjord",
    ]
    assert all(name.split(": ")[1][0].isdigit() for name in names), names
    href = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{href}")


def test_the_map_fits_a_phone(new_page):
    page = new_page({"width": 320, "height": 720})
    page.goto(MUNICIPALITIES)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
