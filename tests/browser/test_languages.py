"""The main page types in French and Arabic, in a real Chromium whose locale sends that
Accept-Language: ``<html lang dir>`` says the language, axe finds nothing, nothing scrolls
sideways at 320 px, and in Arabic the menu and breadcrumbs start at the right edge."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_accessibility import AXE_OPTIONS, describe

pytestmark = pytest.mark.browser

STORY = "/stories/unemployment-unchanged-at-4-1-percent/"
LESSON = "/learn/mean-and-median/when-the-mean-misleads/"  # two breadcrumbs
# Translated in the demo: a page not translated yet keeps its original's direction in its content
# (breadcrumbs of English titles read left to right).
TRANSLATED_LESSON = "/learn/percentages-and-percentage-points/percent-of-what/"
PATHS = [
    "/",
    STORY,
    "/stories/",
    LESSON,
    "/data/",
    "/areas/M101/",
]
EXPECTED = {"fr": ("fr", "ltr"), "ar": ("ar", "rtl")}
PHONE = {"width": 320, "height": 700}


def language_of(page):
    return page.evaluate("[document.documentElement.lang, document.documentElement.dir]")


def scrolls_sideways(page):
    return page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")


def form_with_errors(page):
    """The sign-up form sent empty (the browser's own checks set aside): the server's errors."""
    page.goto("/accounts/signup/")
    page.evaluate("document.querySelectorAll('main [required]').forEach(e => e.removeAttribute('required'))")
    page.locator("main form button[type=submit]").first.click()
    page.locator(".error-summary, .field--error, .errorlist").first.wait_for()


@pytest.mark.parametrize("locale", ["fr", "ar"])
def test_page_types_in_each_language(new_page, locale):
    axe = Axe()
    desktop = new_page(locale=locale)
    phone = new_page(viewport=PHONE, locale=locale)
    found = {}
    for path in PATHS:
        assert desktop.goto(path).status == 200, path
        assert language_of(desktop) == list(EXPECTED[locale]), path
        violations = axe.run(desktop, options=AXE_OPTIONS).response["violations"]
        if violations:
            found[path] = describe(violations)
        phone.goto(path)
        assert not scrolls_sideways(phone), f"{path} is wider than 320 px in {locale}"
    for page in (desktop, phone):
        form_with_errors(page)
        assert language_of(page) == list(EXPECTED[locale])
    assert not scrolls_sideways(phone), f"the form with errors is wider than 320 px in {locale}"
    violations = axe.run(desktop, options=AXE_OPTIONS).response["violations"]
    if violations:
        found["sign-up form with errors"] = describe(violations)
    assert not found, "\n\n".join(f"{path}: {text}" for path, text in found.items())


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def test_in_arabic_the_menu_and_breadcrumbs_start_at_the_right(new_page):
    arabic, english = new_page(locale="ar"), new_page(locale="en-GB")
    for page in (arabic, english):
        page.goto(TRANSLATED_LESSON)
    width = arabic.viewport_size["width"]
    first, second = box(arabic, ".site-nav a"), arabic.locator(".site-nav a").nth(1).bounding_box()
    assert first["x"] > second["x"], "the first menu entry is the rightmost"
    assert first["x"] + first["width"] > width / 2
    crumb = box(arabic, ".breadcrumbs li")
    assert crumb["x"] + crumb["width"] > width / 2, "the first breadcrumb is on the right"
    assert arabic.locator(".breadcrumbs li").nth(1).bounding_box()["x"] < crumb["x"], "then leftwards"
    # and English is the mirror image: the same entries from the left
    assert box(english, ".site-nav a")["x"] < english.locator(".site-nav a").nth(1).bounding_box()["x"]
    assert box(english, ".breadcrumbs li")["x"] < width / 2


def test_the_switcher_takes_the_reader_to_the_same_page_in_another_language(new_page):
    page = new_page(locale="en-GB")
    page.goto(STORY)
    assert page.url.endswith("/en" + STORY)
    page.locator(".language-switcher a[hreflang=fr]").click()
    page.wait_for_load_state()
    assert "/fr/stories/" in page.url
    assert language_of(page) == ["fr", "ltr"]
    switcher = page.locator(".language-switcher")
    assert switcher.locator("[aria-current]").inner_text() == "Français"
    page.locator(".language-switcher a[hreflang=ar]").click()
    page.wait_for_load_state()
    assert "/ar/stories/" in page.url and language_of(page) == ["ar", "rtl"]
