"""An indicator slice (indicator, areas, breakdown, period range) read and described for pages.

The chart and key-figure blocks (``datasets.blocks``) keep only what an editor chose; everything
a reader sees is read here, at render time, from the version current for the public
(``datasets.figures``), so a new release reaches every page that quotes the figure and an
embargoed version never shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext, gettext_lazy, ngettext

from portal.core.charts import MAX_ROWS, MAX_SERIES, ChartData, format_number
from portal.core.formats import format_percent, period_label

from . import figures
from .models import Code, Observation
from .periods import ANNUAL, HALF_YEARLY, MONTHLY, QUARTERLY, PeriodError, parse_period

# Lazy: these are read when a page is drawn, in the reader's language, not at import.
MULTIPLIER_WORDS = {3: gettext_lazy("thousand"), 6: gettext_lazy("million"), 9: gettext_lazy("billion")}
# Statuses a figure is shown with, and the footnote mark after it (as Eurostat flags them).
FLAGS = {
    Observation.PROVISIONAL: ("p", gettext_lazy("provisional")),
    Observation.ESTIMATED: ("e", gettext_lazy("estimated")),
    Observation.BREAK: ("b", gettext_lazy("break in series")),
}
PERIODS_PER_YEAR = {ANNUAL: 1, HALF_YEARLY: 2, QUARTERLY: 4, MONTHLY: 12}
MAX_CODE_TEXT = 400
_SLUG = re.compile(r"[a-z0-9_-]{1,50}")
_CODE = re.compile(r"[A-Za-z0-9_.+-]{1,50}")


# Reading what the editor typed


def area_codes(text: str) -> list[str]:
    """Area codes from "NAT, R1 R2": split on commas and spaces, each once, in the order given."""
    codes = []
    for code in re.split(r"[,\s]+", text or ""):
        if code and code not in codes:
            codes.append(code)
    return codes


def breakdown_key(text: str) -> str:
    """The canonical key (``age=_T;sex=F``, pairs sorted by slug) of what the editor typed, in any
    order, or a ValidationError that says what is expected."""
    text = (text or "").strip()
    if not text:
        return ""
    pairs = {}
    for part in text.split(";"):
        slug, equals, code = (piece.strip() for piece in part.partition("="))
        slug = slug.lower()
        if not (equals and _SLUG.fullmatch(slug) and _CODE.fullmatch(code)):
            raise ValidationError(
                gettext(
                    "%(part)s is not a breakdown: write list=code pairs separated by semicolons, "
                    "e.g. sex=F;age=_T"
                )
                % {"part": repr(part.strip() or "(empty)")}
            )
        if slug in pairs:
            raise ValidationError(gettext("The breakdown %(slug)s is given twice.") % {"slug": repr(slug)})
        pairs[slug] = code
    return ";".join(f"{slug}={pairs[slug]}" for slug in sorted(pairs))


def check_areas(dataset, codes: list[str]) -> None:
    """Refuse an empty list, more areas than a chart has series, and codes the dataset lacks."""
    if not codes:
        raise ValidationError(gettext("Give at least one area code, e.g. NAT."))
    if len(codes) > MAX_SERIES:
        raise ValidationError(
            gettext("A chart shows at most %(max)d areas; %(count)d are given.")
            % {"max": MAX_SERIES, "count": len(codes)}
        )
    in_list = Code.objects.filter(code_list_id=dataset.area_code_list_id, code__in=codes)
    known = set(in_list.values_list("code", flat=True))
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise ValidationError(
            ngettext(
                "Unknown area code in %(dataset)s: %(codes)s.",
                "Unknown area codes in %(dataset)s: %(codes)s.",
                len(unknown),
            )
            % {"dataset": dataset.title, "codes": ", ".join(unknown)}
        )


def check_breakdown(dataset, key: str) -> None:
    """Refuse a breakdown the dataset does not have, or a code not in its list."""
    if not key:
        return
    lists = {code_list.slug: code_list for code_list in dataset.breakdown_code_lists.all()}
    for pair in key.split(";"):
        slug, _, code = pair.partition("=")
        if slug not in lists:
            known = ", ".join(sorted(lists)) or gettext("none")
            raise ValidationError(
                gettext("%(dataset)s has no breakdown %(slug)s (its breakdowns: %(known)s).")
                % {"dataset": dataset.title, "slug": repr(slug), "known": known}
            )
        if not lists[slug].codes.filter(code=code).exists():
            raise ValidationError(
                gettext("%(code)s is not a code of the breakdown %(slug)s.")
                % {"code": repr(code), "slug": repr(slug)}
            )


def period_or_error(code: str):
    """The parsed period, or None when empty; a ValidationError with parse_period's message."""
    if not (code or "").strip():
        return None
    try:
        return parse_period(code.strip())
    except PeriodError as error:
        raise ValidationError(str(error)) from None


