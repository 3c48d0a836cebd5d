"""The story listings (the index, its filters and pages, topic pages, the infographics gallery)
are drawn once per address, chrome generation and language, not on every uncached view: a story
published since shows on the next view, and each filter keeps its own copy."""

import pytest
import wagtail_factories

from tests.queries import counted_view as view

pytestmark = pytest.mark.usefixtures("fragments_cached")


@pytest.mark.parametrize("path", ["/en/stories/", "/en/stories/?level=basic", "/en/stories/infographics/"])
def test_a_second_view_reads_no_story(client, make_story, path):
    make_story(
        "Prices rise more slowly",
        literacy_level="basic",
        format="infographic",
        image=wagtail_factories.ImageFactory(title="Prices poster"),
        long_description="<p>Prices rose by 2.4 percent in a year.</p>",
    )
    first, first_html = view(client, path)
    second, second_html = view(client, path)
    assert second < first and second <= 6
    assert "Prices rise more slowly" in second_html and second_html == first_html


def test_each_filter_keeps_its_own_copy(client, make_story):
    make_story("Prices rise more slowly", literacy_level="basic")
    make_story("Wages in detail", literacy_level="advanced")
    view(client, "/en/stories/")
    _count, basic = view(client, "/en/stories/?level=basic")
    _count, advanced = view(client, "/en/stories/?level=advanced")
    assert "Prices rise more slowly" in basic and "Wages in detail" not in basic
    assert "Wages in detail" in advanced and "Prices rise more slowly" not in advanced


def test_a_story_published_since_shows_on_the_next_view(client, make_story, committed):
    make_story("Prices rise more slowly")
    view(client, "/en/stories/")
    with committed():
        make_story("Rents climb in the capital")
    _count, html = view(client, "/en/stories/")
    assert "Rents climb in the capital" in html
