"""Reading is public: the forum list, a forum, a topic, permalinks, the feed and search."""

import xml.etree.ElementTree as ET

import pytest
from django.utils.html import escape

from forums import services
from forums.models import Forum, Post, Topic
from forums.search import SITE_SEARCH_TOPICS
from tests.queries import queries_for

from .conftest import make_replies, url
from .factories import ForumFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def test_forum_list_shows_each_forum_with_counts_and_latest_post(client, index, forum, topic, make_member):
    for other in ForumFactory.create_batch(2):
        services.start_topic(other, make_member(accepted=other), f"Latest in {other.title}", "Text")
    services.start_topic(forum, make_member(accepted=forum), "An older question", "Text")
    services.reply(topic, make_member(accepted=forum), "The latest post in the forum.")
    response = client.get(index.url)
    assert response.status_code == 200
    html = response.content.decode()
    listed = Forum.objects.select_related("last_post__topic")
    assert len(listed) == 3
    for each in listed:
        assert escape(each.title) in html
        assert escape(each.last_post.topic.title) in html
    forum.refresh_from_db()
    assert forum.last_post.topic == topic
    assert forum.topic_count == forum.topics.count() == 2
    assert forum.post_count == Post.objects.filter(topic__forum=forum).count() == 3


def test_forum_page_lists_topics_and_links_its_feed(client, index, forum, topic, member):
    for n in range(2):
        services.start_topic(forum, member, f"Another question {n}", "Text")
    assert forum.topics.count() == 3
    response = client.get(url(index, "forum", forum.slug))
    assert response.status_code == 200
    for topic in forum.topics.all():
        assert url(index, "topic", topic.pk) in response.content.decode()
    assert url(index, "feed", forum.slug) in response.content.decode()


def test_unknown_forum_and_topic_are_404(client, index):
    assert client.get(url(index, "forum", "no-such-forum")).status_code == 404
    assert client.get(url(index, "topic", 999999)).status_code == 404


def test_hidden_and_held_topics_are_not_public(client, index, topic):
    Topic.objects.filter(pk=topic.pk).update(hidden=True)
    assert client.get(url(index, "topic", topic.pk)).status_code == 404
    Topic.objects.filter(pk=topic.pk).update(hidden=False, approved=False)
    assert client.get(url(index, "topic", topic.pk)).status_code == 404


def test_moderators_see_hidden_topics(client, index, topic, moderator):
    Topic.objects.filter(pk=topic.pk).update(hidden=True)
    client.force_login(moderator)
    response = client.get(url(index, "topic", topic.pk))
    assert response.status_code == 200
    assert "Not public" in response.content.decode()


def test_topic_shows_official_badge_and_accepted_answer_under_the_question(
    client, index, topic, member, make_member
):
    statistician = make_member(accepted=topic.forum, official=True, name="Ines (Prices)")
    answer = services.reply(topic, statistician, "The weights come from the household budget survey.")
    services.reply(topic, member, "Thank you.")
    services.accept_answer(topic, answer)
    html = client.get(url(index, "topic", topic.pk)).content.decode()
    assert "Official answer from the statistics office" in html
    question_at = html.index(f'id="post-{topic.posts.first().pk}"')
    accepted_at = html.index(f'id="accepted-{topic.accepted_answer_id}"')
    replies_at = html.index('id="replies-heading"')
    assert question_at < accepted_at < replies_at


def test_topic_pages_hold_twenty_posts_and_permalinks_find_the_page(client, index, topic, member):
    make_replies(topic, member, 44)  # 45 posts: pages of 20, 20 and 5
    posts = list(topic.posts.order_by("created_at", "pk"))
    page_two = client.get(url(index, "topic", topic.pk), {"page": 2}).content.decode()
    assert page_two.count('class="post"') + page_two.count('class="post ') == 20
    assert f'id="post-{posts[20].pk}"' in page_two
    assert f'id="post-{posts[19].pk}"' not in page_two
    for position, expected_page in ((0, 1), (19, 1), (20, 2), (44, 3)):
        post = posts[position]
        response = client.get(url(index, "post", post.pk))
        assert response.status_code == 302
        suffix = "" if expected_page == 1 else f"?page={expected_page}"
        assert response["Location"] == f"{url(index, 'topic', topic.pk)}{suffix}#post-{post.pk}"


def test_permalinks_of_unpublished_posts_are_404(client, index, topic):
    post = topic.posts.get()
    Post.objects.filter(pk=post.pk).update(status=Post.Status.HIDDEN)
    assert client.get(url(index, "post", post.pk)).status_code == 404


def test_out_of_range_page_shows_the_last_page(client, index, topic):
    response = client.get(url(index, "topic", topic.pk), {"page": "999"})
    assert response.status_code == 200
    assert "The <strong>question</strong> text." in response.content.decode()


