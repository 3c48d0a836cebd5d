from decimal import Decimal

import pytest

from areas.tests.factories import AreaBoundaryFactory, level, mapped_indicator
from areas.tests.world import make_world
from datasets.models import Code
from datasets.tests.factories import CodeFactory, ObservationFactory


@pytest.fixture
def world(home_page):
    """Norland: 2 regions of 3 towns, population for all, a rate for regions (factories)."""
    return make_world()


@pytest.fixture
def indicator():
    """Areas A0…A3 in region REG of country NAT, with figures for all (A1 missing)."""
    indicator = mapped_indicator(4)
    area_list = indicator.dataset.area_code_list
    country = CodeFactory(code_list=area_list, code="NAT", label="Country")
    region = CodeFactory(code_list=area_list, code="REG", label="Region", parent=country)
    AreaBoundaryFactory(code=region, level=level("region"))
    Code.objects.filter(code__startswith="A").update(parent=region)
    version = indicator.dataset.versions.get()
    for code, value in ((country, 100), (region, 10)):
        ObservationFactory(
            version=version, indicator=indicator, area=code, period="2024", value=Decimal(value)
        )
    return indicator
