"""Areas side by side: each indicator's latest period among the chosen areas and every area's
figure for it (or why there is none), and a bar chart of the first indicator that at least two
of them have. Six queries whatever the number of areas or indicators."""

from dataclasses import dataclass

from datasets import figures
from portal.core.charts import ChartData, ChartSpec

from .profiles import Value, series_by_area


@dataclass
class Row:
    indicator: object
    period: str
    values: list  # one Value per chosen area, in their order

    @property
    def unit(self):
        return next((value.unit for value in self.values if value.unit), self.indicator.unit)


@dataclass
class Comparison:
    places: list
    rows: list
    chart: ChartSpec | None


def compare(places):
    versions, indicators = figures.area_indicators(places[0].code_list_id)
    ids = [place.pk for place in places]
    found = series_by_area(figures.area_observations(versions, ids, indicators, totals_only=True), indicators)
    rows = []
    for indicator in indicators:
        series = {
            place.pk: {obs.period: obs for obs in found.get((indicator.pk, place.pk), [])} for place in places
        }
        latest = [obs for by_period in series.values() for obs in by_period.values()]
        if not latest:
            continue
        period = max(latest, key=lambda obs: obs.period_start).period
        values = [Value.of(series[place.pk].get(period), indicator) for place in places]
        rows.append(Row(indicator, figures.period_text(period), values))
    return Comparison(places, rows, bar_chart(places, rows, versions))


def bar_chart(places, rows, versions):
    for row in rows:
        if sum(value.has_value for value in row.values) < 2:
            continue
        indicator = row.indicator
        data = ChartData(
            columns=("Area", indicator.name),
            rows=tuple(
                (place.label, (float(value.observation.value) if value.has_value else None,))
                for place, value in zip(places, row.values, strict=True)
            ),
            decimals=(indicator.decimals,),
        )
        said = "; ".join(
            f"{place.label} {value.text}" for place, value in zip(places, row.values, strict=True)
        )
        return ChartSpec(
            chart_type="bar",
            title=f"{indicator.name}, {row.period}",
            data=data,
            x_label="Area",
            y_label=indicator.name,
            unit=row.unit,
            source=f"{indicator.dataset.title}, version {versions[indicator.dataset_id].number}",
            summary=f"{indicator.name} in {row.period}: {said}.",
        )
    return None
