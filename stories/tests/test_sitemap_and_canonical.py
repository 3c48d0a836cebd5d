"""Addresses a page serves below itself (forum topics, glossary terms, topic listings) are
their own canonical address and are in the sitemap with a last-modified date."""

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forums.models import Topic
from forums.tests.factories import ForumFactory, ForumIndexPageFactory, PostFactory, TopicFactory

from .factories import GlossaryPageFactory, GlossaryTermFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def canonical(client, url):
    return BeautifulSoup(client.get(url).content, "html.parser").select_one("link[rel=canonical]")["href"]


def sitemap(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    return {
        entry.findtext("s:loc", namespaces=NS): entry.findtext("s:lastmod", namespaces=NS)
        for entry in root.findall("s:url", NS)
    }


@pytest.fixture
def glossary(home_page):
    GlossaryTermFactory(term="Median", definition="The middle value.")
    return GlossaryPageFactory(parent=home_page)


@pytest.fixture
def forum_topic(home_page):
    index = ForumIndexPageFactory(parent=home_page)
    topic = TopicFactory(forum=ForumFactory(slug="media"))
    PostFactory(topic=topic)
    return index, topic


def test_a_glossary_term_is_its_own_canonical_page(client, glossary):
    assert canonical(client, "/en/glossary/median/") == "http://localhost/en/glossary/median/"
    assert canonical(client, "/en/glossary/") == "http://localhost/en/glossary/"


def test_a_forum_topic_is_known_by_its_address_without_the_slug(client, forum_topic):
    _index, topic = forum_topic
    expected = f"http://localhost/en/forums/topic/{topic.pk}/"
    assert canonical(client, f"/en/forums/topic/{topic.pk}/") == expected
    assert canonical(client, f"/en/forums/topic/{topic.pk}/some-words/") == expected
    assert canonical(client, f"/en/forums/topic/{topic.pk}/?page=1&utm_source=x") == expected


def test_the_sitemap_lists_terms_topics_and_topic_listings_with_dates(
    client, glossary, forum_topic, make_story
):
    _index, topic = forum_topic
    hidden = TopicFactory(forum=topic.forum, hidden=True)
    make_story(topics=["prices"])
    entries = sitemap(client)
    assert "http://localhost/en/glossary/median/" in entries
    assert entries[f"http://localhost/en/forums/topic/{topic.pk}/"]
    assert "http://localhost/en/forums/media/" in entries
    assert f"http://localhost/en/forums/topic/{hidden.pk}/" not in entries
    assert entries["http://localhost/en/stories/topic/prices/"]
    assert Topic.objects.count() == 2


def test_each_topic_listing_is_dated_by_its_own_latest_story(client, make_story):
    older = make_story("Older prices story", topics=["prices"])
    newer = make_story("Newer jobs story", topics=["jobs", "prices"])
    type(older).objects.filter(pk=older.pk).update(last_published_at="2026-01-05T10:00:00Z")
    type(newer).objects.filter(pk=newer.pk).update(last_published_at="2026-03-09T10:00:00Z")
    make_story("A story of its own topic", topics=["housing"])
    entries = sitemap(client)
    assert entries["http://localhost/en/stories/topic/prices/"].startswith("2026-03-09")
    assert entries["http://localhost/en/stories/topic/jobs/"].startswith("2026-03-09")
    assert "http://localhost/en/stories/topic/housing/" in entries


def test_the_sitemap_reads_the_same_queries_with_one_topic_or_eight(client, make_story):
    make_story("Prices", topics=["prices"])
    client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as one:
        client.get("/sitemap.xml")
    for number in range(7):
        make_story(f"Story {number}", topics=[f"topic-{number}"])
    with CaptureQueriesContext(connection) as eight:
        client.get("/sitemap.xml")
    assert len(eight.captured_queries) == len(one.captured_queries)
