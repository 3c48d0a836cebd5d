"""The dashboard's indicators, contributed by any app through a Wagtail hook.

An app registers a function under ``register_engagement_indicators`` that returns
:class:`Indicator` objects. An indicator's ``rows(start, end, group_by, user_group)`` returns
``(day, segment, value)`` tuples: counts for each week or month (``group_by`` is "week" or
"month"; the day may be any day of it, the dashboard adds up the days of each period) from
``start`` to ``end`` (dates, both included), split into segments
(e.g. one per touchpoint kind), for one user group when ``user_group`` is given and the
indicator ``by_user_group``. Rows must come from one GROUP BY query (or a fixed few), so the
dashboard costs the same number of queries whatever the amount of data. :func:`count_rows`
builds such a query from a queryset.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F
from django.db.models.functions import TruncMonth, TruncWeek
from django.utils import timezone
from wagtail import hooks

HOOK = "register_engagement_indicators"
GROUP_BY = {"week": TruncWeek, "month": TruncMonth}


@dataclass(frozen=True)
class Indicator:
    key: str
    title: str
    rows: Callable[[datetime.date, datetime.date, str, str | None], Iterable[tuple]]
    description: str = ""
    segment_label: str = "Line"
    segments: tuple[str, ...] = ()
    by_user_group: bool = False
    summary: Callable | None = None  # (start, end, user_group) -> (headings, rows), a small extra table
    order: int = 100
    # False for averages and rates: they have no totals, an empty period has no value (not 0),
    # and no KPI target can add them up.
    additive: bool = True


def indicators():
    found = {}
    for register in hooks.get_hooks(HOOK):
        for indicator in register():
            found[indicator.key] = indicator
    return sorted(found.values(), key=lambda indicator: (indicator.order, indicator.title))


def get_indicator(key):
    return next((indicator for indicator in indicators() if indicator.key == key), None)


def indicator_choices():
    return [(indicator.key, indicator.title) for indicator in indicators()]


def content_type_label(content_type_id):
    """ "Data story" for the data story page type; from Django's content type cache."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return str(model._meta.verbose_name).capitalize() if model else "Deleted page type"


def day_bounds(start, end):
    """Aware datetimes from the start of ``start`` to the start of the day after ``end``."""
    begin = timezone.make_aware(datetime.datetime.combine(start, datetime.time.min))
    stop = timezone.make_aware(datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min))
    return begin, stop


def as_date(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def count_rows(queryset, when, group_by, segment=None, labels=None, value=None):
    """``(period_start, segment label, value)`` per period and segment, in one GROUP BY query.

    ``when`` is the date or datetime field the period comes from; ``segment`` a field path or
    an expression to split by (none: one line, labelled "Not given" unless relabelled with
    :func:`constant_rows`); ``labels`` turns stored values into labels; ``value`` an
    aggregate (default: how many rows).
    """
    trunc = GROUP_BY[group_by]
    fields = {"period": trunc(when)}
    if isinstance(segment, str):
        fields["segment"] = F(segment)
    elif segment is not None:
        fields["segment"] = segment
    grouped = queryset.annotate(**fields).values(*fields).annotate(value=value or Count("pk")).order_by()
    labels = labels or {}
    for row in grouped:
        raw = row.get("segment", "")
        yield (
            as_date(row["period"]),
            labels.get(raw, raw if raw not in (None, "") else "Not given"),
            row["value"],
        )


def constant_rows(rows, label):
    for period, _, value in rows:
        yield period, label, value
