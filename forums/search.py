"""Finding topics by the words in their title or their published posts (in a forum, across
the forums, and for the site search)."""

from dataclasses import dataclass

from django.db.models import Q

from .models import ForumIndexPage, Post, Topic

SITE_SEARCH_TOPICS = 5
MAX_WORDS = 10


def matching_topics(topics, query):
    """Topics with every word of the query in their title or in one of their published posts.
    Control characters are dropped first: PostgreSQL refuses a NUL in a query."""
    printable = "".join(character if character.isprintable() else " " for character in query)
    for word in printable.split()[:MAX_WORDS]:
        topics = topics.filter(
            Q(title__icontains=word)
            | Q(pk__in=Post.objects.published().filter(body_source__icontains=word).values("topic_id"))
        )
    return topics


@dataclass(frozen=True)
class ForumResults:
    """The first few public topics that match, how many match in all, and where to see them."""

    topics: list
    count: int
    index: ForumIndexPage


def site_search_results(query):
    """What the site search shows of the forums for `query`, or None without a forum index."""
    index = ForumIndexPage.objects.live().public().first()
    if index is None or not query:
        return None
    topics = matching_topics(Topic.objects.filter(approved=True, hidden=False), query)
    count = topics.count()
    found = (
        list(topics.select_related("forum").order_by("-last_post_at", "-pk")[:SITE_SEARCH_TOPICS])
        if count
        else []
    )
    for topic in found:
        topic.url = index.route_url("topic", topic.pk)
    return ForumResults(topics=found, count=count, index=index)
