"""An edit is checked like a new post: a member whose posts are moderated cannot slip a link
into an approved post, a suspended member cannot edit, and edits count against the posting
rate limit."""

import datetime

import pytest
from django.utils import timezone

from forums.models import Member, Post, Topic

from .conftest import url
from .factories import PostFactory, TopicFactory

pytestmark = pytest.mark.django_db

SPAM = "Cheap data here: https://spam.example/offer"


@pytest.fixture
def approved_post(forum, make_member):
    """A new member's first post, approved by a moderator."""
    author = make_member(accepted=forum, trusted=False)
    return PostFactory(
        topic=TopicFactory(forum=forum, author=author), body_source="Where are the district tables?"
    )


def edit(client, index, post, text):
    return client.post(url(index, "edit_post", post.pk), {"body": text})


def test_a_moderated_members_edit_waits_for_a_moderator_again(client, index, approved_post):
    client.force_login(approved_post.author)
    response = edit(client, index, approved_post, SPAM)
    assert response.status_code == 302
    approved_post.refresh_from_db()
    assert approved_post.status == Post.Status.PENDING
    assert approved_post.hold_reason.startswith("edited: ")
    client.logout()
    assert "spam.example" not in client.get(url(index, "topic", approved_post.topic_id)).content.decode()


def test_a_trusted_members_edit_is_published_at_once(client, index, forum, make_member):
    post = PostFactory(topic=TopicFactory(forum=forum), author=make_member(accepted=forum))
    client.force_login(post.author)
    edit(client, index, post, "See https://statistics.example/tables for the tables.")
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED
    assert "statistics.example/tables" in post.body_html


def test_a_suspended_member_cannot_edit(client, index, approved_post):
    Member.objects.filter(user=approved_post.author).update(
        suspended_until=timezone.now() + datetime.timedelta(days=3)
    )
    client.force_login(approved_post.author)
    response = edit(client, index, approved_post, SPAM)
    assert response.status_code == 403
    assert "may not post in the forums until" in response.content.decode()
    approved_post.refresh_from_db()
    assert approved_post.body_source == "Where are the district tables?"


def test_a_moderators_edit_is_not_held(client, index, approved_post, moderator):
    client.force_login(moderator)
    edit(client, index, approved_post, "Tables: https://statistics.example/tables")
    approved_post.refresh_from_db()
    assert approved_post.status == Post.Status.PUBLISHED


def test_edits_count_against_the_posting_rate_limit(client, index, forum, make_member):
    post = PostFactory(topic=TopicFactory(forum=forum), author=make_member(accepted=forum))
    client.force_login(post.author)
    statuses = [edit(client, index, post, f"Version {n}").status_code for n in range(6)]
    assert statuses == [302] * 5 + [429]
    assert Topic.objects.filter(pk=post.topic_id).exists()