def period_count(first, last) -> int:
    """How many periods of their frequency from ``first`` to ``last``, both included."""
    per_year = PERIODS_PER_YEAR[first.frequency]
    months = (last.start.year - first.start.year) * 12 + last.start.month - first.start.month
    return months * per_year // 12 + 1


def check_range(first, last) -> None:
    if first and last:
        if first.frequency != last.frequency:
            raise ValidationError(
                gettext("Start and end the range with the same kind of period (both years, both quarters…).")
            )
        if first.start > last.start:
            raise ValidationError(
                gettext("The range ends (%(last)s) before it starts (%(first)s).")
                % {"last": last.code, "first": first.code}
            )


# Saying it


def unit_label(indicator) -> str:
    """The unit with its multiplier: "thousand persons", "%"."""
    multiplier = indicator.unit_multiplier
    words = str(MULTIPLIER_WORDS.get(multiplier) or (f"x10^{multiplier}" if multiplier else ""))
    return " ".join(part for part in (words, indicator.unit) if part)


def formatted(value, decimals: int) -> str:
    return format_number(float(value), decimals)


def cell_text(observation, decimals: int) -> str:
    """What a table cell says: the number, or why there is none ("not available", never 0)."""
    if observation is None:
        return gettext("not available")
    if observation.value is None or observation.status in Observation.WITHOUT_VALUE:
        return observation.display_value()
    return formatted(observation.value, decimals)


def has_value(observation) -> bool:
    return (
        observation is not None
        and observation.value is not None
        and observation.status not in Observation.WITHOUT_VALUE
    )


@dataclass(frozen=True)
class Cell:
    text: str
    missing: bool = False
    flag: str = ""
    column: str = ""  # the area's label, for the plain-text table
    meaning: str = ""  # the flag in words, for screen readers


@dataclass
class Slice:
    """One indicator's figures for some areas and periods in the current public version."""

    indicator: object
    version: object
    areas: list[tuple[str, str]]  # (code, label), in the editor's order
    periods: list[str]
    cells: dict = field(default_factory=dict)  # (period, area code) -> Observation
    truncated: bool = False

    @property
    def dataset(self):
        return self.indicator.dataset

    def observation(self, period, area):
        return self.cells.get((period, area))

    def chart_data(self) -> ChartData:
        """The table the chart machinery draws: one row per period, one series per area; a figure
        without value is None (a gap), never 0."""
        rows = tuple(
            (
                period_label(period),
                tuple(
                    float(obs.value) if has_value(obs := self.observation(period, code)) else None
                    for code, _ in self.areas
                ),
            )
            for period in self.periods
        )
        # "Period" stays English: the CSV data link is the same in every language.
        columns = ("Period", *(label for _, label in self.areas))
        return ChartData(columns=columns, rows=rows, decimals=(self.indicator.decimals,) * len(self.areas))

    def table_rows(self) -> list[tuple[str, list[Cell]]]:
        decimals = self.indicator.decimals
        rows = []
        for period in self.periods:
            cells = []
            for code, label in self.areas:
                obs = self.observation(period, code)
                mark, meaning = FLAGS.get(obs.status, ("", "")) if has_value(obs) else ("", "")
                cells.append(Cell(cell_text(obs, decimals), not has_value(obs), mark, label, meaning))
            rows.append((period_label(period), cells))
        return rows

    def flags(self) -> list[tuple[str, str]]:
        """The footnotes the table needs: (mark, meaning) of every status shown, in a fixed order."""
        used = {obs.status for obs in self.cells.values() if has_value(obs)}
        return [FLAGS[status] for status in FLAGS if status in used]

    def period_text(self) -> str:
        if not self.periods:
            return ""
        first, last = period_label(self.periods[0]), period_label(self.periods[-1])
        return first if first == last else gettext("%(first)s to %(last)s") % {"first": first, "last": last}


