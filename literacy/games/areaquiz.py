"""The area quiz's questions, drawn from the data: the areas of one level with a published figure
of the page's indicator, the true figure of each, and how other players guessed.

Everything is read through ``datasets.figures`` (current public versions only, so an embargoed
figure can never be a question's answer) in a fixed number of queries, whatever the number of
areas: the area list is one query and the levels are worked out in memory.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, Q
from django.utils.formats import get_format
from django.utils.translation import get_language, gettext

from datasets import figures
from portal.core.caching.pagecache import chrome_generation, page_cache
from portal.core.formats import format_number, format_percent

from .models import AreaGuess

# The guess's range as a share of the true figure: (lowest, below) for each row of the table.
RANGES = [
    (None, Decimal("0.5")),
    (Decimal("0.5"), Decimal("0.8")),
    (Decimal("0.8"), Decimal("0.95")),
    (Decimal("0.95"), Decimal("1.05")),
    (Decimal("1.05"), Decimal("1.25")),
    (Decimal("1.25"), Decimal("2")),
    (Decimal("2"), None),
]
# A guess may be up to this many times the largest figure of any area (or, for an indicator
# that can be negative, that far below zero): beyond that it is a typing slip, not a guess.
HEADROOM = 10


@dataclass
class Area:
    code: str
    label: str
    region: str
    value: Decimal
    text: str


@dataclass
class Quiz:
    indicator: object
    version: object
    period: str
    areas: dict  # {code: Area}, in the list's order
    lowest: Decimal
    highest: Decimal

    @property
    def period_label(self):
        return figures.period_text(self.period)

    @property
    def unit(self):
        return figures.unit_text(self.indicator)

    @property
    def source(self):
        dataset = self.indicator.dataset
        return f"{dataset.title}, {dataset.producer}" if dataset.producer else dataset.title

    def choices(self):
        """The areas grouped by region, for a select: [(region, [(code, label)])] (a plain list
        of (code, label) for regions themselves)."""
        groups = {}
        for area in self.areas.values():
            groups.setdefault(area.region, []).append((area.code, area.label))
        if list(groups) == [""]:
            return groups[""]
        return list(groups.items())


def depths(rows):
    """{area id: (depth, top-level-below-country ancestor's label)} of the list's rows."""
    by_id = {row[0]: row for row in rows}
    found = {}
    for pk, _code, label, parent_id, _list in rows:
        chain = [label]
        seen = {pk}
        while parent_id is not None and parent_id in by_id and parent_id not in seen:
            seen.add(parent_id)
            chain.append(by_id[parent_id][2])
            parent_id = by_id[parent_id][3]
        # chain: [self, parent, ..., country]; the region is the one just below the country.
        found[pk] = (len(chain) - 1, chain[-2] if len(chain) >= 3 else "")
    return found


def load(page):
    """The page's quiz, or None, read once per revision, chrome generation and language rather
    than on every play (its figures were most of a render's queries): a release published or
    corrected purges the pages, which starts a new generation. A version whose embargo simply
    runs out is shown at the latest CHROME_SECONDS later, as on every cached page."""
    seconds = settings.PAGE_CACHE["CHROME_SECONDS"]
    if not seconds:
        return read(page)
    key = f"games:area-quiz:{chrome_generation()}:{page.pk}:{page.latest_revision_id}:{get_language()}"
    kept = page_cache().get(key)
    if kept is None:
        kept = (read(page),)  # in a tuple, so that "no quiz" is kept too
        page_cache().set(key, kept, seconds)
    return kept[0]


def read(page):
    """The page's quiz, or None when its indicator is missing or has no public figure at its level."""
    indicator = page.indicator
    if indicator is None:
        return None
    periods = figures.indicator_periods(indicator)
    if not periods:
        return None
    version, found = figures.area_figures(indicator, periods[0])
    rows = figures.area_rows(indicator.dataset.area_code_list_id)
    levels = depths(rows)
    areas = {}
    for pk, code, label, _parent, _list in rows:
        observation = found.get(pk)
        if levels[pk][0] != page.level or observation is None or observation.value is None:
            continue
        if observation.status in observation.WITHOUT_VALUE:
            continue
        text = figures.figure_text(observation, indicator)
        areas[code] = Area(code, label, levels[pk][1], observation.value, text)
    if not areas:
        return None
    values = [area.value for area in areas.values()]
    top = max(abs(value) for value in values) or Decimal(1)
    lowest = Decimal(0) if min(values) >= 0 else -HEADROOM * top
    return Quiz(indicator, version, periods[0], areas, lowest, HEADROOM * top)


def number_text(value):
    """2100.50 -> "2,100.5": a number as typed, in the language's format (no trailing zeros)."""
    return format_number(Decimal(value).normalize())


def closeness(truth, guess):
    """0 to 100: 100 for the true figure, less one point per percent off, never below 0."""
    truth, guess = Decimal(truth), Decimal(guess)
    if truth == 0:
        return 100 if guess == 0 else 0
    miss = abs(guess - truth) * 100 / abs(truth)
    return max(0, round(100 - miss))


def describe_miss(quiz, area, guess):
    miss = Decimal(guess) - area.value
    places = quiz.indicator.decimals
    if round(miss, places) == 0:
        return gettext("Spot on: your guess matches the official figure.")
    size = format_number(abs(miss), places)
    if not area.value:
        return (gettext("%(size)s too high.") if miss > 0 else gettext("%(size)s too low.")) % {"size": size}
    relative = format_number(abs(miss) * 100 / abs(area.value), 0)
    if miss > 0:
        text = gettext("%(size)s too high (%(relative)s%% above the official figure).")
    else:
        text = gettext("%(size)s too low (%(relative)s%% below the official figure).")
    return text % {"size": size, "relative": relative}


def crowd(page, area):
    """How players guessed this area: their number, median and a count per range of the true
    figure (one query for the counts, one for the median)."""
    guesses = AreaGuess.objects.filter(page=page, area_code=area.code)
    truth = float(area.value)
    counts = {}
    for index, (low, high) in enumerate(RANGES):
        condition = Q()
        if low is not None:
            condition &= Q(guess__gte=truth * float(low)) if truth >= 0 else Q(guess__lte=truth * float(low))
        if high is not None:
            condition &= Q(guess__lt=truth * float(high)) if truth >= 0 else Q(guess__gt=truth * float(high))
        counts[f"range_{index}"] = Count("pk", filter=condition)
    totals = guesses.aggregate(total=Count("pk"), **counts)
    total = totals["total"]
    median = None
    if total:
        middle = guesses.order_by("guess").values_list("guess", flat=True)[(total - 1) // 2 : total // 2 + 1]
        values = list(middle)
        median = number_text(round(Decimal(sum(values) / len(values)), area_places(area)))
    tallest = max((totals[f"range_{index}"] for index in range(len(RANGES))), default=0) or 1
    rows = []
    for index, (low, high) in enumerate(RANGES):
        count = totals[f"range_{index}"]
        rows.append(
            {
                "label": range_label(low, high),
                "count": count,
                "share": 100 * count / total if total else 0,
                "bar": round(100 * count / tallest),
                "is_true": low == Decimal("0.95"),
            }
        )
    return {"total": total, "median": median, "rows": rows}


def area_places(area):
    """The decimals of the area's official figure as shown (in the active language), for the median."""
    separator = get_format("DECIMAL_SEPARATOR")
    return len(area.text.rpartition(separator)[2]) if separator in area.text else 0


def range_label(low, high):
    def percent(share):
        return format_percent(share * 100, 0)

    if low is None:
        return gettext("Under %(share)s") % {"share": percent(high)}
    if high is None:
        return gettext("%(share)s or more") % {"share": percent(low)}
    return f"{format_number(low * 100, 0)}\N{EN DASH}{percent(high)}"
