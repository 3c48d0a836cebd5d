"""Stories' RSS and Atom feeds in French and Arabic, fetched at the language's own address: their
words come from the catalogue, they declare their language and their links keep the prefix."""

import feedparser
import pytest
from django.utils.translation import override

from tests.pages import in_language

WORDS = {
    "fr": ("articles de données", "Nouveaux articles de données et infographies.", "articles sur prices"),
    "ar": ("قصص البيانات", "قصص بيانات ورسوم معلوماتية جديدة.", "قصص عن prices"),
}


def feed_in(client, index, language, subpage, *args):
    """The feed at its address in ``language`` (its prefix, once addresses carry one; the
    Accept-Language header says the same until then)."""
    with override(language):
        url = in_language(index.url + index.reverse_subpage(subpage, args=args), language)
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", ["fr", "ar"])
@pytest.mark.parametrize(
    ("subpage", "marker"), [("rss_feed", "<language>{}</language>"), ("atom_feed", 'xml:lang="{}"')]
)
def test_the_story_feeds_speak_the_addresss_language(
    client, story_index, make_story, language, subpage, marker
):
    story_index.intro = ""  # no intro of the editors': the feed describes itself
    story_index.save_revision().publish()
    make_story("Prices story", topics=["prices"])
    content = feed_in(client, story_index, language, subpage)
    feed = feedparser.parse(content)
    title, description, _topic = WORDS[language]
    assert not feed.bozo and marker.format(language) in content
    assert feed.feed.title.endswith(title)
    assert (feed.feed.get("subtitle") or feed.feed.get("description")) == description
    assert "data stories" not in content and "New data stories" not in content
    # The listing is not translated here: the feed links its original (as its canonical address).
    assert feed.feed.link.endswith(story_index.url)
    assert [entry.title for entry in feed.entries] == ["Prices story"]


def test_a_topics_feed_in_arabic_and_an_unknown_topic(client, story_index, make_story):
    make_story("Prices story", topics=["prices"])
    content = feed_in(client, story_index, "ar", "topic_rss_feed", "prices")
    assert WORDS["ar"][2] in feedparser.parse(content).feed.title and "stories about" not in content
    with override("fr"):
        url = in_language(
            story_index.url + story_index.reverse_subpage("topic_rss_feed", args=["unknown"]), "fr"
        )
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="fr").status_code == 404