def read_slice(indicator, codes, key, period_from="", period_to="") -> Slice | None:
    """The slice in the version current for the public, or None when nothing of it is public.

    One query for the version and one for the observations, whatever their number. Only periods
    of one frequency are kept (the range's, else the newest figure's), the newest MAX_ROWS.
    """
    version = figures.current_version(indicator.dataset) if indicator else None
    if version is None:
        return None
    try:
        found = list(
            figures.observations(
                indicator,
                version=version,
                areas=codes,
                breakdown_key=key,
                period_from=period_from or None,
                period_to=period_to or None,
            )
        )
    except PeriodError:  # saved before a rule tightened: show nothing rather than guess
        return None
    frequency = _frequency(period_from or period_to, found)
    found = [obs for obs in found if parse_period(obs.period).frequency == frequency]
    labels = {obs.area.code: obs.area.label for obs in found}
    periods = list(dict.fromkeys(obs.period for obs in found))
    truncated = len(periods) > MAX_ROWS
    return Slice(
        indicator=indicator,
        version=version,
        areas=[(code, labels.get(code, code)) for code in codes],
        periods=periods[-MAX_ROWS:],
        cells={(obs.period, obs.area.code): obs for obs in found},
        truncated=truncated,
    )


def _frequency(code, found):
    if code:
        return parse_period(code).frequency
    return parse_period(found[-1].period).frequency if found else ANNUAL


def _plural_count(number: Decimal) -> int:
    """The count ngettext chooses a plural form by: the number itself when whole; a fraction
    ("1.5 percentage points") takes the general plural, which 100 selects in en, fr and ar."""
    return int(number) if number == number.to_integral_value() else 100


def change_text(current, previous, indicator) -> str:
    """The change on the previous period in words ("up 1,234 (2.1%) on 2023"), or "" when either
    figure has no value: a comparison with a missing figure is not made. Each wording is one
    whole message with named placeholders, so translators can reorder it."""
    if not (has_value(current) and has_value(previous)):
        return ""
    difference = Decimal(current.value) - Decimal(previous.value)
    since = period_label(previous.period)
    if difference == 0:
        return gettext("unchanged on %(period)s") % {"period": since}
    up = difference > 0
    amount = formatted(abs(difference), indicator.decimals)
    if indicator.unit.strip() == "%":
        count = _plural_count(abs(difference))
        if up:
            text = ngettext(
                "up %(change)s percentage point on %(period)s",
                "up %(change)s percentage points on %(period)s",
                count,
            )
        else:
            text = ngettext(
                "down %(change)s percentage point on %(period)s",
                "down %(change)s percentage points on %(period)s",
                count,
            )
        return text % {"change": amount, "period": since}
    unit = unit_label(indicator)
    values = {"change": f"{amount} {unit}" if unit else amount, "period": since}
    if not previous.value:
        text = gettext("up %(change)s on %(period)s") if up else gettext("down %(change)s on %(period)s")
        return text % values
    values["percent"] = format_percent(abs(difference) / abs(Decimal(previous.value)) * 100, 1)
    if up:
        return gettext("up %(change)s (%(percent)s) on %(period)s") % values
    return gettext("down %(change)s (%(percent)s) on %(period)s") % values
