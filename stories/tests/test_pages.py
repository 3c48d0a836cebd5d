import csv
import datetime
import io

import feedparser
import pytest
from bs4 import BeautifulSoup

from stories.models import StoryFormat
from tests.pages import PRICES_CSV, chart_block
from tests.queries import queries_for

from .factories import GlossaryPageFactory, GlossaryTermFactory, StoryCorrectionFactory

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def test_story_page_shows_the_whole_story(client, make_story):
    story = make_story(
        next_release_date=datetime.date(2026, 12, 10),
        methodology_url="https://statistics.example/methods/cpi",
        source_url="https://statistics.example/releases/cpi-oct-2026",
    )
    html = soup(client.get(story.url))
    assert html.h1.get_text(strip=True) == story.title
    assert html.select_one(".story__standfirst").get_text(strip=True) == story.standfirst
    panel = html.select_one(".source-panel").get_text(" ", strip=True)
    for expected in (
        "Consumer price index, October 2026",
        "12 November 2026",
        "10 December 2026",
        "Mara Ilić",
    ):
        assert expected in panel
    assert html.select_one(".source-panel a[href='https://statistics.example/methods/cpi']")
    assert html.select_one(".source-panel a[href='mailto:prices@statistics.example']")
    assert [a.get_text(strip=True) for a in html.select(".story__topics a")] == ["Prices"]


def test_every_chart_has_svg_summary_table_and_csv_link(client, make_story):
    story = make_story()
    html = soup(client.get(story.url))
    figure = html.select_one("figure.chart")
    svg = figure.find("svg")
    assert svg["role"] == "img"
    assert svg.find("title").get_text() == "Inflation, annual rate"
    assert "third month" in svg.find("desc").get_text()
    rows = [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
        for row in figure.select("tbody tr")
    ]
    assert rows[0] == ["Jul 2026", "2.9"] and rows[-1] == ["Oct 2026", "2.4"]
    csv_link = figure.select_one(".chart__download a")["href"]
    assert csv_link.endswith("/csv/")
    assert html.select_one(".embed-code textarea")


def test_csv_download_round_trips_the_data(client, make_story):
    story = make_story()
    response = client.get(f"{story.url}chart/{story.body[0].id}/csv/")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == list(csv.reader(io.StringIO(PRICES_CSV)))


def test_chart_png_for_cards_and_newsletters(client, make_story):
    story = make_story()
    response = client.get(f"{story.url}chart/{story.body[0].id}/png/")
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")


def test_unknown_chart_is_404(client, make_story):
    story = make_story()
    for suffix in ("csv/", "png/", "embed/"):
        assert client.get(f"{story.url}chart/no-such-block/{suffix}").status_code == 404


def test_table_chart_has_no_picture(client, make_story):
    story = make_story(body=[chart_block(chart_type="table")])
    html = soup(client.get(story.url))
    assert html.select_one("figure.chart table") and not html.select_one("figure.chart svg")
    assert client.get(f"{story.url}chart/{story.body[0].id}/png/").status_code == 404


def test_embed_view_is_the_only_framable_page(client, make_story):
    story = make_story()
    embed = client.get(f"{story.url}chart/{story.body[0].id}/embed/")
    assert embed.status_code == 200
    assert "X-Frame-Options" not in embed
    assert "frame-ancestors *" in embed["Content-Security-Policy"]
    html = BeautifulSoup(embed.content, "html.parser")
    assert html.find("svg") and not html.select(".site-header")
    page = client.get(story.url)
    assert page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]


def test_share_metadata_uses_the_chart_when_no_image_is_chosen(client, make_story):
    story = make_story()
    html = soup(client.get(story.url))
    assert html.find("meta", property="og:image")["content"].endswith(f"chart/{story.body[0].id}/png/")
    assert html.find("meta", property="og:type")["content"] == "article"
    assert html.find("meta", property="og:description")["content"] == story.standfirst
    assert html.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"