def test_atom_feed_lists_the_forums_public_topics(client, index, forum, topic, member):
    services.start_topic(forum, member, "A public question", "Text")
    Topic.objects.filter(pk=topic.pk).update(hidden=True)
    response = client.get(url(index, "feed", forum.slug))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert set(titles) == set(forum.topics.filter(hidden=False).values_list("title", flat=True))
    assert titles == ["A public question"]
    assert topic.title not in titles


def test_search_in_a_forum_matches_titles_and_post_text(client, index, forum, make_member):
    citizens = ForumFactory(title="Citizens' questions", slug="citizens-questions")
    asker, statistician = make_member(accepted=citizens), make_member(accepted=citizens)
    services.start_topic(
        citizens, asker, "Why does inflation say 2.4% when my shopping costs much more?", "Food went up 9%."
    )
    question = services.start_topic(
        citizens, asker, "Does the population include students living away from home?", "Where?"
    )
    services.reply(question.topic, statistician, "At her term-time address: students count where they study.")
    response = client.get(url(index, "forum", citizens.slug), {"q": "shopping"})
    assert "Why does inflation say 2.4%" in response.content.decode()
    assert "students living away from home" not in response.content.decode()
    response = client.get(url(index, "forum", citizens.slug), {"q": "term-time address"})
    assert "students living away from home" in response.content.decode()
    response = client.get(url(index, "forum", "media"), {"q": "shopping"})
    assert "No topics match" in response.content.decode()


def test_search_across_forums_ignores_hidden_posts(client, index, topic):
    response = client.get(url(index, "search"), {"q": "weighted"})
    assert topic.title in response.content.decode()
    Topic.objects.filter(pk=topic.pk).update(hidden=True)
    response = client.get(url(index, "search"), {"q": "weighted"})
    assert topic.title not in response.content.decode()


@pytest.mark.parametrize(
    "query", ["", "   ", "a" * 5000, "<script>alert(1)</script>", "50%_\\", "\x00null", "census\x07"]
)
def test_search_copes_with_odd_queries(client, index, query):
    response = client.get(url(index, "search"), {"q": query})
    assert response.status_code == (400 if "\x00" in query else 200)  # NULs: the site's 400 page
    assert "<script>alert(1)" not in response.content.decode()


def test_topic_page_queries_do_not_grow_with_posts(client, index, topic, make_member):
    authors = [make_member(accepted=topic.forum) for _ in range(5)]
    make_replies(topic, authors[0], 9)
    topic_url = url(index, "topic", topic.pk)
    few = queries_for(client, topic_url)
    for author in authors:
        make_replies(topic, author, 198)  # 1 000 posts, by six authors
    assert topic.posts.count() == 1000
    assert queries_for(client, topic_url) == few
    assert queries_for(client, f"{topic_url}?page=50") == few


def test_signed_in_topic_page_queries_do_not_grow_with_posts(client, index, topic, member):
    client.force_login(member)
    topic_url = url(index, "topic", topic.pk)
    make_replies(topic, member, 9)
    few = queries_for(client, topic_url)
    make_replies(topic, member, 990)
    assert queries_for(client, topic_url) == few


def test_forum_index_queries_do_not_grow_with_forums_or_topics(client, index, forum, topic, member):
    before = queries_for(client, index.url)
    for n in range(5):
        extra = ForumFactory(slug=f"extra-{n}")
        services.accept_rules(member, extra)
        services.start_topic(extra, member, f"Topic {n}", "Text")
    assert queries_for(client, index.url) == before
    assert queries_for(client, url(index, "forum", forum.slug)) == queries_for(
        client, url(index, "forum", "extra-1")
    )


def test_site_search_lists_matching_forum_topics(client, index, topic):
    response = client.get("/en/search/", {"q": "weighted"})
    html = response.content.decode()
    assert "forum discussion" in html
    assert url(index, "topic", topic.pk) in html
    Topic.objects.filter(pk=topic.pk).update(hidden=True)
    assert url(index, "topic", topic.pk) not in client.get("/en/search/", {"q": "weighted"}).content.decode()


def test_site_search_links_to_all_forum_results_when_there_are_more(client, index, forum, member):
    all_results = f"{index.url}search/?q=quarterly"
    for n in range(SITE_SEARCH_TOPICS):
        services.start_topic(forum, member, f"Quarterly figures {n}", "Text")
    assert all_results not in client.get("/en/search/", {"q": "quarterly"}).content.decode()
    services.start_topic(forum, member, "Quarterly figures, once more", "Text")
    assert all_results in client.get("/en/search/", {"q": "quarterly"}).content.decode()


def test_site_search_query_count_does_not_grow_with_forum_topics(client, index, forum, member):
    services.start_topic(forum, member, "Quetzal sightings", "Birds")
    before = queries_for(client, "/en/search/?q=quetzal")
    for n in range(8):
        services.start_topic(forum, member, f"Quetzal sightings {n}", "Birds")
    assert queries_for(client, "/en/search/?q=quetzal") == before
