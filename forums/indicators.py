"""The forums' contributions to the engagement dashboard: posts, and the members who wrote them."""

from django.db.models import Count

from portal.engagement.registry import Indicator, constant_rows, count_rows, day_bounds

from .models import Post

ACTIVE = "Active members"


def published_posts(start, end, user_group=None):
    """Published posts written from ``start`` to ``end``, by authors of one user group if given
    (the group of the author's contact); pending and rejected posts are not counted."""
    begin, stop = day_bounds(start, end)
    posts = Post.objects.published().filter(created_at__gte=begin, created_at__lt=stop)
    if user_group:
        posts = posts.filter(author__contact__user_group=user_group)
    return posts


def posts(start, end, group_by, user_group=None):
    return count_rows(published_posts(start, end, user_group), "created_at", group_by, "topic__forum__title")


def active_members(start, end, group_by, user_group=None):
    """Members who published at least one post in the period, each counted once per period."""
    rows = count_rows(
        published_posts(start, end, user_group), "created_at", group_by, value=Count("author", distinct=True)
    )
    return constant_rows(rows, ACTIVE)


def members_over_window(start, end, user_group=None):
    """Distinct authors over the whole window: a member active in several periods counts once."""
    found = published_posts(start, end, user_group).aggregate(
        members=Count("author", distinct=True), posts=Count("pk")
    )
    return ("Whole period", "Active members", "Posts"), [("All forums", found["members"], found["posts"])]


def registered_indicators():
    return [
        Indicator(
            key="forum_posts",
            title="Forum posts, by forum",
            description="Published posts; those awaiting moderation or rejected are not counted.",
            rows=posts,
            segment_label="Forum",
            by_user_group=True,
            order=26,
        ),
        Indicator(
            key="forum_active_members",
            title="Active forum members",
            description=(
                "Members who published at least one post in the period. The total adds the periods "
                "up; the table below counts each member once over the whole time shown."
            ),
            rows=active_members,
            segments=(ACTIVE,),
            by_user_group=True,
            summary=members_over_window,
            order=27,
        ),
    ]
