"""Demonstration data for the fictional country Norland, made up but plausible.

Four datasets share one area code list (Norland, 4 regions, 40 municipalities): population by
area, sex and age band (annual), the consumer price index (monthly, two versions: the newer
revises the last months), unemployment by region (quarterly) and a business survey (quarterly
confidence balances by sector). The figures are generated from a seeded random generator, so
every run makes the same numbers, and they agree with the demo stories (5.94 million people,
inflation 2.4% in October 2026, unemployment 4.1% in July to September 2026).

Every file goes through the real import (``datasets.importing``), so the demo is validated like
an editor's upload, and every version is published by a release in the calendar; upcoming
releases are announced too. Everything says it is demonstration data.

Idempotent: a dataset that exists (by slug) is left exactly as it is.
"""

import datetime
import io
import itertools
import random

from django.utils import timezone

from .importing import import_observations
from .models import Code, CodeList, Dataset, Release, RevisionKind
from .signals import publish_version

SEED = 20261206
DEMO = "(demonstration data)"
PRODUCER = "Norland Statistics (demonstration data, not official statistics)"
NOTICE = "Demonstration data for the fictional country Norland: made up, not official statistics. "
REVISION_REASON = "Scheduled revision: late survey returns replace the provisional estimates."

AREA_LIST = ("norland-areas", "Norland areas (demonstration)")
COUNTRY = ("NAT", "Norland")
REGIONS = {
    "R1": (
        "Northmark",
        [
            "Fjellby",
            "Isvik",
            "Ravnholm",
            "Kaldmo",
            "Nordvang",
            "Skarsund",
            "Tindel",
            "Ulvstad",
            "Vargøy",
            "Hvitfoss",
        ],
    ),
    "R2": (
        "Eastvale",
        [
            "Solberg",
            "Østerby",
            "Lindhaven",
            "Brekkeli",
            "Morgenvik",
            "Rosendal",
            "Kvernes",
            "Eikstad",
            "Aspeli",
            "Dalby",
        ],
    ),
    "R3": (
        "Southshore",
        [
            "Havnby",
            "Sandvika",
            "Strandholm",
            "Måkeøy",
            "Saltnes",
            "Bølgevik",
            "Kystby",
            "Ferjesund",
            "Lysøy",
            "Tangen",
        ],
    ),
    "R4": (
        "Westfjord",
        [
            "Bergheim",
            "Fjordvik",
            "Grønnli",
            "Hammerdal",
            "Lundebru",
            "Mosvik",
            "Nesodd",
            "Regnby",
            "Stavhus",
            "Vestre Å",
        ],
    ),
}
BREAKDOWNS = {
    "sex": ("Sex", [("_T", "Total"), ("F", "Female"), ("M", "Male")]),
    "age": (
        "Age band",
        [
            ("_T", "All ages"),
            ("0-14", "Aged 0 to 14"),
            ("15-64", "Aged 15 to 64"),
            ("65+", "Aged 65 and over"),
        ],
    ),
    "sector": (
        "Sector",
        [
            ("_T", "All sectors"),
            ("MAN", "Manufacturing"),
            ("CON", "Construction"),
            ("RET", "Retail"),
            ("SER", "Services"),
        ],
    ),
}

# What the demo stories quote, so that the data layer and the stories agree.
CPI_LAST_13 = [3.6, 3.5, 3.4, 3.3, 3.1, 3.0, 3.0, 2.9, 2.9, 2.9, 2.8, 2.7, 2.4]  # 2025-10 … 2026-10
CPI_FIRST_ESTIMATES = {"2026-07": 3.0, "2026-08": 2.9, "2026-09": 2.8}  # revised in version 2
UNEMPLOYMENT_LAST_9 = [4.6, 4.5, 4.5, 4.4, 4.3, 4.2, 4.2, 4.1, 4.1]  # 2024-Q3 … 2026-Q3
POPULATION_TOTALS = {2026: 5_940_000, 2025: 5_904_600}  # on 1 January; earlier years grow ~0.5%

