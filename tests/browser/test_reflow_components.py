"""WCAG 2.2 (1.4.10 reflow): at 320 CSS pixels the site's tags and badges wrap instead of
pushing the page sideways (forum topic rows once overflowed on a long title or tag)."""

from pathlib import Path

import pytest
from django.conf import settings

from .conftest import chromium

pytestmark = pytest.mark.browser

STYLES = [
    Path(settings.BASE_DIR) / path
    for path in ("portal/static/css/portal.css", "forums/static/forums/forums.css")
]
LONG_WORD = "Unemploymentratesbyregionandagegroupquarterlyseasonallyadjusted"

TAGS = (
    '<span class="forum-tag">Pinned</span>'
    '<span class="forum-tag forum-tag--official">Official answer</span>'
    '<span class="forum-tag forum-tag--warning">Awaiting moderation: only you can see this post'
    " until a moderator approves it</span>"
)
COMPONENTS = {
    "topic row": (
        '<ol class="topic-list"><li class="topic-row">'
        f'<h3 class="topic-row__title"><a href="#t">{LONG_WORD}</a></h3>'
        f'<p class="topic-row__meta">{TAGS} Started by {LONG_WORD} · 3 replies</p></li></ol>'
    ),
    "badge": f'<p>Player <span class="badge">You, {LONG_WORD}</span></p>',
}


@pytest.mark.parametrize("name", COMPONENTS)
def test_components_reflow_at_320_pixels(name):
    page = chromium.get().new_page(viewport={"width": 320, "height": 640})
    try:
        page.set_content(
            f'<!DOCTYPE html><html><body><main class="container">{COMPONENTS[name]}</main></body></html>'
        )
        for style in STYLES:
            page.add_style_tag(path=str(style))
        width = page.evaluate("() => document.documentElement.scrollWidth")
    finally:
        page.close()
    assert width <= 320, f"{name} is {width}px wide at a 320px viewport"
