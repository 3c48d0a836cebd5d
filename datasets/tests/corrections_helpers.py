"""What the correction tests share: a dataset's first public version, and a second one that
corrects (or revises) a published figure."""

from datasets.importing import import_observations
from datasets.tests.conftest import as_file

FIRST = (
    "indicator,period,area,value,status\n"
    "POP,2023,NAT,1020,\nPOP,2024,NAT,1030,P\nPOP,2024,R1,420,\nBIRTHS,2024,NAT,12,\n"
)
# 2024 for the country revised (1030 P → 1045), R1 removed, births unchanged, 2025 added.
SECOND = (
    "indicator,period,area,value,status\n"
    "POP,2023,NAT,1020,\nPOP,2024,NAT,1045,\nBIRTHS,2024,NAT,12,\nPOP,2025,NAT,1050,P\n"
)
REASON = "The 2024 figure for the country counted a municipality twice."


def first_version(dataset, publish=True):
    return import_observations(dataset, as_file(FIRST), publish=publish).version


def second_version(dataset, kind="correction", reason=REASON, publish=True, text=SECOND, user=None):
    return import_observations(
        dataset, as_file(text), publish=publish, revision_kind=kind, reason=reason, user=user
    ).version
