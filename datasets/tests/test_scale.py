"""An import's memory and queries grow with its batches, not with its rows (no wall-clock asserts)."""

import itertools
import tracemalloc

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from datasets.importing import import_observations
from datasets.models import Observation
from datasets.staging import BATCH as BATCH_SIZE

AREAS = ("NAT", "R1", "R2", "M1")
SEXES = ("F", "M", "_T")
AGES = ("0-14", "15-64", "65+", "_T")


def write_rows(path, count):
    """A tidy file of ``count`` distinct observations, written as it goes."""
    months = (f"{year}-{month:02d}" for year in itertools.count(1900) for month in range(1, 13))
    keys = (
        (indicator, period, area, sex, age)
        for period in months
        for indicator in ("POP", "BIRTHS")
        for area in AREAS
        for sex in SEXES
        for age in AGES
    )
    with path.open("w", encoding="utf-8") as out:
        out.write("indicator,period,area,sex,age,value,status\n")
        for number, key in enumerate(itertools.islice(keys, count)):
            out.write(",".join(key) + f",{number % 9973}.5,{'P' if number % 7 else ''}\n")
    return path


def imported(dataset, path):
    with path.open("rb") as binary:
        return import_observations(dataset, binary)


def peak_memory(dataset, path):
    tracemalloc.start()
    try:
        result = imported(dataset, path)
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_flat_in_the_number_of_rows(dataset, tmp_path):
    small_result, small = peak_memory(dataset, write_rows(tmp_path / "small.csv", 2_000))
    Observation.objects.all().delete()
    large_result, large = peak_memory(dataset, write_rows(tmp_path / "large.csv", 20_000))
    assert (small_result.rows, large_result.rows) == (2_000, 20_000)
    assert large_result.version.observations.count() == 20_000
    # Ten times the rows: the peak may move a little (one batch, the remembered codes and periods:
    # the larger file has ten times the periods), never with the rows: 18,000 more rows held in
    # memory would take several megabytes.
    assert large - small < 512 * 1024, f"peak {large} bytes for 20,000 rows vs {small} for 2,000"


def test_queries_grow_with_batches_only(dataset, tmp_path):
    def queries(count):
        path = write_rows(tmp_path / f"{count}.csv", count)
        Observation.objects.all().delete()
        with CaptureQueriesContext(connection) as captured:
            imported(dataset, path)
        return len(captured)

    one_batch = queries(BATCH_SIZE)
    per_batch = queries(2 * BATCH_SIZE) - one_batch
    small, large = queries(2_000), queries(20_000)
    extra_batches = (20_000 - 2_000) // BATCH_SIZE
    assert 0 <= per_batch <= 20  # none on PostgreSQL: one COPY streams every row
    assert large - small <= extra_batches * per_batch


@pytest.mark.parametrize("count", [BATCH_SIZE - 1, BATCH_SIZE, BATCH_SIZE + 1])
def test_batch_edges_keep_every_row(dataset, tmp_path, count):
    assert imported(dataset, write_rows(tmp_path / "edge.csv", count)).version.row_count == count
