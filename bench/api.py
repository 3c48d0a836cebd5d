"""Open data API budgets (issue 20): an observations page of 10,000 rows as JSON in at most
100 ms of CPU, and a whole-version CSV download that streams with flat memory (under 100 MB for
1,000,000 rows).

Builds a throwaway test database (no demo content), one dataset with ``--rows`` observations in
a published version, then: CPU time per request of the 10,000-row JSON page (median of
``--requests``), and the growth of the process's peak memory while the CSV download of the
whole version is read through. Run from the project root:

    .venv/bin/python bench/api.py [--rows 1000000] [--requests 10]
"""

import argparse
import resource
import statistics
import time

from _harness import setup_django

PAGE_ROWS = 10_000
CPU_BUDGET_MS = 100
MEMORY_BUDGET_MB = 100


def build(rows):
    from datetime import date
    from decimal import Decimal

    from django.utils import timezone

    from datasets.models import Code, CodeList, Dataset, DatasetVersion, Indicator, Observation

    areas = CodeList.objects.create(slug="bench-areas", name="Areas", kind=CodeList.AREA)
    area_count = rows // 120 + 1
    codes = Code.objects.bulk_create(
        Code(code_list=areas, code=f"A{n}", label=f"Area {n}") for n in range(area_count)
    )
    dataset = Dataset.objects.create(title="Bench", slug="bench", area_code_list=areas)
    indicator = Indicator.objects.create(dataset=dataset, code="POP", name="Population")
    version = DatasetVersion.objects.create(
        dataset=dataset, number=1, published_at=timezone.now(), row_count=rows
    )
    batch = []
    for n in range(rows):
        month = n % 120
        batch.append(
            Observation(
                version=version,
                indicator=indicator,
                period=f"{2000 + month // 12}-{month % 12 + 1:02d}",
                period_start=date(2000 + month // 12, month % 12 + 1, 1),
                area=codes[n // 120],
                value=Decimal(n) / 4,
            )
        )
        if len(batch) == 10_000:
            Observation.objects.bulk_create(batch)
            batch = []
    Observation.objects.bulk_create(batch)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=10)
    args = parser.parse_args()
    setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    if connection.vendor != "sqlite":
        connection.settings_dict["TEST"]["NAME"] = f"bench_{connection.settings_dict['NAME']}"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        started = time.perf_counter()
        build(args.rows)
        print(
            f"built {args.rows:,} observations in {time.perf_counter() - started:.0f} s ({connection.vendor})"
        )
        client = Client()
        url = f"/api/v1/datasets/bench/observations?limit={PAGE_ROWS}"
        assert client.get(url).status_code == 200
        cpu = []
        for _ in range(args.requests):
            before = time.process_time()
            response = client.get(url)
            cpu.append((time.process_time() - before) * 1000)
            assert response.status_code == 200
        median = statistics.median(cpu)
        verdict = "ok" if median <= CPU_BUDGET_MS else "OVER BUDGET"
        print(
            f"observations, {PAGE_ROWS:,} rows as JSON: {median:.0f} ms CPU (median), "
            f"budget {CPU_BUDGET_MS}: {verdict}"
        )

        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        response = client.get("/api/v1/datasets/bench/versions/1/download/csv")
        size = sum(len(chunk) for chunk in response.streaming_content)
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - before
        verdict = "ok" if grown <= MEMORY_BUDGET_MB else "OVER BUDGET"
        print(
            f"CSV download of {args.rows:,} rows ({size / 1e6:.0f} MB): peak memory grew {grown:.0f} MB, "
            f"budget {MEMORY_BUDGET_MB}: {verdict}"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
