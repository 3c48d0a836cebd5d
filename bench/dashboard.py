"""Engagement dashboard benchmark: render time and SQL queries with a million page-view rows.

Builds a throwaway test database with the demo content, fills the page-view counters with
``--rows`` rows (one per page and day, going back in time) in a single INSERT ... SELECT, then
renders the dashboard in the Wagtail admin through Django's test client, for the last twelve
months and for the longest window it allows (60 months), and times writing one page-view
counter (the upsert each server process makes for the views it has added up). Run from the
project root:

    .venv/bin/python bench/dashboard.py [--rows 1000000] [--requests 20] [--warmup 3]

DATABASE_URL and REDIS_URL are honoured, as in the test suite; the throwaway database
(bench_<name> on PostgreSQL) is destroyed at the end.
"""

import argparse
import datetime
import time

from _harness import demo_database, expect_status, queries_per_call, setup_django, timed


def parse_args():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000, help="page-view rows (default 1 000 000)")
    parser.add_argument("--requests", type=int, default=20, help="timed renders per window (default 20)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed renders first (default 3)")
    args = parser.parse_args()
    if args.rows < 1 or args.requests < 1 or args.warmup < 0:
        parser.error("--rows and --requests must be at least 1, --warmup at least 0")
    return args


def fill_page_views(rows):
    """``rows`` counters: every page, on as many days back from today as it takes."""
    from django.db import connection
    from wagtail.models import Page

    from portal.engagement.models import PageViewCount

    pages = Page.objects.filter(depth__gt=1).count()
    days = -(-rows // pages)
    quote = connection.ops.quote_name
    table, page_table = quote(PageViewCount._meta.db_table), quote(Page._meta.db_table)
    today = datetime.date.today().isoformat()
    columns = f"INSERT INTO {table} (page_id, content_type_id, day, views) "
    # Only the models' quoted table names go into the text; the values are parameters.
    if connection.vendor == "postgresql":
        sql = (
            columns
            + "SELECT p.id, p.content_type_id, DATE %s - d, 1 + (p.id * 7 + d) %% 97 "
            + f"FROM {page_table} p CROSS JOIN generate_series(0, %s) AS d WHERE p.depth > 1 LIMIT %s"
        )
    else:
        sql = (
            "WITH RECURSIVE offsets(d) AS (SELECT 0 UNION ALL SELECT d + 1 FROM offsets WHERE d < %s) "  # noqa: S608
            + columns
            + "SELECT p.id, p.content_type_id, date(%s, '-' || d || ' days'), 1 + (p.id * 7 + d) %% 97 "
            + f"FROM {page_table} p CROSS JOIN offsets WHERE p.depth > 1 LIMIT %s"
        )
    params = [today, days - 1, rows] if connection.vendor == "postgresql" else [days - 1, today, rows]
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {table}")
    return PageViewCount.objects.count(), pages, days, time.perf_counter() - started


def main():
    args = parse_args()
    setup_django()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from wagtail.models import Page

    from portal.engagement.page_views import write_view_counts

    with demo_database() as description:
        count, pages, days, seconds = fill_page_views(args.rows)
        print(f"{description}.")
        print(f"{count:,} page-view rows ({pages} pages x up to {days:,} days), inserted in {seconds:.1f} s.")
        client = Client()
        client.force_login(
            get_user_model().objects.create_superuser("bench@statistics.example", "x-Bench-pass-1")
        )
        today = datetime.date.today()
        windows = {
            "last 12 months, per month": {},
            "last 12 weeks, per week": {
                "group_by": "week",
                "start": (today - datetime.timedelta(weeks=11)).isoformat(),
            },
            "60 months, per month": {"start": (today - datetime.timedelta(days=365 * 5 - 31)).isoformat()},
        }
        columns = ("req/s", "mean ms", "p50 ms", "p95 ms")
        header = (
            f"{'dashboard window':<32}" + "".join(f"{name:>10}" for name in columns) + f"{'queries/req':>13}"
        )
        print(header)
        print("-" * len(header))
        for label, params in windows.items():

            def render(params=params, label=label):
                return expect_status(client.get("/admin/engagement/", params), f"dashboard, {label}")

            result = timed(render, args.requests, args.warmup)
            print(
                f"{label:<32}{result['rps']:>10.1f}{result['mean_ms']:>10.2f}"
                f"{result['p50_ms']:>10.2f}{result['p95_ms']:>10.2f}{queries_per_call(render, 3):>13}"
            )
        page_id = Page.objects.filter(depth__gt=1).values_list("pk", flat=True).first()
        counter = {(page_id, today): 1}
        result = timed(lambda: write_view_counts(counter), 1000, 10)
        print(f"writing one page-view counter: mean {result['mean_ms']:.3f} ms, p95 {result['p95_ms']:.3f}")


if __name__ == "__main__":
    main()
