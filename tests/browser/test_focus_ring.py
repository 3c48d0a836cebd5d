"""WCAG 2.2 (1.4.11, 2.4.7): the keyboard focus ring contrasts 3:1 or more with the page and with
itself, on plain links and on buttons, which carry a shadow of their own that once hid it."""

from pathlib import Path

import pytest
from django.conf import settings

from .conftest import chromium

pytestmark = pytest.mark.browser

CSS = Path(settings.BASE_DIR) / "portal" / "static" / "css" / "portal.css"


def luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def rgb(css_colour):
    return tuple(
        int(part) for part in css_colour[css_colour.index("(") + 1 : css_colour.index(")")].split(",")[:3]
    )


@pytest.mark.parametrize(
    "markup",
    [
        '<a class="button" href="#x">Sign up</a>',
        '<a class="button button--secondary" href="#x">More</a>',
        '<a href="#x">A link</a>',
    ],
    ids=["button", "secondary button", "link"],
)
def test_the_focus_ring_contrasts_with_the_page_and_within_itself(markup):
    page = chromium.get().new_page()  # the site's stylesheet alone: no server needed
    try:
        page.set_content(f"<!DOCTYPE html><html><body><main>{markup}</main></body></html>")
        page.add_style_tag(path=str(CSS))
        page.keyboard.press("Tab")
        ring = page.evaluate(
            """() => {
                const style = getComputedStyle(document.activeElement);
                return {outline: style.outlineColor, width: style.outlineWidth, style: style.outlineStyle,
                        shadow: style.boxShadow, page: getComputedStyle(document.body).backgroundColor};
            }"""
        )
    finally:
        page.close()
    assert ring["style"] == "solid" and ring["width"] == "3px"
    background = rgb(ring["page"]) if "0, 0, 0, 0" not in ring["page"] else (255, 255, 255)
    assert contrast(rgb(ring["outline"]), background) >= 3, ring
    assert contrast(rgb(ring["shadow"]), rgb(ring["outline"])) >= 3, ring
