"""Render benchmark: requests per second, time and SQL queries per request for key pages.

Builds a throwaway test database, loads the demo content, then requests each page through
Django's test client (the whole middleware stack, routing, views, templates and queries, but
no network). Run from the project root:

    .venv/bin/python bench/render.py [--requests 200] [--warmup 20]

DATABASE_URL and REDIS_URL are honoured, as in the test suite, to benchmark on PostgreSQL and
Redis; the throwaway database (bench_<name> there) is destroyed at the end.
"""

import argparse
import io
import os
import platform
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    "/",
    "/search/?q=population",
    "/stories/",
    "/stories/topic/prices/",
    "/stories/unemployment-unchanged-at-4-1-percent/",
    "/stories/feed/",
]
QUERY_SAMPLE = 10


def parse_args():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=200, help="timed requests per page (default 200)")
    parser.add_argument("--warmup", type=int, default=20, help="untimed requests per page first (default 20)")
    args = parser.parse_args()
    if args.requests < 1 or args.warmup < 0:
        parser.error("--requests must be at least 1 and --warmup at least 0")
    return args


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    # WhiteNoise warns that there are no collected static files; they play no part here.
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
    import django

    django.setup()


def measure(client, path, requests, warmup):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(warmup):
        check(client.get(path), path)

    timings = []
    started = time.perf_counter()
    for _ in range(requests):
        before = time.perf_counter()
        response = client.get(path)
        timings.append(time.perf_counter() - before)
        check(response, path)
    elapsed = time.perf_counter() - started

    # Counted separately, so that recording every query does not slow the timed requests.
    per_request = []
    for _ in range(min(QUERY_SAMPLE, requests)):
        with CaptureQueriesContext(connection) as queries:
            check(client.get(path), path)
        per_request.append(len(queries.captured_queries))

    timings.sort()
    return {
        "rps": requests / elapsed,
        "mean_ms": statistics.fmean(timings) * 1000,
        "p50_ms": statistics.median(timings) * 1000,
        "p95_ms": timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))] * 1000,
        "queries": statistics.fmean(per_request),
        "queries_vary": min(per_request) != max(per_request),
    }


def check(response, path):
    if response.status_code != 200:
        raise SystemExit(f"GET {path} answered {response.status_code}, not 200: nothing to benchmark.")


def main():
    args = parse_args()
    setup_django()

    import django
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    if connection.vendor != "sqlite":
        # Its own database, so that a benchmark never clobbers a test run's test_ database.
        connection.settings_dict["TEST"]["NAME"] = f"bench_{connection.settings_dict['NAME']}"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        call_command("load_demo", stdout=io.StringIO())
        if connection.vendor == "sqlite" and connection.is_in_memory_db():
            database = "SQLite in memory"
        else:
            database = f"{connection.display_name} database {connection.settings_dict['NAME']}"
        print(
            f"Django {django.get_version()}, Python {platform.python_version()}, {database}; "
            f"{args.requests} timed requests per page after {args.warmup} warm-up requests."
        )
        header = f"{'page':<50}{'req/s':>9}{'mean ms':>10}{'p50 ms':>9}{'p95 ms':>9}{'queries/req':>13}"
        print(header)
        print("-" * len(header))
        client = Client()
        for path in PAGES:
            result = measure(client, path, args.requests, args.warmup)
            queries = f"{result['queries']:.1f}" if result["queries_vary"] else f"{result['queries']:.0f}"
            print(
                f"{path:<50}{result['rps']:>9.1f}{result['mean_ms']:>10.2f}"
                f"{result['p50_ms']:>9.2f}{result['p95_ms']:>9.2f}{queries:>13}"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
