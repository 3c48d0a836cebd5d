"""The programme's totals on the engagement dashboard: visits, sign-ups and module completions
that came through every ambassador's links, per period."""

from portal.engagement.registry import Indicator, count_rows, day_bounds

from .models import ShareEvent


def reach(start, end, group_by, user_group=None):
    begin, stop = day_bounds(start, end)
    events = ShareEvent.objects.filter(created_at__gte=begin, created_at__lt=stop)
    return count_rows(events, "created_at", group_by, segment="kind", labels=dict(ShareEvent.Kind.choices))


def registered_indicators():
    return [
        Indicator(
            key="ambassador_reach",
            title="Ambassadors' reach",
            description=(
                "Visits through ambassadors' share links, and the newsletter sign-ups and e-module "
                "completions that carried a link's code, in each period."
            ),
            rows=reach,
            segment_label="What",
            segments=tuple(label for _, label in ShareEvent.Kind.choices),
            order=70,
        )
    ]
