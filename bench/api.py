"""Open data API budgets (issue 20): an observations page of 10,000 rows as JSON in at most
100 ms of CPU, and a whole-version CSV download that streams with flat memory (under 100 MB for
1,000,000 rows).

Builds a throwaway test database (no demo content), one dataset with ``--rows`` observations in
a published version, then: CPU time and queries per request of the 10,000-row JSON page (median
of ``--requests``; plain and gzip-compressed), what an API key adds to a small request (its
look-up and the day's usage count), and, while the CSV download of the whole version is read
through (plain and gzip), the growth of the process's resident memory and tracemalloc's peak.
Run from the project root:

    .venv/bin/python bench/api.py [--rows 1000000] [--requests 10]
"""

import argparse
import resource
import statistics
import time

from _harness import queries_per_call, setup_django

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


def rss_mb():
    """The process's resident memory now (Linux), in MB."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 1e6


def cpu_ms(call, requests):
    """Median CPU milliseconds of ``requests`` calls (after one untimed call)."""
    call()
    spent = []
    for _ in range(requests):
        before = time.process_time()
        call()
        spent.append((time.process_time() - before) * 1000)
    return statistics.median(spent)


def stream_memory(client, url, **headers):
    """Read a streamed download through: its size, the growth of the resident memory (sampled
    every 100 chunks) and tracemalloc's peak of Python allocations while it streamed."""
    import tracemalloc

    before = rss_mb()
    highest = before
    tracemalloc.start()
    response = client.get(url, **headers)
    assert response.streaming, "the download must stream"
    size = 0
    for number, chunk in enumerate(response.streaming_content):
        size += len(chunk)
        if number % 100 == 0:
            highest = max(highest, rss_mb())
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return size, max(highest, rss_mb()) - before, peak / 1e6


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
        from django.conf import settings

        # The benchmark's own requests must not meet the per-address limit.
        settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "api": "", "api_key": ""}
        client = Client()
        url = f"/api/v1/datasets/bench/observations?limit={PAGE_ROWS}"
        assert client.get(url).status_code == 200
        median = cpu_ms(lambda: client.get(url), args.requests)
        verdict = "ok" if median <= CPU_BUDGET_MS else "OVER BUDGET"
        queries = queries_per_call(lambda: client.get(url), samples=2)
        print(
            f"observations, {PAGE_ROWS:,} rows as JSON: {median:.0f} ms CPU (median), {queries} queries, "
            f"budget {CPU_BUDGET_MS}: {verdict}"
        )
        packed = cpu_ms(lambda: client.get(url, HTTP_ACCEPT_ENCODING="gzip"), args.requests)
        print(f"  the same, gzip-compressed: {packed:.0f} ms CPU (median)")

        from django.contrib.auth import get_user_model

        from api.keys import create_key

        secret = create_key(get_user_model().objects.create_user("bench@example.org"), "Bench").secret
        small = "/api/v1/datasets/bench/observations?limit=10"
        anonymous = cpu_ms(lambda: client.get(small), args.requests * 10)
        keyed = cpu_ms(lambda: client.get(small, HTTP_AUTHORIZATION=f"Bearer {secret}"), args.requests * 10)
        plain = queries_per_call(lambda: client.get(small), samples=3)
        extra = queries_per_call(lambda: client.get(small, HTTP_AUTHORIZATION=f"Bearer {secret}"), samples=3)
        print(
            f"observations, 10 rows: {anonymous:.1f} ms CPU and {plain} queries without a key, "
            f"{keyed:.1f} ms and {extra} queries with one (its look-up and the day's count)"
        )

        download = "/api/v1/datasets/bench/versions/1/download/csv"
        for label, headers in (("CSV", {}), ("CSV, gzip", {"HTTP_ACCEPT_ENCODING": "gzip"})):
            started = time.process_time()
            size, grown, peak = stream_memory(client, download, **headers)
            spent = time.process_time() - started
            verdict = "ok" if max(grown, peak) <= MEMORY_BUDGET_MB else "OVER BUDGET"
            print(
                f"{label} download of {args.rows:,} rows ({size / 1e6:.0f} MB sent, {spent:.0f} s CPU with "
                f"tracemalloc on): resident memory grew {grown:.0f} MB, Python allocations peaked at "
                f"{peak:.1f} MB, budget {MEMORY_BUDGET_MB}: {verdict}"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
