"""Forum pages in the page cache: the Forums index, each forum and each topic, stored for
anonymous readers and purged by every new, edited, moderated or moved post or topic."""

import pytest
from django.test import Client
from wagtail.contrib.settings.registry import registry as settings_registry

from forums import moderation, services
from forums.models import Member, Topic
from tests.cache_hits import cached, fresh, hit

from .factories import ForumFactory

pytestmark = pytest.mark.usefixtures("page_cache_on")


@pytest.fixture(autouse=True)
def _site_settings_saved(db):
    """The site's settings exist, as on a running site: the first page to read a setting would
    save it, and saving a setting purges every page."""
    for setting in settings_registry:
        setting.load()


def forum_pages(index, topic):
    return [index.url, index.route_url("forum", topic.forum.slug), index.route_url("topic", topic.pk), "/en/"]


def test_forum_pages_are_cached_for_readers_and_a_new_reply_purges_them(
    client, index, topic, make_member, committed
):
    pages = forum_pages(index, topic)
    for url in pages:
        cached(client, url)
    assert "csrfmiddlewaretoken" not in client.get(pages[2]).content.decode()
    with committed():
        services.reply(
            topic, make_member(accepted=topic.forum), "Weights come from the household budget survey."
        )
    assert "Weights come from the household budget survey." in fresh(client, pages[2])
    for url in (pages[0], pages[1], pages[3]):
        assert topic.title in fresh(client, url)


def test_signed_in_members_get_forum_pages_rendered_for_them(client, index, topic, make_member):
    topic_url = index.route_url("topic", topic.pk)
    cached(client, topic_url)
    reader = Client()
    reader.force_login(make_member(accepted=topic.forum))
    response = reader.get(topic_url)
    assert response.get("X-Cache") is None
    assert "Write a reply" in response.content.decode()


def test_a_held_post_is_shown_once_a_moderator_approves_it(
    client, index, topic, make_member, moderator, committed
):
    topic_url = index.route_url("topic", topic.pk)
    newcomer = make_member(accepted=topic.forum, trusted=False)
    with committed():
        held = services.reply(topic, newcomer, "A first post, held for a moderator.")
    cached(client, topic_url)
    assert "A first post, held for a moderator." not in client.get(topic_url).content.decode()
    with committed():
        moderation.approve(held, moderator)
    assert "A first post, held for a moderator." in fresh(client, topic_url)


def test_editing_hiding_or_accepting_a_post_purges_its_topic(
    client, index, topic, make_member, moderator, committed
):
    topic_url = index.route_url("topic", topic.pk)
    with committed():
        answer = services.reply(topic, make_member(accepted=topic.forum), "The first wording.")
    cached(client, topic_url)
    with committed():
        services.edit_post(answer, moderator, "The second wording.")
    assert "The second wording." in fresh(client, topic_url)

    client.get(topic_url)
    with committed():
        services.accept_answer(Topic.objects.get(pk=topic.pk), answer)
    assert "Accepted answer" in fresh(client, topic_url)

    client.get(topic_url)
    with committed():
        moderation.hide(answer, moderator, "Off topic.")
    assert "The second wording." not in fresh(client, topic_url)


def test_moving_a_topic_purges_both_forums(client, index, topic, moderator, committed):
    old_forum = topic.forum
    new_forum = ForumFactory()
    old_url, new_url = index.route_url("forum", old_forum.slug), index.route_url("forum", new_forum.slug)
    for url in (old_url, new_url):
        cached(client, url)
    with committed():
        moderation.move(topic, moderator, "Belongs with the other questions.", new_forum)
    assert topic.title not in fresh(client, old_url)
    assert topic.title in fresh(client, new_url)


def test_renaming_a_member_purges_the_pages_with_their_posts_but_suspending_one_does_not(
    client, index, topic, moderator, committed
):
    topic_url = index.route_url("topic", topic.pk)
    cached(client, topic_url)
    member = Member.objects.get(user=topic.author)
    with committed():
        moderation.suspend(member, moderator, "Cooling off.", until=topic.created_at.replace(year=2099))
    assert hit(client, topic_url) == "HIT"
    with committed():
        member.display_name = "Renamed Asker"
        member.save()  # as the admin's edit form does
    assert "Renamed Asker" in fresh(client, topic_url)


def test_a_topic_address_with_a_slug_is_not_cached(client, index, topic):
    slugged = index.route_url("topic", topic.pk) + "how-is-the-cpi-weighted/"
    assert hit(client, slugged) is None
    assert hit(client, slugged) is None
