"""A forum's Atom feed in French and Arabic, fetched at the language's own address: its words
come from the catalogue, it declares its language and its links keep the prefix."""

import feedparser
import pytest
from django.utils.translation import override

from portal.core.language_urls import without_language
from tests.pages import in_language

from .conftest import url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "title", "replies"),
    [
        ("fr", "Media & journalists : nouveaux sujets", "0 réponse"),
        ("ar", "Media & journalists: مواضيع جديدة", "لا ردود"),
    ],
)
def test_a_forums_feed_speaks_the_addresss_language(client, index, forum, topic, language, title, replies):
    with override(language):
        address = in_language(url(index, "feed", forum.slug), language)
        forum_address = in_language(url(index, "forum", forum.slug), language)
    response = client.get(address, HTTP_ACCEPT_LANGUAGE=language)
    content = response.content.decode()
    feed = feedparser.parse(response.content)
    assert response.status_code == 200 and not feed.bozo
    assert f'xml:lang="{language}"' in content
    assert feed.feed.title == title and "new topics" not in content
    assert feed.entries[0].summary == replies and "repl" not in content
    # The forums' page is not translated here: the feed links the forum under its original.
    assert feed.feed.link.endswith(without_language(forum_address)) and "/en/" in feed.feed.link


def test_an_unknown_forums_feed_is_not_found_in_french(client, index, forum):
    with override("fr"):
        address = in_language(url(index, "feed", "no-such-forum"), "fr")
    assert client.get(address, HTTP_ACCEPT_LANGUAGE="fr").status_code == 404
