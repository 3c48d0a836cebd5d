"""A story's body is drawn once per revision and chrome generation, not on every uncached view:
a new revision, a purge or another language draws it again, and a preview is never kept."""

from unittest import mock

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.blocks import StreamValue

from portal.core.templatetags.fragment_cache import body_cache
from tests.pages import chart_block

pytestmark = pytest.mark.usefixtures("fragments_cached")


def story_with_text(make_story, text):
    return make_story(body=[("paragraph", f"<p>{text}</p>"), chart_block()])


def blocks_drawn(client, url):
    with mock.patch.object(
        StreamValue.StreamChild,
        "render_as_block",
        autospec=True,
        side_effect=StreamValue.StreamChild.render_as_block,
    ) as drawn:
        response = client.get(url)
    assert response.status_code == 200
    return drawn.call_count, response.content.decode()


def test_a_second_view_does_not_draw_the_body_again(client, make_story):
    story = story_with_text(make_story, "Prices rose by 2.4 percent.")
    first_count, first = blocks_drawn(client, story.url)
    second_count, second = blocks_drawn(client, story.url)
    assert first_count == 2 and second_count == 0
    assert "Prices rose by 2.4 percent." in second
    assert first.count("<svg") == second.count("<svg") > 0


def test_a_new_revision_shows_at_once(client, make_story, committed):
    story = story_with_text(make_story, "Prices rose by 2.4 percent.")
    blocks_drawn(client, story.url)
    with committed():
        story.body = [("paragraph", "<p>Prices rose by 2.6 percent.</p>"), chart_block()]
        story.save_revision().publish()
    count, html = blocks_drawn(client, story.url)
    assert count == 2
    assert "2.6 percent" in html and "2.4 percent" not in html


def test_a_preview_shows_the_draft_and_is_not_kept(client, make_story):
    story = story_with_text(make_story, "Prices rose by 2.4 percent.")
    blocks_drawn(client, story.url)
    story.body = [("paragraph", "<p>A draft sentence.</p>")]
    preview = story.make_preview_request()
    assert "A draft sentence." in preview.content.decode()
    _count, html = blocks_drawn(client, story.url)
    assert "A draft sentence." not in html and "2.4 percent" in html


def test_the_key_holds_the_revision_the_address_and_the_language(make_story):
    story = story_with_text(make_story, "Prices")
    request = RequestFactory().get(story.url)
    english = body_cache({"request": request}, story)
    with translation.override("fr"):
        french = body_cache({"request": request}, story)
    other_host = body_cache({"request": RequestFactory().get(story.url, HTTP_HOST="localhost")}, story)
    assert english["seconds"] == 600
    assert len({english["key"], french["key"], other_host["key"]}) == 3
    assert f":{story.latest_revision_id}:" in english["key"]
    request.is_preview = True
    assert body_cache({"request": request}, story)["seconds"] == 0


def test_the_whole_story_is_kept_and_a_related_story_published_since_shows(client, make_story, committed):
    """Everything around the body (the sources, corrections and related stories) is kept with it,
    so a second view reads no related story; a new one on the same topic shows on the next view."""
    story = make_story("Prices rise more slowly", topics=["prices"])
    make_story("Rents in the capital", topics=["prices"])
    client.get(story.url)
    with CaptureQueriesContext(connection) as second:
        html = client.get(story.url).content.decode()
    assert "Rents in the capital" in html
    assert not any("taggit" in query["sql"] for query in second.captured_queries)
    with committed():
        make_story("Food prices in detail", topics=["prices"])
    assert "Food prices in detail" in client.get(story.url).content.decode()