def test_corrections_show_on_story_and_site_wide(client, make_story, story_index):
    story = make_story()
    StoryCorrectionFactory(
        page=story, date=datetime.date(2026, 11, 14), text="September rate revised to 2.7%."
    )
    story.save_revision().publish()
    html = soup(client.get(story.url))
    assert "September rate revised to 2.7%." in html.select_one(".notice--correction").get_text()
    assert html.select_one("#corrections li")
    listing = soup(client.get("/en/stories/corrections/"))
    assert story.title in listing.select_one(".corrections-list").get_text()


def test_corrections_page_empty_state(client, story_index):
    assert soup(client.get("/en/stories/corrections/")).select_one(".empty-state")


def test_index_filters_by_topic_level_and_format(client, make_story):
    make_story("Jobs basic", topics=["jobs"], literacy_level="basic")
    make_story("Jobs advanced", topics=["jobs"], literacy_level="advanced")
    make_story("Prices basic", topics=["prices"], literacy_level="basic")

    def titles(url):
        return [a.get_text(strip=True) for a in soup(client.get(url)).select(".story-card__title a")]

    assert set(titles("/en/stories/")) == {"Jobs basic", "Jobs advanced", "Prices basic"}
    assert set(titles("/en/stories/?topic=jobs")) == {"Jobs basic", "Jobs advanced"}
    assert titles("/en/stories/?topic=jobs&level=advanced") == ["Jobs advanced"]
    assert titles("/en/stories/topic/jobs/?level=basic") == ["Jobs basic"]
    assert titles("/en/stories/?format=infographic") == []
    assert set(titles("/en/stories/?level=nonsense&format=<script>")) == {
        "Jobs basic",
        "Jobs advanced",
        "Prices basic",
    }
    assert client.get("/en/stories/topic/no-such-topic/").status_code == 404


def test_filter_with_no_match_has_an_empty_state(client, make_story):
    make_story(topics=["jobs"], literacy_level="basic")
    html = soup(client.get("/en/stories/?topic=jobs&level=advanced"))
    assert "No stories match" in html.select_one(".empty-state").get_text()


def test_index_is_paginated(client, make_story):
    from stories.views import STORIES_PER_PAGE

    for index in range(STORIES_PER_PAGE + 2):
        make_story(f"Story {index}", body=[])
    first = soup(client.get("/en/stories/"))
    assert len(first.select(".story-card")) == STORIES_PER_PAGE
    assert len(soup(client.get("/en/stories/?page=2")).select(".story-card")) == 2
    assert len(soup(client.get("/en/stories/?page=99")).select(".story-card")) == 2


def test_drafts_are_not_listed(client, make_story):
    make_story("Embargoed", publish=False)
    assert "Embargoed" not in client.get("/en/stories/").content.decode()


def test_feeds_parse_and_list_stories(client, make_story):
    make_story("Prices story", topics=["prices"])
    make_story("Jobs story", topics=["jobs"])
    for url in ("/en/stories/feed/", "/en/stories/feed/atom/"):
        feed = feedparser.parse(client.get(url).content)
        assert not feed.bozo, feed.bozo_exception
        assert {entry.title for entry in feed.entries} == {"Prices story", "Jobs story"}
        assert all(entry.link.startswith("http://testserver/en/stories/") for entry in feed.entries)
    topic_feed = feedparser.parse(client.get("/en/stories/topic/prices/feed/").content)
    assert not topic_feed.bozo
    assert [entry.title for entry in topic_feed.entries] == ["Prices story"]
    assert client.get("/en/stories/topic/unknown/feed/").status_code == 404


def test_feed_escapes_hostile_titles(client, make_story):
    make_story("<script>alert(1)</script>")
    body = client.get("/en/stories/feed/").content.decode()
    assert "<script>alert(1)</script>" not in body
    assert not feedparser.parse(body).bozo


def test_related_stories_share_a_topic(client, make_story):
    story = make_story("Main", topics=["prices"])
    make_story("Same topic", topics=["prices"])
    make_story("Other topic", topics=["health"])
    related = [a.get_text(strip=True) for a in soup(client.get(story.url)).select(".story-card__title a")]
    assert related == ["Same topic"]


