"""What an area page shows: headline figures with rank, parent and country, a trend chart, the
data table and similar areas, read in a fixed number of queries whatever the number of
indicators and areas (the tree, four for the indicators, one for the figures of the area, its
parent and country, one for the ranks, one for similar areas, cached per data version)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache

from datasets import figures
from portal.core.charts import ChartData, ChartSpec, format_number

from . import similar
from .tree import level_name

FEATURES = 10  # at most this many indicators describe an area when looking for similar ones
SIMILAR_TIMEOUT = 60 * 60 * 24  # the key changes with every new version anyway


def ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{({1: 'st', 2: 'nd', 3: 'rd'}).get(number % 10, 'th')}"


@dataclass
class Value:
    """One figure as a page says it (the area's, its parent's or the country's)."""

    observation: object
    indicator: object
    text: str = ""
    has_value: bool = False
    flag: str = ""
    status: str = ""
    unit: str = ""

    @classmethod
    def of(cls, observation, indicator):
        return cls(observation, indicator, **figures.figure_parts(observation, indicator))

    @property
    def period(self):
        return figures.period_text(self.observation.period) if self.observation else ""


@dataclass
class Headline:
    indicator: object
    latest: Value
    series: list  # [(period label, Value)], oldest first
    rank: str = ""
    parent: Value | None = None
    country: Value | None = None
    version: object = None

    @property
    def dataset(self):
        return self.indicator.dataset


@dataclass
class Profile:
    place: object
    ancestors: list
    versions: dict
    headlines: list = field(default_factory=list)
    unavailable: list = field(default_factory=list)  # indicators not published for this area
    chart: ChartSpec | None = None
    similar: list = field(default_factory=list)  # [(place, distance)]
    similar_on: list = field(default_factory=list)  # the indicators compared

    @property
    def parent(self):
        return self.ancestors[-1] if self.ancestors else None

    @property
    def country(self):
        return self.ancestors[0] if self.ancestors else None

    @property
    def datasets(self):
        return list({h.dataset.pk: h.dataset for h in self.headlines}.values())


def series_by_area(observations, indicators):
    """{(indicator id, area id): [observation of the total, oldest first]}."""
    totals = {indicator.pk: indicator.total_key for indicator in indicators}
    found = {}
    for observation in observations:
        if observation.breakdown_key == totals.get(observation.indicator_id):
            found.setdefault((observation.indicator_id, observation.area_id), []).append(observation)
    return found


def build(tree, place) -> Profile:
    ancestors = tree.ancestors(place)
    versions, indicators = figures.area_indicators(place.code_list_id)
    profile = Profile(place=place, ancestors=ancestors, versions=versions)
    wanted = [place.pk] + [ancestor.pk for ancestor in ancestors[:1] + ancestors[-1:]]
    found = series_by_area(
        figures.area_observations(versions, set(wanted), indicators, totals_only=True), indicators
    )
    for indicator in indicators:
        own = found.get((indicator.pk, place.pk))
        if not own:
            profile.unavailable.append(indicator)
            continue
        latest = own[-1]
        headline = Headline(
            indicator,
            Value.of(latest, indicator),
            [(figures.period_text(obs.period), Value.of(obs, indicator)) for obs in own],
            version=versions[indicator.dataset_id],
        )
        for role, ancestor in (("parent", profile.parent), ("country", profile.country)):
            if ancestor is not None and not (role == "country" and ancestor is profile.parent):
                same = [
                    obs for obs in found.get((indicator.pk, ancestor.pk), []) if obs.period == latest.period
                ]
                setattr(headline, role, Value.of(same[0] if same else None, indicator))
        profile.headlines.append(headline)
    add_ranks(tree, profile)
    profile.chart = trend_chart(profile, found)
    profile.similar, profile.similar_on = similar_areas(tree, profile)
    return profile


def add_ranks(tree, profile):
    """ "3rd of 10 municipalities in Northmark": the highest value is 1st; equal values share a rank."""
    parent = profile.parent
    if parent is None:
        return
    valued = {
        (h.indicator.pk, h.indicator.total_key, h.latest.observation.period): h.latest.observation.value
        for h in profile.headlines
        if h.latest.has_value
    }
    ranks = figures.ranks_among_children(profile.versions, parent.pk, valued)
    plural = level_name(profile.place.depth, plural=True)
    for headline in profile.headlines:
        higher, with_value = ranks.get(headline.indicator.pk, (0, 0))
        if headline.latest.has_value and with_value > 1:
            headline.rank = f"{ordinal(higher + 1)} of {with_value} {plural} in {parent.label}"


def trend_chart(profile, found):
    """A line of the first indicator with two periods or more; a rate (in %) beside the parent's
    and the country's, a count alone (a town's population beside the country's is a flat line)."""
    for headline in profile.headlines:
        if len(headline.series) < 2:
            continue
        indicator = headline.indicator
        places = [profile.place]
        if indicator.unit.strip() == "%":
            places += [
                ancestor
                for ancestor in (profile.parent, profile.country)
                if ancestor and ancestor not in places
            ]
        columns = {
            place.pk: {obs.period: obs for obs in found.get((indicator.pk, place.pk), [])} for place in places
        }
        rows = []
        for _, value in headline.series:
            period = value.observation.period
            cells = []
            for place in places:
                obs = columns[place.pk].get(period)
                shown = Value.of(obs, indicator)
                cells.append(float(obs.value) if shown.has_value else None)
            rows.append((figures.period_text(period), tuple(cells)))
        names = ", ".join(place.label for place in places)
        first, last = headline.series[0][0], headline.series[-1][0]
        latest = "; ".join(
            f"{place.label} {'not available' if value is None else format_number(value, indicator.decimals)}"
            for place, value in zip(places, rows[-1][1], strict=True)
        )
        return ChartSpec(
            chart_type="line",
            title=f"{indicator.name}, {names}, {first} to {last}",
            data=ChartData(
                columns=("Period", *(place.label for place in places)),
                rows=tuple(rows),
                decimals=(indicator.decimals,) * len(places),
            ),
            x_label="Period",
            y_label=indicator.name,
            unit=headline.latest.unit or indicator.unit,
            source=f"{indicator.dataset.title}, version {profile.versions[indicator.dataset_id].number}",
            summary=f"{indicator.name} for {names}, {first} to {last}. In {last}: {latest}.",
        )
    return None


def similar_areas(tree, profile):
    """The five areas at the same level nearest on the headline indicators that every area of
    the level may have (at most FEATURES), and those indicators. Cached per data version."""
    place = profile.place
    features = [h for h in profile.headlines if h.latest.has_value][:FEATURES]
    if not features:
        return [], []
    series = [(h.indicator.pk, h.indicator.total_key, h.latest.observation.period) for h in features]
    versions = sorted(version.pk for version in profile.versions.values())
    digest = hashlib.sha256(repr((place.pk, versions, series)).encode()).hexdigest()[:32]
    key = f"areas:similar:{digest}"
    result = cache.get(key)
    if result is None:
        level = {other.pk for other in tree.level(place)}
        columns = [indicator_id for indicator_id, _, _ in series]
        values = {}
        for area_id, indicator_id, value in figures.values_of_list(
            profile.versions, place.code_list_id, series
        ):
            if area_id in level:
                values.setdefault(area_id, {})[indicator_id] = float(value)
        vectors = {
            area_id: tuple(row[column] for column in columns)
            for area_id, row in values.items()
            if len(row) == len(columns)
        }
        result = [(n.area_id, n.distance) for n in similar.nearest(vectors, place.pk)]
        cache.set(key, result, SIMILAR_TIMEOUT)
    found = [(tree.by_id[area_id], distance) for area_id, distance in result if area_id in tree.by_id]
    return found, [h.indicator for h in features]
