"""What a chart is: its data table, its spec, the kinds of chart and the limits on what one may hold."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

MAX_ROWS = 500
MAX_SERIES = 8
MAX_CELL_LENGTH = 80
MAX_BAR_CATEGORIES = 30
MAX_PIE_CATEGORIES = 6
# Longest pasted text worth reading: every row full of the longest cells, plus some slack.
MAX_TEXT_LENGTH = (MAX_ROWS + 10) * (MAX_SERIES + 1) * (MAX_CELL_LENGTH + 3)
MAX_REPORTED_PROBLEMS = 10
MAX_DECIMALS = 10

CHART_TYPES = {
    "line": _("Line"),
    "bar": _("Bar"),
    "stacked_bar": _("Stacked bar"),
    "pie": _("Pie (parts of a whole only)"),
    "table": _("Table only"),
}


@dataclass(frozen=True)
class ChartData:
    """A table of numbers, as pasted: one row per category, one column per series.

    ``columns`` is the header row: ``columns[0]`` names the categories (e.g. "Year") and the
    rest name the series (e.g. "Men", "Women"). ``rows`` holds ``(label, values)`` pairs in
    the pasted order, where ``label`` is the category (e.g. "2024") and ``values`` has one
    float per series, or ``None`` where the cell was empty (no data). ``decimals`` has, per
    series, the most decimal places written in its column (at most MAX_DECIMALS), so that 4.0
    is shown as 4.0 and not 4; when empty, they are worked out from the values.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[float | None, ...]], ...]
    decimals: tuple[int, ...] = ()

    @property
    def category_name(self) -> str:
        return self.columns[0]

    @property
    def series(self) -> tuple[str, ...]:
        return self.columns[1:]

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(label for label, _ in self.rows)

    def series_values(self, index: int) -> tuple[float | None, ...]:
        return tuple(values[index] for _, values in self.rows)

    def places(self, index: int) -> int:
        """Decimal places to show for the series at ``index`` (0 is the first series)."""
        if self.decimals:
            return self.decimals[index]
        present = (value for value in self.series_values(index) if value is not None)
        return min(max((decimal_places(value) for value in present), default=0), MAX_DECIMALS)


@dataclass(frozen=True)
class ChartSpec:
    """Everything needed to draw one chart. ``chart_type`` is a key of :data:`CHART_TYPES`."""

    chart_type: str
    title: str
    data: ChartData
    x_label: str = ""
    y_label: str = ""
    unit: str = ""
    source: str = ""
    notes: str = ""
    summary: str = ""

    @property
    def value_label(self) -> str:
        """The value axis label with its unit, e.g. "Median pay (£ per week)"."""
        if self.y_label and self.unit:
            return f"{self.y_label} ({self.unit})"
        return self.y_label or self.unit


def spec_digest(spec: ChartSpec) -> str:
    """A sha256 of the spec's canonical JSON: equal specs, equal digests."""
    canonical = json.dumps(
        dataclasses.asdict(spec), sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def decimal_places(value: float) -> int:
    """Decimal places a float needs as written by ``repr`` (1234.5 has 1, 3.0 has 0)."""
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0
