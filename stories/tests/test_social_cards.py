"""A shared link's card carries a text alternative for its image (og:image:alt)."""

import pytest
from bs4 import BeautifulSoup

from tests.pages import chart_block

pytestmark = pytest.mark.django_db


def card(client, url):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return {
        meta.get("property") or meta.get("name"): meta["content"]
        for meta in html.select("meta[property^='og:image'], meta[name^='twitter:image']")
    }


def test_a_story_card_drawn_from_its_chart_names_the_chart(client, make_story):
    story = make_story(body=[chart_block(title="Inflation, annual rate")])
    meta = card(client, story.url)
    assert meta["og:image"].endswith("/png/")
    assert meta["og:image:alt"] == meta["twitter:image:alt"] == "Chart: Inflation, annual rate"


def test_no_image_no_alt(client, make_story):
    story = make_story(body=[])
    assert card(client, story.url) == {}