DATASETS = [
    {
        "slug": "norland-population",
        "title": f"Population by area, sex and age {DEMO}",
        "summary": (
            "Resident population of Norland on 1 January, by region and municipality, sex and age band."
        ),
        "topics": "Population",
        "contact_name": "Population statistics team (demo)",
        "contact_email": "population@statistics.example",
        "update_frequency": Dataset.ANNUAL,
        "breakdowns": ["sex", "age"],
        "indicators": [
            (
                "POP",
                "Resident population",
                "People whose usual residence is in Norland on 1 January.",
                "persons",
                0,
            ),
        ],
    },
    {
        "slug": "norland-consumer-prices",
        "title": f"Consumer price index {DEMO}",
        "summary": (
            "Prices of the goods and services households in Norland buy, each month: the index and "
            "the annual rate of inflation."
        ),
        "topics": "Prices",
        "contact_name": "Prices team (demo)",
        "contact_email": "prices@statistics.example",
        "update_frequency": Dataset.MONTHLY,
        "breakdowns": [],
        "indicators": [
            (
                "CPI_ANNUAL",
                "Consumer price inflation, annual rate",
                "Change in the index on the same month a year earlier.",
                "%",
                1,
            ),
            (
                "CPI_INDEX",
                "Consumer price index",
                "Average prices of a fixed basket, 2020 = 100.",
                "index (2020 = 100)",
                1,
            ),
        ],
    },
    {
        "slug": "norland-unemployment",
        "title": f"Unemployment by region {DEMO}",
        "summary": (
            "Unemployment rate and unemployed people aged 15 to 74 in Norland and its regions, each "
            "quarter, from the labour force survey."
        ),
        "topics": "Jobs",
        "contact_name": "Labour market team (demo)",
        "contact_email": "labour@statistics.example",
        "update_frequency": Dataset.QUARTERLY,
        "breakdowns": [],
        "indicators": [
            (
                "RATE",
                "Unemployment rate",
                "Unemployed people as a share of the labour force, aged 15 to 74, seasonally adjusted.",
                "%",
                1,
            ),
            (
                "UNEMPLOYED",
                "Unemployed people",
                "People aged 15 to 74 without work, looking for it and able to start.",
                "persons",
                1,
                3,
            ),
        ],
    },
    {
        "slug": "norland-business-survey",
        "title": f"Business confidence survey {DEMO}",
        "summary": (
            "Balance of firms in Norland expecting business to improve rather than worsen in the next "
            "quarter, by sector."
        ),
        "topics": "Business",
        "contact_name": "Business surveys team (demo)",
        "contact_email": "business@statistics.example",
        "update_frequency": Dataset.QUARTERLY,
        "breakdowns": ["sector"],
        "indicators": [
            (
                "CONFIDENCE",
                "Business confidence balance (net % of firms)",
                "Share of firms expecting improvement minus share expecting worsening.",
                "%",
                1,
            ),
        ],
    },
]


def utc(year, month, day, hour=9, minute=30):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=datetime.UTC)


def past(at, days_before_now):
    """A fixed past date, or (on a machine whose clock is earlier) that many days ago."""
    limit = timezone.now() - datetime.timedelta(days=days_before_now)
    return min(at, limit.replace(second=0, microsecond=0))


def upcoming(days, hour=9, minute=30):
    return (timezone.now() + datetime.timedelta(days=days)).replace(
        hour=hour, minute=minute, second=0, microsecond=0
    )


# The figures


def months(first_year, last_year, last_month):
    return [
        f"{year}-{month:02d}"
        for year in range(first_year, last_year + 1)
        for month in range(1, 13)
        if (year, month) <= (last_year, last_month)
    ]


def quarters(first_year, last_year, last_quarter):
    return [
        f"{year}-Q{quarter}"
        for year in range(first_year, last_year + 1)
        for quarter in range(1, 5)
        if (year, quarter) <= (last_year, last_quarter)
    ]


def interpolate(anchors, count, rng, noise):
    """``count`` values along straight lines between (index, value) anchors, with a little noise."""
    values = []
    for i in range(count):
        for (x0, y0), (x1, y1) in itertools.pairwise(anchors):
            if x0 <= i <= x1:
                values.append(y0 + (y1 - y0) * (i - x0) / ((x1 - x0) or 1) + rng.uniform(-noise, noise))
                break
    return values


