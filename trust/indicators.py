"""Misuse reports on the engagement dashboard: received and answered, and the median time to answer."""

import statistics
from collections import defaultdict

from portal.engagement.registry import GROUP_BY, Indicator, as_date, constant_rows, count_rows, day_bounds

from .models import MisuseReport


def reports(start, end, group_by, user_group=None):
    begin, stop = day_bounds(start, end)
    received = MisuseReport.objects.filter(created_at__gte=begin, created_at__lt=stop)
    answered = MisuseReport.objects.filter(answered_at__gte=begin, answered_at__lt=stop)
    return [
        *constant_rows(count_rows(received, "created_at", group_by), "Received"),
        *constant_rows(count_rows(answered, "answered_at", group_by), "Answered or closed"),
    ]


def median_days_to_answer(start, end, group_by, user_group=None):
    """Per period of answering: the median days from receiving a report to its first answer
    (answered, published or closed), in one query; a period without answers has no value."""
    begin, stop = day_bounds(start, end)
    rows = (
        MisuseReport.objects.filter(answered_at__gte=begin, answered_at__lt=stop)
        .annotate(period=GROUP_BY[group_by]("answered_at"))
        .values_list("period", "created_at", "answered_at")
        .order_by()
    )
    waits = defaultdict(list)
    for period, created_at, answered_at in rows:
        waits[as_date(period)].append((answered_at - created_at).total_seconds() / 86400)
    return [
        (period, "Median days to answer", round(statistics.median(days), 1))
        for period, days in sorted(waits.items())
    ]


def registered_indicators():
    return [
        Indicator(
            key="misuse_reports",
            title="Misuse reports",
            description="Reports of misused figures received in each period, and answered or closed in it.",
            rows=reports,
            segments=("Received", "Answered or closed"),
            order=65,
        ),
        Indicator(
            key="misuse_report_answer_days",
            title="Misuse reports: median days to answer",
            description=(
                "For the reports answered, published as a fact-check or closed in each period: the "
                "median time from receiving the report, in days."
            ),
            rows=median_days_to_answer,
            segments=("Median days to answer",),
            order=66,
            additive=False,
        ),
    ]
