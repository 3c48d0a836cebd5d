"""What every benchmark here shares: Django set up with the test settings, a throwaway
database holding the demo content, and timing and query counting of a repeated call.

DATABASE_URL and REDIS_URL are honoured, as in the test suite; on PostgreSQL the throwaway
database is bench_<name>, so that a benchmark never clobbers a test run's database.
"""

import io
import os
import platform
import statistics
import sys
import time
import warnings
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERY_SAMPLE = 10


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    # WhiteNoise warns that there are no collected static files; they play no part here.
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
    import django

    django.setup()


@contextmanager
def demo_database(demo=True):
    """A new database with the demo content (unless not ``demo``), destroyed afterwards; yields a
    one-line description."""
    import django
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    if connection.vendor != "sqlite":
        connection.settings_dict["TEST"]["NAME"] = f"bench_{connection.settings_dict['NAME']}"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        if demo:
            call_command("load_demo", stdout=io.StringIO())
        if connection.vendor == "sqlite" and connection.is_in_memory_db():
            database = "SQLite in memory"
        else:
            database = f"{connection.display_name} database {connection.settings_dict['NAME']}"
        yield f"Django {django.get_version()}, Python {platform.python_version()}, {database}"
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


def timed(call, requests, warmup):
    """Call ``call()`` ``warmup`` times untimed, then ``requests`` times timed, one after another."""
    for _ in range(warmup):
        call()
    timings = []
    started = time.perf_counter()
    for _ in range(requests):
        before = time.perf_counter()
        call()
        timings.append(time.perf_counter() - before)
    elapsed = time.perf_counter() - started
    timings.sort()
    return {
        "rps": requests / elapsed,
        "mean_ms": statistics.fmean(timings) * 1000,
        "p50_ms": statistics.median(timings) * 1000,
        "p95_ms": timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))] * 1000,
    }


def cpu_ms(call, requests, warmup, before=None):
    """Median and 95th percentile CPU milliseconds of this process per call (``time.process_time``:
    what the call costs, not how long it waited for a core), after ``warmup`` untimed calls;
    ``before()`` runs untimed before each call (e.g. to empty the caches)."""
    for _ in range(warmup):
        if before:
            before()
        call()
    costs = []
    for _ in range(requests):
        if before:
            before()
        start = time.process_time()
        call()
        costs.append((time.process_time() - start) * 1000)
    costs.sort()
    return {
        "p50_ms": statistics.median(costs),
        "p95_ms": costs[min(len(costs) - 1, round(0.95 * (len(costs) - 1)))],
    }


def queries_per_call(call, samples=QUERY_SAMPLE):
    """SQL queries per call, counted apart from the timed calls so that recording them costs nothing
    there; as text, with a decimal only when the count varies between calls."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for _ in range(samples):
        with CaptureQueriesContext(connection) as queries:
            call()
        counts.append(len(queries.captured_queries))
    mean = statistics.fmean(counts)
    return f"{mean:.1f}" if min(counts) != max(counts) else f"{mean:.0f}"


def expect_status(response, label, status=200):
    if response.status_code != status:
        raise SystemExit(f"{label} answered {response.status_code}, not {status}: nothing to benchmark.")
    return response