def areas():
    """(code, label, parent code, order) of the country, its regions and municipalities."""
    yield (*COUNTRY, None, 0)
    for r, (region, (name, towns)) in enumerate(REGIONS.items(), start=1):
        yield region, name, COUNTRY[0], r
        for t, town in enumerate(towns, start=1):
            yield f"M{r}{t:02d}", town, region, r * 100 + t


def population_rows(rng):
    """Population on 1 January 2020 to 2026 for every area, sex and age band, with totals that add
    up: municipalities' figures are made, regions and the country are their sums."""
    municipalities = [code for code, _, parent, _ in areas() if parent in REGIONS]
    weights = {code: rng.lognormvariate(0, 0.7) for code in municipalities}
    drift = {code: rng.uniform(-0.004, 0.006) for code in municipalities}
    parents = {code: parent for code, _, parent, _ in areas()}
    totals = dict(POPULATION_TOTALS)
    for year in range(2024, 2019, -1):
        totals[year] = round(totals[year + 1] / rng.uniform(1.004, 1.006))
    rows = []
    for year in range(2020, 2027):
        shift = (year - 2026) * 0.003
        ages = {"0-14": 0.158 - shift, "15-64": 0.631, "65+": 0.211 + shift}
        female = {"0-14": 0.487, "15-64": 0.496, "65+": 0.545}
        shares = {code: weights[code] * (1 + drift[code]) ** (year - 2020) for code in municipalities}
        scale = totals[year] / sum(shares.values())
        cells = {}
        for code in municipalities:
            for age, age_share in ages.items():
                people = shares[code] * scale * age_share
                cells[(code, "F", age)] = round(people * female[age])
                cells[(code, "M", age)] = round(people * (1 - female[age]))
        largest = max(cells, key=cells.get)
        cells[largest] += totals[year] - sum(cells.values())
        summed = {}
        for (code, sex, age), value in cells.items():
            for area in (code, parents[code], COUNTRY[0]):
                for key in ((sex, age), (sex, "_T"), ("_T", age), ("_T", "_T")):
                    summed[(area, *key)] = summed.get((area, *key), 0) + value
        status = "P" if year == 2026 else ""
        for (area, sex, age), value in sorted(summed.items()):
            rows.append(("POP", str(year), area, sex, age, str(value), status))
    return ["indicator,period,area,sex,age,value,status"] + [",".join(row) for row in rows]


def cpi_rows(version):
    """Monthly CPI, 2020 to September 2026 (version 1) or October 2026 (version 2, which revises
    July to September 2026). The index follows from the annual rates, so the two agree."""
    # The same draws for both versions: only the revision differs.
    rng = random.Random(SEED + 1)  # noqa: S311 - repeatable demo data, not security
    periods = months(2020, 2026, 10)
    rates = interpolate(
        [(0, 1.2), (11, 4.8), (21, 9.6), (29, 6.0), (35, 4.2), (41, 3.9), (57, 3.6)], 57, rng, 0.15
    )
    rates = [round(rate, 1) for rate in rates] + CPI_LAST_13  # 2021-01 … 2026-10
    if version == 1:
        periods = periods[:-1]
        rates = rates[:-1]
        for period, rate in CPI_FIRST_ESTIMATES.items():
            rates[periods.index(period) - 12] = rate
    index = [round(100 + rng.uniform(-0.8, 0.8), 1) for _ in range(12)]
    index[-1] = round(1200 - sum(index[:-1]), 1)  # the 2020 average is 100
    for rate in rates:
        index.append(index[-12] * (1 + rate / 100))
    lines = ["indicator,period,area,value,status"]
    for i, period in enumerate(periods):
        status = "P" if i == len(periods) - 1 else ""
        lines.append(f"CPI_INDEX,{period},NAT,{index[i]:.1f},{status}")
        if i >= 12:
            lines.append(f"CPI_ANNUAL,{period},NAT,{rates[i - 12]:.1f},{status}")
    return lines


