"""What came through an ambassador's links: visits, sign-ups and module completions, per link
and per month, in two queries whatever the number of links and events."""

from collections import defaultdict

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from .models import ShareEvent

KINDS = [kind for kind, _ in ShareEvent.Kind.choices]


def month_of(value):
    """TruncMonth gives an aware datetime on PostgreSQL and SQLite alike: the local date."""
    return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()


def empty_counts():
    return dict.fromkeys(KINDS, 0)


def reach_report(ambassador):
    """``{"links": [(link, counts)], "months": [(month, link, counts)], "totals": counts}``,
    newest month first; counts are ``{"visit": n, "signup": n, "completion": n}``."""
    links = list(ambassador.links.select_related("page"))
    rows = (
        ShareEvent.objects.filter(link__ambassador=ambassador)
        .annotate(month=TruncMonth("created_at"))
        .values("link_id", "month", "kind")
        .annotate(count=Count("pk"))
        .order_by()
    )
    per_link = defaultdict(empty_counts)
    per_month = defaultdict(empty_counts)
    totals = empty_counts()
    for row in rows:
        per_link[row["link_id"]][row["kind"]] += row["count"]
        per_month[(month_of(row["month"]), row["link_id"])][row["kind"]] += row["count"]
        totals[row["kind"]] += row["count"]
    by_id = {link.pk: link for link in links}
    months = [
        (month, by_id[link_id], counts)
        for (month, link_id), counts in sorted(
            per_month.items(), key=lambda item: (item[0][0], by_id[item[0][1]].page.title), reverse=True
        )
        if link_id in by_id
    ]
    return {
        "links": [(link, per_link[link.pk]) for link in links],
        "months": months,
        "totals": totals,
    }
