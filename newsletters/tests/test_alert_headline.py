"""One rule for "the national total": a release alert and the latest releases snapshot show the
same headline figure for the same version (``datasets.headlines``, read by the alert through
``datasets.figures.headline_figures``): the root of the area hierarchy, the total of every
breakdown, never the first area in some order or a breakdown's own value."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import timezone

from datasets.models import Release
from datasets.tests.factories import (
    AreaListFactory,
    CodeFactory,
    CodeListFactory,
    DatasetFactory,
    DatasetVersionFactory,
    IndicatorFactory,
    ObservationFactory,
    ReleaseFactory,
)
from newsletters import alerts

pytestmark = pytest.mark.django_db


def released(breakdowns):
    """A released dataset whose hierarchy is ordered with a region first, its country below."""
    areas = AreaListFactory(slug="alert-areas")
    region_first = CodeFactory(code_list=areas, code="AAA", label="Region A", order=0)
    country = CodeFactory(code_list=areas, code="NAT", label="Country", order=1)
    region_first.parent = country
    region_first.save()
    lists = [CodeListFactory(slug=slug) for slug in breakdowns]
    dataset = DatasetFactory(
        slug="prices", title="Prices", topics="Prices", area_code_list=areas, breakdowns=lists
    )
    indicator = IndicatorFactory(
        dataset=dataset, code="CPI", name="Consumer price index", unit="", decimals=1
    )
    at = timezone.now() - timedelta(hours=1)
    version = DatasetVersionFactory(dataset=dataset, number=1, published_at=at)
    ReleaseFactory(
        dataset=dataset, version=version, announced_at=at, status=Release.Status.PUBLISHED, topic="Prices"
    )
    return version, indicator, country, region_first


def observe(version, indicator, area, value, key="", period="2026-10", start=date(2026, 10, 1)):
    ObservationFactory(
        version=version,
        indicator=indicator,
        area=area,
        value=Decimal(value),
        breakdown_key=key,
        period=period,
        period_start=start,
    )


def snapshot_html():
    return Template("{% load release_snapshot %}{% latest_releases %}").render(Context({}))


def alert_figure(version):
    [figure] = alerts.alert_content(version, None, "https://stats.example")["figures"]
    return figure


def test_with_breakdowns_both_show_the_country_total(db):
    version, indicator, country, region = released(["sex", "age"])
    observe(version, indicator, country, "102.4", "age=_T;sex=_T")
    observe(version, indicator, country, "98.1", "age=_T;sex=F")
    observe(version, indicator, region, "77.7", "age=_T;sex=_T")
    observe(version, indicator, country, "99.9", "age=_T;sex=_T", "2026-09", date(2026, 9, 1))
    figure = alert_figure(version)
    assert (figure["area"], figure["period"], figure["value"]) == ("Country", "October 2026", "102.4")
    html = snapshot_html()
    assert "102.4" in html and "77.7" not in html and "98.1" not in html


def test_without_breakdown_columns_both_show_the_country_figure(db):
    version, indicator, country, region = released(["sex"])
    observe(version, indicator, region, "77.7")  # first by order: the old alert's pick
    observe(version, indicator, country, "102.4")  # a file without the sex column: the empty key
    assert alert_figure(version)["value"] == "102.4" and alert_figure(version)["area"] == "Country"
    html = snapshot_html()
    assert "102.4" in html and "77.7" not in html


def test_no_total_no_headline_anywhere(db):
    version, indicator, country, _region = released(["sex"])
    observe(version, indicator, country, "98.1", "sex=F")
    assert alerts.alert_content(version, None, "https://stats.example")["figures"] == []
    assert "98.1" not in snapshot_html()