def unemployment_rows(rng):
    """Quarterly unemployment, 2019 to Q3 2026, for Norland and its regions."""
    periods = quarters(2019, 2026, 3)
    national = interpolate([(0, 5.0), (4, 5.1), (5, 6.6), (9, 5.6), (14, 4.9), (22, 4.6)], 22, rng, 0.08)
    national = [round(rate, 1) for rate in national] + UNEMPLOYMENT_LAST_9
    offsets = {"R1": -0.6, "R2": 0.4, "R3": 1.1, "R4": -0.9}
    labour_force = {"NAT": 2975.0, "R1": 540.0, "R2": 910.0, "R3": 760.0, "R4": 765.0}
    lines = ["indicator,period,area,value,status"]
    for i, period in enumerate(periods):
        status = "P" if i == len(periods) - 1 else ""
        for area in ("NAT", *offsets):
            rate = (
                national[i]
                if area == "NAT"
                else round(national[i] + offsets[area] + rng.uniform(-0.3, 0.3), 1)
            )
            lines.append(f"RATE,{period},{area},{rate:.1f},{status}")
            lines.append(f"UNEMPLOYED,{period},{area},{labour_force[area] * rate / 100:.1f},{status}")
    return lines


def business_rows(rng):
    """Quarterly confidence balances by sector, 2019 to Q3 2026; construction was not surveyed in
    Q2 2020 (shown as not available, never 0)."""
    periods = quarters(2019, 2026, 3)
    means = {"MAN": 2.0, "CON": -4.0, "RET": -1.0, "SER": 5.0}
    weights = {"MAN": 0.25, "CON": 0.15, "RET": 0.2, "SER": 0.4}
    lines = ["indicator,period,area,sector,value,status"]
    level = dict(means)
    for period in periods:
        shock = -25.0 if period == "2020-Q2" else (-10.0 if period == "2020-Q3" else 0.0)
        values = {}
        for sector, mean in means.items():
            level[sector] = 0.6 * level[sector] + 0.4 * mean + rng.uniform(-3, 3)
            values[sector] = round(level[sector] + shock, 1)
        status = "P" if period == periods[-1] else ""
        total = sum(values[s] * weights[s] for s in values)
        lines.append(f"CONFIDENCE,{period},NAT,_T,{total:.1f},{status}")
        for sector, value in values.items():
            if period == "2020-Q2" and sector == "CON":
                lines.append(f"CONFIDENCE,{period},NAT,{sector},,M")
            else:
                lines.append(f"CONFIDENCE,{period},NAT,{sector},{value:.1f},{status}")
    return lines


# Releases: (dataset slug, title, summary, rows, fixed past date, fallback days ago) per version,
# then the announced ones.


def versions(rng):
    return {
        "norland-population": [
            (
                "Population estimates, 1 January 2026",
                "Population by area, sex and age on 1 January 2026.",
                population_rows(rng),
                utc(2026, 3, 19),
                60,
            ),
        ],
        "norland-consumer-prices": [
            (
                "Consumer price index, September 2026",
                "Prices in September 2026.",
                cpi_rows(1),
                utc(2026, 10, 14),
                30,
            ),
            (
                "Consumer price index, October 2026",
                "Prices in October 2026; July to September revised with late price returns.",
                cpi_rows(2),
                utc(2026, 11, 13),
                20,
            ),
        ],
        "norland-unemployment": [
            (
                "Labour force survey, July to September 2026",
                "Unemployment by region in the third quarter of 2026.",
                unemployment_rows(rng),
                utc(2026, 11, 5),
                25,
            ),
        ],
        "norland-business-survey": [
            (
                "Business confidence survey, third quarter 2026",
                "Confidence by sector in July to September 2026.",
                business_rows(rng),
                utc(2026, 10, 2),
                40,
            ),
        ],
    }


