"""The dashboard's own indicators: contacts and where they came from, activity by kind, and
page views. Other apps add theirs through the same hook (see registry)."""

from django.db.models import OuterRef, Subquery, Sum

from portal.contacts.models import Contact, Touchpoint, TouchpointKind
from portal.core.vocabularies import UserGroup

from .models import PageViewCount
from .registry import Indicator, content_type_label, count_rows, day_bounds

KIND_LABELS = dict(TouchpointKind.choices)
GROUP_LABELS = dict(UserGroup.choices)


def new_contacts(start, end, group_by, user_group=None):
    """Contacts first seen in the period, by the kind of their first touchpoint."""
    begin, stop = day_bounds(start, end)
    first_kind = (
        Touchpoint.objects.filter(contact=OuterRef("pk")).order_by("created_at", "pk").values("kind")[:1]
    )
    contacts = Contact.objects.filter(created_at__gte=begin, created_at__lt=stop)
    if user_group:
        contacts = contacts.filter(user_group=user_group)
    return count_rows(contacts, "created_at", group_by, Subquery(first_kind), KIND_LABELS)


def contacts_by_group(start, end, group_by, user_group=None):
    begin, stop = day_bounds(start, end)
    contacts = Contact.objects.filter(created_at__gte=begin, created_at__lt=stop)
    if user_group:
        contacts = contacts.filter(user_group=user_group)
    return count_rows(contacts, "created_at", group_by, "user_group", GROUP_LABELS)


def activity(start, end, group_by, user_group=None):
    begin, stop = day_bounds(start, end)
    touchpoints = Touchpoint.objects.filter(created_at__gte=begin, created_at__lt=stop)
    if user_group:
        touchpoints = touchpoints.filter(contact__user_group=user_group)
    return count_rows(touchpoints, "created_at", group_by, "kind", KIND_LABELS)


def page_views(start, end, group_by, user_group=None):
    """Views per day and page type, summed over the counters; the dashboard adds the days up
    into weeks or months. Grouping by the stored day (no date function per row) keeps this
    one index-driven GROUP BY with at most days x page types rows, however many pages."""
    counts = (
        PageViewCount.objects.filter(day__gte=start, day__lte=end)
        .values("day", "content_type_id")
        .annotate(total=Sum("views"))
        .order_by()
    )
    return [(row["day"], content_type_label(row["content_type_id"]), row["total"]) for row in counts]


def top_pages(start, end, limit=10, content_type=None):
    """The most viewed pages in the period, with their views: one GROUP BY query."""
    counts = PageViewCount.objects.filter(day__gte=start, day__lte=end)
    if content_type is not None:
        counts = counts.filter(content_type=content_type)
    return list(
        counts.values("page_id", "page__title", "page__url_path")
        .annotate(views=Sum("views"))
        .order_by("-views", "page_id")[:limit]
    )


def registered_indicators():
    return [
        Indicator(
            key="new_contacts",
            title="New contacts, by where they came from",
            description="People added to the user database, by the first thing they did.",
            rows=new_contacts,
            segment_label="Came from",
            segments=tuple(KIND_LABELS.values()),
            by_user_group=True,
            order=10,
        ),
        Indicator(
            key="contacts_by_group",
            title="New contacts, by user group",
            rows=contacts_by_group,
            segment_label="User group",
            segments=(*GROUP_LABELS.values(), "Not given"),
            by_user_group=True,
            order=15,
        ),
        Indicator(
            key="activity",
            title="Activity, by kind",
            description=(
                "Every touchpoint: newsletter sign-ups, forum joins, training registrations, "
                "competition entries, learning, data requests and feedback from signed-in people."
            ),
            rows=activity,
            segment_label="Kind",
            segments=tuple(KIND_LABELS.values()),
            by_user_group=True,
            order=20,
        ),
        Indicator(
            key="page_views",
            title="Page views, by type of page",
            description="Counted by the site itself: no cookies, no addresses, robots left out.",
            rows=page_views,
            segment_label="Type of page",
            order=40,
        ),
    ]
