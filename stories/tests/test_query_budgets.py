"""Query budget: the story pages, and every page that lists stories, run as many queries with
1,000 stories as with 10 (copies of one story inserted in bulk, tests/bulk.py)."""

import pytest

from stories.models import StoryCorrection, StoryTopic
from tests.bulk import grow_pages
from tests.queries import assert_constant

from .factories import StoryCorrectionFactory

pytestmark = pytest.mark.django_db


def test_stories_and_every_page_that_lists_them(make_story, story_index):
    story = make_story("Prices rise more slowly", topics=["prices"])
    correction = StoryCorrectionFactory(page=story)
    topic = story.topics.get()

    def grow_to(total):
        added = grow_pages(story, total)
        StoryTopic.objects.bulk_create(StoryTopic(tag=topic, content_object=page) for page in added)
        StoryCorrection.objects.bulk_create(
            StoryCorrection(page=page, date=correction.date, text=correction.text) for page in added
        )

    index_url = story_index.url
    urls = [
        "/en/",
        index_url,
        f"{index_url}topic/{topic.slug}/",
        f"{index_url}infographics/",
        f"{index_url}corrections/",
        f"{index_url}feed/",
        f"{index_url}topic/{topic.slug}/feed/atom/",
        story.url,
        f"/en/search/?q={story.title.split()[0]}",
        "/sitemap.xml",
    ]
    assert_constant(urls, grow_to)