UPCOMING = [
    (
        "norland-consumer-prices",
        "Consumer price index, November 2026",
        "Prices in November 2026.",
        8,
        Release.Status.CONFIRMED,
    ),
    (
        "norland-business-survey",
        "Business confidence survey, fourth quarter 2026",
        "Confidence by sector in October to December 2026.",
        20,
        Release.Status.CONFIRMED,
    ),
    (
        "norland-consumer-prices",
        "Consumer price index, December 2026",
        "Prices in December 2026 and the year 2026.",
        38,
        Release.Status.PROVISIONAL,
    ),
    (
        "norland-unemployment",
        "Labour force survey, October to December 2026",
        "Unemployment by region in the fourth quarter of 2026.",
        60,
        Release.Status.PROVISIONAL,
    ),
    (
        "norland-population",
        "Population estimates, 1 January 2027",
        "Population by area, sex and age on 1 January 2027.",
        100,
        Release.Status.PROVISIONAL,
    ),
]


# Loading


def ensure_code_lists(created):
    """The area list and the breakdown lists; a list that exists keeps its codes."""
    slug, name = AREA_LIST
    area_list, made = CodeList.objects.get_or_create(
        slug=slug, defaults={"name": name, "kind": CodeList.AREA}
    )
    if made:
        made_codes = {}
        for code, label, parent, order in areas():
            made_codes[code] = Code.objects.create(
                code_list=area_list, code=code, label=label, parent=made_codes.get(parent), order=order
            )
        created.append(f"code list {slug}")
    lists = {}
    for slug, (name, codes) in BREAKDOWNS.items():
        code_list, made = CodeList.objects.get_or_create(
            slug=slug, defaults={"name": name, "kind": CodeList.BREAKDOWN}
        )
        if made:
            Code.objects.bulk_create(
                Code(code_list=code_list, code=code, label=label, order=order)
                for order, (code, label) in enumerate(codes)
            )
            created.append(f"code list {slug}")
        lists[slug] = code_list
    return area_list, lists


def load_datasets_demo(methodology_page, created):
    """Create whatever of the Norland demonstration data is missing, with its releases."""
    area_list, breakdown_lists = ensure_code_lists(created)
    rng = random.Random(SEED)  # noqa: S311 - repeatable demo data, not security
    made = {}
    for spec, (slug, releases) in zip(DATASETS, versions(rng).items(), strict=True):
        if Dataset.objects.filter(slug=slug).exists():
            continue
        made[slug] = ensure_dataset(spec, area_list, breakdown_lists, methodology_page, releases)
        created.append(f"dataset {slug}")
    for slug, title, summary, days, status in UPCOMING:
        if slug in made:
            Release.objects.create(
                title=f"{title} {DEMO}",
                summary=NOTICE + summary,
                dataset=made[slug],
                announced_at=upcoming(days),
                status=status,
            )


def ensure_dataset(spec, area_list, breakdown_lists, methodology_page, releases):
    dataset = Dataset.objects.create(
        slug=spec["slug"],
        title=spec["title"],
        summary=NOTICE + spec["summary"],
        topics=spec["topics"],
        methodology_page=methodology_page,
        contact_name=spec["contact_name"],
        contact_email=spec["contact_email"],
        update_frequency=spec["update_frequency"],
        producer=PRODUCER,
        area_code_list=area_list,
    )
    dataset.breakdown_code_lists.add(*(breakdown_lists[slug] for slug in spec["breakdowns"]))
    for code, name, definition, unit, decimals, *multiplier in spec["indicators"]:
        dataset.indicators.create(
            code=code,
            name=name,
            definition=definition,
            unit=unit,
            decimals=decimals,
            unit_multiplier=(multiplier or [0])[0],
        )
    for title, summary, lines, at, fallback in releases:
        text = "\n".join(lines) + "\n"
        result = import_observations(
            dataset,
            io.BytesIO(text.encode()),
            note=f"{title} {DEMO}",
            filename=f"{spec['slug']}.csv",
            # Asked of every file that changes published figures (the prices' second version).
            revision_kind=RevisionKind.REVISION,
            reason=REVISION_REASON,
        )
        announced_at = past(at, fallback)
        publish_version(result.version, at=announced_at)
        Release.objects.create(
            title=f"{title} {DEMO}",
            summary=NOTICE + summary,
            dataset=dataset,
            version=result.version,
            announced_at=announced_at,
            status=Release.Status.PUBLISHED,
            published_at=announced_at,
        )
    return dataset
