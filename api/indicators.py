"""API use on the engagement dashboard: requests made with a key, keys in use, and the keys
that made the most requests. Requests without a key are not counted per request (they are
rate limited per address in the cache, not recorded)."""

from django.db.models import Count, Sum

from portal.engagement.registry import Indicator, constant_rows, count_rows

from .models import ApiKeyUsage

REQUESTS = "Requests with a key"
ACTIVE = "Keys used"
TOP = 10


def _usage(start, end):
    return ApiKeyUsage.objects.filter(day__gte=start, day__lte=end)


def requests(start, end, group_by, user_group=None):
    rows = count_rows(_usage(start, end), "day", group_by, value=Sum("requests"))
    return list(constant_rows(rows, REQUESTS))


def active_keys(start, end, group_by, user_group=None):
    rows = count_rows(_usage(start, end), "day", group_by, value=Count("key", distinct=True))
    return list(constant_rows(rows, ACTIVE))


def top_keys(start, end, user_group=None):
    """The keys with the most requests over the whole time shown (one query)."""
    rows = (
        _usage(start, end)
        .values("key__prefix", "key__name", "key__user__email", "key__revoked_at")
        .annotate(total=Sum("requests"), days=Count("day"))
        .order_by("-total", "key__prefix")[:TOP]
    )
    headings = ("Key", "Name", "Owner", "Requests", "Days used")
    return headings, [
        (
            f"ptl_{row['key__prefix']}…" + (" (revoked)" if row["key__revoked_at"] else ""),
            row["key__name"],
            row["key__user__email"],
            row["total"],
            row["days"],
        )
        for row in rows
    ]


def registered_indicators():
    return [
        Indicator(
            key="api_key_requests",
            title="API requests with a key",
            description=(
                "Requests to the open data API answered for registered API keys. The table below "
                f"lists the {TOP} keys with the most requests over the whole time shown."
            ),
            rows=requests,
            segments=(REQUESTS,),
            summary=top_keys,
            order=80,
        ),
        Indicator(
            key="api_active_keys",
            title="API keys in use",
            description="Keys that made at least one request in the period (each key counted once a period).",
            rows=active_keys,
            segments=(ACTIVE,),
            order=81,
            additive=False,
        ),
    ]
