import datetime

import pytest
from django.utils import timezone

from datasets.tests.factories import (
    AreaListFactory,
    CodeFactory,
    DatasetFactory,
    DatasetVersionFactory,
    IndicatorFactory,
    ObservationFactory,
)
from tests.factories import StaffFactory
from trust.tests.factories import FactCheckIndexPageFactory, MisuseReportPageFactory


@pytest.fixture
def report_page(home_page):
    return MisuseReportPageFactory()


@pytest.fixture
def index_page(home_page, report_page):
    return FactCheckIndexPageFactory(report_page=report_page)


@pytest.fixture
def unemployment(db):
    """An unemployment rate for the country, 2025 and 2026, in a published version."""
    areas = AreaListFactory()
    country = CodeFactory(code_list=areas, code="NAT", label="Country")
    dataset = DatasetFactory(slug="labour-force", title="Labour force survey", area_code_list=areas)
    indicator = IndicatorFactory(
        dataset=dataset, code="UNEMP", name="Unemployment rate", unit="%", decimals=1
    )
    version = DatasetVersionFactory(
        dataset=dataset, number=1, published_at=timezone.now() - datetime.timedelta(days=1)
    )
    for period, value in (("2025", "4.1"), ("2026", "4.1")):
        ObservationFactory(
            version=version,
            indicator=indicator,
            period=period,
            period_start=datetime.date(int(period), 1, 1),
            area=country,
            value=value,
        )
    return indicator


@pytest.fixture
def handler(db):
    """A member of the fact-checking team: sees and moves reports."""
    return StaffFactory(email="checker@statistics.example", groups=["Fact-checkers"])


def key_figure(indicator, **fields):
    """A key figure as a fact-check's right_figure holds it (block name, raw value)."""
    return (
        "key_figure",
        {"indicator": indicator, "area": "NAT", "breakdown": "", "period": "", "label": "", **fields},
    )
