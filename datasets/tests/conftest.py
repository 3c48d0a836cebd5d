import io

import pytest

from datasets.tests.factories import (
    AreaListFactory,
    CodeFactory,
    CodeListFactory,
    DatasetFactory,
    IndicatorFactory,
)


@pytest.fixture
def dataset(db):
    """Population by area, sex and age: a country, two regions, a municipality."""
    areas = AreaListFactory()
    country = CodeFactory(code_list=areas, code="NAT", label="Country")
    region = CodeFactory(code_list=areas, code="R1", label="North", parent=country)
    CodeFactory(code_list=areas, code="R2", label="South", parent=country)
    CodeFactory(code_list=areas, code="M1", label="Harbourtown", parent=region)
    sex = CodeListFactory(slug="sex", name="Sex")
    for code in ("F", "M", "_T"):
        CodeFactory(code_list=sex, code=code)
    age = CodeListFactory(slug="age", name="Age band")
    for code in ("0-14", "15-64", "65+", "_T"):
        CodeFactory(code_list=age, code=code)
    found = DatasetFactory(slug="population", title="Population", area_code_list=areas, breakdowns=[sex, age])
    IndicatorFactory(dataset=found, code="POP", name="Population")
    IndicatorFactory(dataset=found, code="BIRTHS", name="Live births")
    return found


def as_file(text, encoding="utf-8"):
    """A CSV file as the importer reads it: bytes."""
    return io.BytesIO(text.encode(encoding))
