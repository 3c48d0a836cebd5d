"""The dashboard's figures: each indicator as a table of periods by segments, and KPI progress.

Each indicator costs one or two GROUP BY queries and each KPI one or two more, whatever the
number of rows behind them; the tables are filled in here, zeros included.
"""

import datetime
import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from portal.core.vocabularies import UserGroup

from .models import KpiTarget
from .registry import indicators

WEEK = "week"
MONTH = "month"


@dataclass(frozen=True)
class Window:
    start: datetime.date
    end: datetime.date
    group_by: str = MONTH
    user_group: str = ""

    @property
    def user_group_label(self):
        return dict(UserGroup.choices).get(self.user_group, "")


def period_start(day, group_by):
    if group_by == WEEK:
        return day - datetime.timedelta(days=day.weekday())
    return day.replace(day=1)


def periods(window):
    """The first day of every week (Monday) or month that the window touches, in order."""
    current = period_start(window.start, window.group_by)
    found = []
    while current <= window.end:
        found.append(current)
        if window.group_by == WEEK:
            current += datetime.timedelta(days=7)
        else:
            current = (current + datetime.timedelta(days=32)).replace(day=1)
    return found


def period_label(day, group_by):
    if group_by == WEEK:
        return f"Week of {day:%-d %b %Y}"
    return f"{day:%b %Y}"


@dataclass
class IndicatorTable:
    indicator: object
    segments: list
    rows: list  # (period label, [value per segment], row total); None where there is no figure
    totals: list
    total: int | None
    applies_to_group: bool = True
    summary: tuple | None = None


def indicator_rows(indicator, window):
    """The indicator's (period, segment, value) rows, for the window's user group if it can."""
    group = window.user_group if indicator.by_user_group else None
    return list(indicator.rows(window.start, window.end, window.group_by, group or None))


def build_table(indicator, window):
    cells = defaultdict(int)
    seen = set()
    for period, segment, value in indicator_rows(indicator, window):
        key = (period_start(period, window.group_by), segment)
        if indicator.additive:
            cells[key] += value or 0
        else:
            cells[key] = value
        seen.add(segment)
    ordered = [segment for segment in indicator.segments if segment in seen]
    ordered += sorted(seen - set(ordered))
    rows = []
    for period in periods(window):
        values = [cells.get((period, segment), 0 if indicator.additive else None) for segment in ordered]
        row_total = sum(values) if indicator.additive else None
        rows.append((period_label(period, window.group_by), values, row_total))
    if indicator.additive:
        totals = [sum(row[1][index] for row in rows) for index in range(len(ordered))]
    else:
        totals = [None] * len(ordered)
    summary = None
    if indicator.summary is not None:
        group = window.user_group if indicator.by_user_group else None
        summary = indicator.summary(window.start, window.end, group or None)
    return IndicatorTable(
        indicator=indicator,
        segments=ordered,
        rows=rows,
        totals=totals,
        total=sum(totals) if indicator.additive else None,
        applies_to_group=indicator.by_user_group or not window.user_group,
        summary=summary,
    )


@dataclass
class KpiProgress:
    target: KpiTarget
    actual: int
    goal: int | None
    baseline: int | None = None
    elapsed_percent: int = 0
    percent: int | None = field(init=False)

    def __post_init__(self):
        self.percent = None if not self.goal else round(100 * self.actual / self.goal)

    @property
    def on_track(self):
        return self.percent is not None and self.percent >= self.elapsed_percent

    @property
    def bar_percent(self):
        return min(self.percent or 0, 100)


def total(indicator, start, end, segment=""):
    window = Window(start=start, end=end, group_by=MONTH)
    return sum(
        value or 0 for _, name, value in indicator_rows(indicator, window) if not segment or name == segment
    )


def kpi_progress(target, by_key, today=None):
    today = today or timezone.localdate()
    indicator = by_key.get(target.indicator)
    if indicator is None:
        return None
    until = min(target.end_date, today)
    actual = total(indicator, target.start_date, until, target.segment) if until >= target.start_date else 0
    length = (target.end_date - target.start_date).days + 1
    elapsed = max(0, min(length, (today - target.start_date).days + 1))
    elapsed_percent = round(100 * elapsed / length)
    if target.target_type == KpiTarget.TargetType.GROWTH:
        before_end = target.start_date - datetime.timedelta(days=1)
        before_start = target.start_date - datetime.timedelta(days=length)
        baseline = total(indicator, before_start, before_end, target.segment)
        goal = math.ceil(baseline * (100 + target.target) / 100) if baseline else None
        return KpiProgress(target, actual, goal, baseline=baseline, elapsed_percent=elapsed_percent)
    return KpiProgress(target, actual, target.target, elapsed_percent=elapsed_percent)


def current_kpis(today=None):
    """Targets whose period has not ended more than a year ago, with their progress."""
    today = today or timezone.localdate()
    by_key = {indicator.key: indicator for indicator in indicators()}
    targets = KpiTarget.objects.filter(end_date__gte=today - datetime.timedelta(days=366))
    return [progress for target in targets if (progress := kpi_progress(target, by_key, today)) is not None]


def dashboard_tables(window):
    return [build_table(indicator, window) for indicator in indicators()]


def export_rows(window):
    """Long-format rows for the CSV: one line per indicator, period and segment."""
    yield ["Indicator", "Period", "Period starts", "Line", "Value", "User group"]
    group_label = window.user_group_label or "All"
    for table in dashboard_tables(window):
        scope = group_label if table.indicator.by_user_group else "All (not split by user group)"
        for (label, values, _), period in zip(table.rows, periods(window), strict=True):
            for segment, value in zip(table.segments, values, strict=True):
                yield [table.indicator.title, label, period.isoformat(), segment, value, scope]
