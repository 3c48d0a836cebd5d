"""Query budgets: the forum pages run as many queries with 1,000 forums, topics and posts as
with 10. Rows beyond the first are copies, inserted in bulk (tests/bulk.py)."""

import pytest

from forums import services
from forums.models import Forum
from tests.bulk import grow_rows
from tests.queries import assert_constant

from .conftest import url

pytestmark = pytest.mark.django_db


def test_forums_topics_and_posts(index, forum, topic, make_member):
    authors = [make_member(accepted=forum) for _ in range(4)]
    post = services.reply(topic, authors[0], "The weights come from the household budget survey.")

    def grow_to(total):
        grow_rows(forum, Forum.objects, total, slug=lambda n: f"forum-{n}", title=lambda n: f"Forum {n}")
        grow_rows(
            topic,
            forum.topics,
            total,
            title=lambda n: f"Where are the figures for region {n}?",
            author=lambda n: authors[n % len(authors)],
        )
        grow_rows(
            post,
            topic.posts,
            total,
            body_html=lambda n: f"<p>Reply {n}</p>",
            author=lambda n: authors[n % len(authors)],
        )

    urls = [
        "/en/",
        index.url,
        url(index, "forum", forum.slug),
        url(index, "topic", topic.pk),
        f"{url(index, 'topic', topic.pk)}?page=3",
        f"{url(index, 'search')}?q=figures",
        url(index, "feed", forum.slug),
    ]
    assert_constant(urls, grow_to)
