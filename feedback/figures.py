"""The headline figures of the "You said, we did" page, each with a chart and its table.

Everything is counted by the database (COUNT with GROUP BY); only the answer times of the
requests closed in the period are read, to take their median. The result is cached briefly.
"""

import datetime
import statistics
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext, gettext_lazy

from portal.core import charts

from .models import DataRequest, FeedbackType, PageFeedback

CACHE_SECONDS = 10 * 60
SOURCE = gettext_lazy("Data requests and page feedback received through this site")
ANSWERED = (DataRequest.Status.ANSWERED, DataRequest.Status.REDIRECTED)


@dataclass(frozen=True)
class HeadlineFigures:
    since: datetime.date
    requests_received: int
    requests_answered: int
    median_days_to_answer: float | None
    feedback_received: int
    feedback_addressed: int
    requests_chart: charts.ChartSpec
    feedback_chart: charts.ChartSpec

    @property
    def share_addressed(self):
        """Percentage of feedback addressed, or None when there was none."""
        if not self.feedback_received:
            return None
        return round(100 * self.feedback_addressed / self.feedback_received)

    @property
    def requests_table(self):
        return charts.table_rows(self.requests_chart.data)

    @property
    def feedback_table(self):
        return charts.table_rows(self.feedback_chart.data)


def month_starts(first, last):
    """The first day of each month from ``first``'s month to ``last``'s, in order."""
    month = first.replace(day=1)
    while month <= last:
        yield month
        month = (month + datetime.timedelta(days=32)).replace(day=1)


def headline_figures(months=12, now=None):
    now = now or timezone.now()
    # The charts' words are in the language of the page, so each language has its own copy.
    key = f"feedback:headline:{months}:{get_language()}:{now:%Y%m%d%H}"
    figures = cache.get(key)
    if figures is None:
        figures = compute_headline_figures(months, now)
        cache.set(key, figures, CACHE_SECONDS)
    return figures


def period_start(months, now):
    today = timezone.localtime(now).date()
    first = today.replace(day=1)
    for _ in range(max(months, 1) - 1):
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return first


def compute_headline_figures(months, now):
    since = period_start(months, now)
    start = timezone.make_aware(datetime.datetime.combine(since, datetime.time.min))
    received = DataRequest.objects.filter(created_at__gte=start, created_at__lte=now)
    totals = received.aggregate(received=Count("pk"), answered=Count("pk", filter=Q(status__in=ANSWERED)))
    answer_times = DataRequest.objects.filter(
        status__in=ANSWERED, closed_at__gte=start, closed_at__lte=now
    ).values_list("created_at", "closed_at")
    days = [(closed - created).total_seconds() / 86400 for created, closed in answer_times]
    feedback = PageFeedback.objects.filter(created_at__gte=start, created_at__lte=now)
    feedback_totals = feedback.aggregate(
        received=Count("pk"), addressed=Count("pk", filter=Q(addressed=True))
    )
    return HeadlineFigures(
        since=since,
        requests_received=totals["received"],
        requests_answered=totals["answered"],
        median_days_to_answer=round(statistics.median(days), 1) if days else None,
        feedback_received=feedback_totals["received"],
        feedback_addressed=feedback_totals["addressed"],
        requests_chart=requests_chart(received, start, now, since),
        feedback_chart=feedback_chart(feedback),
    )


def requests_chart(received, start, now, since):
    per_month_received = dict(
        received.annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    per_month_answered = dict(
        DataRequest.objects.filter(status__in=ANSWERED, closed_at__gte=start, closed_at__lte=now)
        .annotate(month=TruncMonth("closed_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    received_by_day = {as_date(month): n for month, n in per_month_received.items()}
    answered_by_day = {as_date(month): n for month, n in per_month_answered.items()}
    rows = tuple(
        (
            date_format(month, "M Y"),
            (float(received_by_day.get(month, 0)), float(answered_by_day.get(month, 0))),
        )
        for month in month_starts(since, timezone.localtime(now).date())
    )
    return charts.ChartSpec(
        chart_type="bar",
        title=gettext("Data requests received and answered, by month"),
        data=charts.ChartData(
            columns=(gettext("Month"), gettext("Received"), gettext("Answered")), rows=rows, decimals=(0, 0)
        ),
        y_label=gettext("Requests"),
        source=str(SOURCE),
        summary=gettext("How many data requests arrived each month, and how many we answered."),
    )


def feedback_chart(feedback):
    counts = feedback.values("feedback_type").annotate(
        received=Count("pk"), addressed=Count("pk", filter=Q(addressed=True))
    )
    by_type = {row["feedback_type"]: (row["received"], row["addressed"]) for row in counts}
    labels = [*FeedbackType.choices, ("", gettext("No type given"))]
    rows = tuple((str(label), tuple(float(n) for n in by_type.get(value, (0, 0)))) for value, label in labels)
    return charts.ChartSpec(
        chart_type="bar",
        title=gettext("Page feedback received and addressed, by type"),
        data=charts.ChartData(
            columns=(gettext("Type of feedback"), gettext("Received"), gettext("Addressed")),
            rows=rows,
            decimals=(0, 0),
        ),
        y_label=gettext("Comments and ratings"),
        source=str(SOURCE),
        summary=gettext("What readers told us about our pages, and how much of it we have acted on."),
    )


def as_date(value):
    """TruncMonth gives a datetime on a DateTimeField; its local date is the month's first day."""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value