def test_infographic_needs_its_image_and_description(make_story, story_index):
    from django.core.exceptions import ValidationError

    from stories.models import DataStoryPage

    page = DataStoryPage(
        title="Pictured",
        slug="pictured",
        format=StoryFormat.INFOGRAPHIC,
        standfirst="x",
        source_name="x",
        release_date=datetime.date(2026, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert {"image", "long_description"} <= set(error.value.message_dict)


def test_next_release_cannot_precede_release(story_index):
    from django.core.exceptions import ValidationError

    from stories.models import DataStoryPage

    page = DataStoryPage(
        title="T",
        slug="t",
        standfirst="x",
        source_name="x",
        release_date=datetime.date(2026, 5, 1),
        next_release_date=datetime.date(2026, 4, 1),
    )
    with pytest.raises(ValidationError, match="next release"):
        page.full_clean()


def test_glossary_terms_show_inline_and_have_pages(
    client, make_story, home_page, django_capture_on_commit_callbacks
):
    term = GlossaryTermFactory(term="Median zz", definition="The middle value when sorted.", level="basic")
    glossary = GlossaryPageFactory(parent=home_page)
    with django_capture_on_commit_callbacks(execute=True):  # the reference index updates on commit
        story = make_story(body=[("glossary_terms", {"heading": "Words used", "terms": [term]})])
    html = soup(client.get(story.url))
    details = html.select_one("details.glossary-term")
    assert details.summary.get_text(strip=True) == "Median zz"
    assert "middle value" in details.get_text()
    term_url = details.select_one("a")["href"]
    term_page = soup(client.get(term_url))
    assert term_page.h1.get_text(strip=True) == "Median zz"
    assert story.title in term_page.get_text()
    assert "Median zz" in soup(client.get(glossary.url)).get_text()
    assert client.get(glossary.url + "no-such-term/").status_code == 404


def test_story_query_count_does_not_grow_with_charts(client, make_story):
    one = make_story("One chart", body=[chart_block()])
    five = make_story("Five charts", body=[chart_block(title=f"Chart {n}") for n in range(5)])
    assert queries_for(client, five.url) == queries_for(client, one.url)


def test_cached_charts_are_not_redrawn_on_page_view(client, make_story, monkeypatch):
    from portal.core import charts

    story = make_story()
    client.get(story.url)

    def refuse(*args, **kwargs):
        raise AssertionError("chart drawn during a page view")

    monkeypatch.setattr(charts, "render_svg", refuse)
    assert client.get(story.url).status_code == 200


@pytest.mark.parametrize("url", ["/en/", "/en/stories/", "/en/stories/topic/prices/", "/en/stories/feed/"])
def test_query_count_is_the_same_with_5_and_50_stories(client, make_story, url):
    for index in range(5):
        make_story(f"S{index}", topics=["prices", f"t{index}"], body=[])
    five = queries_for(client, url)
    for index in range(5, 50):
        make_story(f"S{index}", topics=["prices", f"t{index}"], body=[])
    assert queries_for(client, url) == five


def test_publishing_draws_the_charts_before_anyone_visits(client, make_story, monkeypatch):
    from django.core.cache import cache

    from portal.core import charts

    story = make_story(publish=False)
    cache.clear()
    story.get_latest_revision().publish()
    monkeypatch.setattr(
        charts, "render_svg", lambda spec: (_ for _ in ()).throw(AssertionError("drawn on view"))
    )
    assert client.get(story.url).status_code == 200


def test_filter_form_keeps_every_choice_made(client, make_story):
    make_story(topics=["jobs"], literacy_level="basic")
    html = soup(client.get("/en/stories/?topic=jobs&level=basic&format=story"))
    assert html.select_one("#filter-topic option[selected]")["value"] == "jobs"
    assert html.select_one("#filter-level option[selected]")["value"] == "basic"
    assert html.select_one("#filter-format option[selected]")["value"] == "story"
    topic_page = soup(client.get("/en/stories/topic/jobs/"))
    assert topic_page.select_one("#filter-topic") is None  # the topic is the page itself
