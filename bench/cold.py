"""Uncached and cold renders: CPU milliseconds and SQL queries per request for one page of every
public page type, with the page cache off.

- **uncached**: the page is rendered (no page cache) but the other caches are warm (fragments,
  charts), as for the first visitor after a publish. Budget: 12 CPU-ms median (search 20) and 15
  queries.
- **cold**: every cache is emptied before each request, as after a restart: charts come from the
  database (``portal.core.models.DrawnChart``), nothing is drawn. Budget: 25 CPU-ms median.

    .venv/bin/python bench/cold.py [--requests 30] [--warmup 3]

DATABASE_URL and REDIS_URL are honoured, as in the test suite.
"""

import argparse

from _harness import cpu_ms, demo_database, expect_status, queries_per_call, setup_django
from render import public_pages

UNCACHED_BUDGET_MS, SEARCH_BUDGET_MS, COLD_BUDGET_MS, QUERY_BUDGET = 12, 20, 25, 15


def parse_args():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", help="only these pages (default: one of every type)")
    parser.add_argument("--requests", type=int, default=30, help="measured requests per page (default 30)")
    parser.add_argument("--warmup", type=int, default=3, help="unmeasured requests first (default 3)")
    args = parser.parse_args()
    if args.requests < 1 or args.warmup < 0:
        parser.error("--requests must be at least 1 and --warmup at least 0")
    return args


def empty_every_cache():
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


def main():
    args = parse_args()
    setup_django()
    from django.conf import settings
    from django.test import Client

    # The page cache stays off (each request renders); what pages share (menu, footer) is cached
    # as in production.
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "CHROME_SECONDS": 600}

    with demo_database() as description:
        print(f"{description}; CPU-ms medians of {args.requests} requests per page, page cache off.")
        header = (
            f"{'page':<58}{'uncached p50':>13}{'p95':>7}{'queries':>9}{'cold p50':>10}{'p95':>7}"
            f"{'cold queries':>14}  budget"
        )
        print(header)
        print("-" * len(header))
        client = Client()
        for path in args.paths or public_pages():

            def get(path=path):
                return expect_status(client.get(path), f"GET {path}")

            uncached = cpu_ms(get, args.requests, args.warmup)
            queries = queries_per_call(get)
            cold = cpu_ms(get, args.requests, args.warmup, before=empty_every_cache)
            empty_every_cache()
            cold_queries = queries_per_call(get, samples=1)
            budget = SEARCH_BUDGET_MS if path.startswith("/search/") else UNCACHED_BUDGET_MS
            met = (
                uncached["p50_ms"] <= budget
                and float(queries) <= QUERY_BUDGET
                and cold["p50_ms"] <= COLD_BUDGET_MS
            )
            print(
                f"{path:<58}{uncached['p50_ms']:>13.1f}{uncached['p95_ms']:>7.1f}{queries:>9}"
                f"{cold['p50_ms']:>10.1f}{cold['p95_ms']:>7.1f}{cold_queries:>14}"
                f"  {'met' if met else 'MISSED'}"
            )


if __name__ == "__main__":
    main()
