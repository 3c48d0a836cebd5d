"""Versions: a second import is version 2, older versions stay readable, the diff lists changes."""

from decimal import Decimal

import pytest

from datasets.diff import diff_versions
from datasets.importing import import_observations
from datasets.models import Observation
from datasets.tests.conftest import as_file
from datasets.tests.factories import ObservationFactory

HEADER = "indicator,period,area,value,status\n"
FIRST = HEADER + "POP,2023,NAT,100,\nPOP,2024,NAT,110,P\nPOP,2024,R1,5,\nPOP,2022,R2,,M\n"
SECOND = HEADER + "POP,2023,NAT,100,\nPOP,2024,NAT,111,\nPOP,2024,R2,6,\nPOP,2022,R2,3,E\n"


def load(dataset, text, **options):
    return import_observations(dataset, as_file(text), **options)


def test_a_second_import_is_version_2_and_the_diff_lists_the_changes(dataset):
    first = load(dataset, FIRST).version
    result = load(dataset, SECOND, note="Revised")
    second = result.version
    assert (first.number, second.number, result.previous) == (1, 2, first)
    diff = result.diff
    assert (diff.added, diff.removed, diff.changed) == (1, 1, 2)
    assert diff.added_examples == ["POP 2024 R2 6 (A)"]
    assert diff.removed_examples == ["POP 2024 R1 5 (A)"]
    assert sorted(diff.changed_examples) == [
        "POP 2022 R2 not available (M) → 3 (E)",
        "POP 2024 NAT 110 (P) → 111 (A)",
    ]
    assert diff.lines()[0] == "1 added, 1 removed, 2 changed"
    assert first.observations.get(period="2024", area__code="NAT").value == Decimal("110")
    assert dataset.latest_version() == second


def test_a_status_change_alone_is_a_change(dataset):
    load(dataset, "indicator,period,area,value,status\nPOP,2024,NAT,1,P\nPOP,2023,NAT,,M\n")
    diff = load(dataset, "indicator,period,area,value,status\nPOP,2024,NAT,1,A\nPOP,2023,NAT,,C\n").diff
    assert (diff.added, diff.removed, diff.changed) == (0, 0, 2)


def test_the_same_file_twice_changes_nothing(dataset):
    load(dataset, FIRST)
    diff = load(dataset, FIRST).diff
    assert diff.unchanged
    assert diff.lines() == ["0 added, 0 removed, 0 changed"]


def test_the_diff_of_any_two_versions(dataset):
    first = load(dataset, FIRST).version
    load(dataset, SECOND)
    third = load(dataset, FIRST).version
    assert diff_versions(first, third).unchanged
    assert diff_versions(third, first).unchanged
    assert diff_versions(None, first).added == 4


def test_examples_are_capped(dataset):
    text = "indicator,period,area,value\n" + "".join(f"POP,{y},NAT,1\n" for y in range(1950, 2000))
    diff = load(dataset, text).diff
    assert diff.added == 50
    assert len(diff.added_examples) == 10


def test_a_dry_run_previews_against_the_latest_version(dataset):
    load(dataset, FIRST)
    result = load(dataset, SECOND, dry_run=True)
    assert result.version is None
    assert (result.diff.added, result.diff.removed, result.diff.changed) == (1, 1, 2)
    assert dataset.versions.count() == 1


@pytest.mark.parametrize(
    ("status", "value", "shown"),
    [
        ("A", 0, "0"),
        ("A", Decimal("12.500"), "12.5"),
        ("M", None, "not available"),
        ("C", None, "confidential"),
    ],
)
def test_a_figure_without_value_is_never_shown_as_zero(db, status, value, shown):
    assert str(ObservationFactory(status=status, value=value)) == shown


def test_observation_key_is_unique_in_a_version(db):
    observation = ObservationFactory()
    assert Observation.objects.filter(version=observation.version).count() == 1
