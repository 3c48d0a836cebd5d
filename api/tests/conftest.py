from datetime import timedelta

import pytest
from django.utils import timezone

from datasets.importing import import_observations
from datasets.tests.conftest import as_file, dataset  # noqa: F401 - the fixture dataset

FIRST = """indicator,period,area,sex,age,value,status
POP,2023,NAT,F,_T,1234.5,
POP,2023,NAT,M,_T,1180,P
POP,2024,NAT,F,_T,1250.25,E
POP,2024,NAT,M,_T,,M
POP,2024,R1,F,_T,600,
POP,2024-Q1,R1,_T,0-14,0.25,B
BIRTHS,2024,R2,F,15-64,,C
BIRTHS,2024,NAT,_T,_T,-3,
"""
# The figure only the embargoed version has: it must appear nowhere before its minute.
EMBARGOED_FIGURE = "987654"
SECOND = FIRST + f"POP,2025,NAT,F,_T,{EMBARGOED_FIGURE},\n"


@pytest.fixture
def published(dataset):  # noqa: F811
    """Version 1 public since yesterday; version 2 imported but embargoed until tomorrow."""
    first = import_observations(dataset, as_file(FIRST), publish=True).version
    first.published_at = timezone.now() - timedelta(days=1)
    first.save(update_fields=["published_at"])
    second = import_observations(dataset, as_file(SECOND)).version
    second.published_at = timezone.now() + timedelta(days=1)
    second.save(update_fields=["published_at"])
    return dataset
