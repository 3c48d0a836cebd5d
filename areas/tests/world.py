"""A small world of areas and figures for the area pages' tests: code lists, indicators and versions
from the data layer's factories; observations are bulk-created so that "many areas" stays fast."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from datasets.models import Code, Observation
from datasets.tests.factories import (
    AreaListFactory,
    CodeFactory,
    CodeListFactory,
    DatasetFactory,
    DatasetVersionFactory,
    IndicatorFactory,
)

PERIODS = ("2024", "2025")


@dataclass
class World:
    areas: object
    country: object
    regions: list
    municipalities: list
    population: object  # indicator POP, with a sex breakdown
    rate: object  # indicator RATE (%), regions and the country only
    versions: dict = field(default_factory=dict)


def published_version(dataset, days_ago=1):
    return DatasetVersionFactory(dataset=dataset, published_at=timezone.now() - timedelta(days=days_ago))


def make_areas(regions=2, per_region=3, areas=None):
    """NAT "Norland", regions R1… "Region 1"…, municipalities M101… "Town 101"…."""
    areas = areas or AreaListFactory()
    country = CodeFactory(code_list=areas, code="NAT", label="Norland", order=0)
    made_regions, towns = [], []
    for r in range(1, regions + 1):
        made_regions.append(
            CodeFactory(code_list=areas, code=f"R{r}", label=f"Region {r}", parent=country, order=r)
        )
    Code.objects.bulk_create(
        Code(
            code_list=areas, code=f"M{r}{t:02d}", label=f"Town {r}{t:02d}", parent=region, order=r * 1000 + t
        )
        for r, region in enumerate(made_regions, start=1)
        for t in range(1, per_region + 1)
    )
    towns = list(Code.objects.filter(code_list=areas, parent__in=made_regions).order_by("order"))
    return areas, country, made_regions, towns


def observe(version, indicator, area, period, value, key="", status=Observation.NORMAL):
    return Observation(
        version=version,
        indicator=indicator,
        area=area,
        period=period,
        period_start=date(int(period[:4]), 1, 1),
        breakdown_key=key,
        value=None if value is None else Decimal(str(value)),
        status=status,
    )


def make_world(regions=2, per_region=3, extra_indicators=0):
    """Population (by sex, totals ``sex=_T``) for every area in 2024 and 2025, town n having
    1000 * n people; an unemployment rate for the regions and the country. ``extra_indicators``
    more population indicators with a figure for every area, to grow the page."""
    areas, country, made_regions, towns = make_areas(regions, per_region)
    sex = CodeListFactory(slug="sex", name="Sex")
    for code in ("_T", "F", "M"):
        CodeFactory(code_list=sex, code=code)
    people = DatasetFactory(slug="people", title="Population", area_code_list=areas, breakdowns=[sex])
    jobs = DatasetFactory(slug="jobs", title="Unemployment", area_code_list=areas)
    population = IndicatorFactory(dataset=people, code="POP", name="Resident population", unit="persons")
    rate = IndicatorFactory(dataset=jobs, code="RATE", name="Unemployment rate", unit="%", decimals=1)
    extras = [
        IndicatorFactory(dataset=people, code=f"X{n:03d}", name=f"Extra {n}", unit="persons")
        for n in range(extra_indicators)
    ]
    versions = {people.pk: published_version(people), jobs.pk: published_version(jobs)}
    rows = []
    for year, period in enumerate(PERIODS):
        totals = {}
        for n, town in enumerate(towns, start=1):
            value = 1000 * n + 10 * year
            totals[town.parent_id] = totals.get(town.parent_id, 0) + value
            rows.append(observe(versions[people.pk], population, town, period, value, "sex=_T"))
            rows.append(observe(versions[people.pk], population, town, period, value // 2, "sex=F"))
            rows.extend(observe(versions[people.pk], extra, town, period, n, "sex=_T") for extra in extras)
        for region in made_regions:
            rows.append(observe(versions[people.pk], population, region, period, totals[region.pk], "sex=_T"))
            rows.append(observe(versions[jobs.pk], rate, region, period, 3 + region.order + year / 10))
        rows.append(observe(versions[people.pk], population, country, period, sum(totals.values()), "sex=_T"))
        rows.append(observe(versions[jobs.pk], rate, country, period, 4.5 + year / 10))
    Observation.objects.bulk_create(rows, batch_size=2000)
    return World(areas, country, made_regions, towns, population, rate, versions)


def grow_world(world, towns=1000, indicators=100):
    """More towns in every region and more indicators with a figure for every area (one period)."""
    version = world.versions[world.population.dataset_id]
    start = Code.objects.filter(code_list=world.areas).count()
    Code.objects.bulk_create(
        Code(
            code_list=world.areas, code=f"G{r}{t:05d}", label=f"Grown {r}-{t}", parent=region, order=start + t
        )
        for r, region in enumerate(world.regions, start=1)
        for t in range(towns)
    )
    added = [
        IndicatorFactory(
            dataset=world.population.dataset, code=f"G{n:03d}", name=f"Grown {n}", unit="persons"
        )
        for n in range(indicators)
    ]
    everyone = list(Code.objects.filter(code_list=world.areas))
    rows = [
        observe(version, indicator, area, PERIODS[-1], area.pk % 97, "sex=_T")
        for indicator in added[:3]
        for area in everyone
    ]
    mine = [area for area in everyone if area.code in ("M101", "R1", "NAT")]
    rows += [
        observe(version, indicator, area, PERIODS[-1], 5, "sex=_T")
        for indicator in added[3:]
        for area in mine
    ]
    Observation.objects.bulk_create(rows, batch_size=2000)
