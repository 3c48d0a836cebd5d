"""A post or topic held for moderation stays visible to its author, marked as awaiting
moderation; nobody else sees it until a moderator approves it."""

import pytest
from bs4 import BeautifulSoup

from forums.models import Post

from .conftest import url
from .factories import PostFactory, TopicFactory

pytestmark = pytest.mark.django_db

PENDING_NOTE = "Awaiting moderation"


def posts_on(client, index, topic):
    html = BeautifulSoup(client.get(url(index, "topic", topic.pk)).content, "html.parser")
    return {
        article.select_one(".post__body").get_text(strip=True): article.get_text(" ", strip=True)
        for article in html.select("article.post")
    }


@pytest.fixture
def topic(forum, make_member):
    topic = TopicFactory(forum=forum, author=make_member(accepted=forum))
    PostFactory(topic=topic, body_source="Where are the district figures?")
    return topic


def test_the_author_sees_their_held_reply_marked_as_pending(client, index, forum, topic, member):
    PostFactory(topic=topic, author=member, body_source="My held reply", status=Post.Status.PENDING)
    client.force_login(member)
    shown = posts_on(client, index, topic)
    assert PENDING_NOTE in shown["My held reply"]
    assert PENDING_NOTE not in shown["Where are the district figures?"]


@pytest.mark.parametrize("viewer", ["anonymous", "another member"])
def test_nobody_else_sees_a_held_reply(client, index, forum, topic, member, make_member, viewer):
    PostFactory(topic=topic, author=member, body_source="My held reply", status=Post.Status.PENDING)
    if viewer == "another member":
        client.force_login(make_member(accepted=forum))
    assert "My held reply" not in posts_on(client, index, topic)


def test_a_rejected_post_is_not_shown_even_to_its_author(client, index, topic, member):
    PostFactory(topic=topic, author=member, body_source="Rejected reply", status=Post.Status.REJECTED)
    client.force_login(member)
    assert "Rejected reply" not in posts_on(client, index, topic)


def test_the_author_of_a_held_topic_can_open_it_and_others_cannot(client, index, forum, member, make_member):
    held = TopicFactory(forum=forum, author=member, approved=False)
    PostFactory(topic=held, body_source="My first question", status=Post.Status.PENDING)
    client.force_login(member)
    assert PENDING_NOTE in posts_on(client, index, held)["My first question"]
    client.force_login(make_member(accepted=forum))
    assert client.get(url(index, "topic", held.pk)).status_code == 404
    client.logout()
    assert client.get(url(index, "topic", held.pk)).status_code == 404
