"""Uncached and cold renders: CPU milliseconds and SQL queries per request for one page of every
public page type, with the page cache off.

- **uncached**: the page is rendered (no page cache) but the other caches are warm (fragments,
  charts), as for the first visitor after a publish. Budget: 12 CPU-ms median (search 20) and 15
  queries.
- **cold**: every cache is emptied before each request, as after a restart: charts come from the
  database (``portal.core.models.DrawnChart``), nothing is drawn. Budget: 25 CPU-ms median.
- **warm**: the page cache on and holding the page: what a hit costs the app server.

    .venv/bin/python bench/cold.py [--requests 30] [--warmup 3] [--json] [PATH ...]

DATABASE_URL and REDIS_URL are honoured, as in the test suite.
"""

import argparse
import json

from _budgets import page_misses, verdict
from _harness import cpu_ms, demo_database, expect_status, queries_per_call, setup_django
from render import public_pages


def parse_args():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", help="only these pages (default: one of every type)")
    parser.add_argument("--requests", type=int, default=30, help="measured requests per page (default 30)")
    parser.add_argument("--warmup", type=int, default=3, help="unmeasured requests first (default 3)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON (for bench/table.py)")
    args = parser.parse_args()
    if args.requests < 1 or args.warmup < 0:
        parser.error("--requests must be at least 1 and --warmup at least 0")
    return args


def empty_every_cache():
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


def measure_page(client, path, requests, warmup):
    """One page's uncached, cold and warm CPU-ms and queries, as a dict (for the table too)."""
    from django.conf import settings
    from django.test import override_settings

    def get():
        return expect_status(client.get(path), f"GET {path}")

    uncached = cpu_ms(get, requests, warmup)
    queries = queries_per_call(get)
    cold = cpu_ms(get, requests, warmup, before=empty_every_cache)
    empty_every_cache()
    cold_queries = queries_per_call(get, samples=1)
    # Warm: the page cache on and filled, as for every visitor after the first.
    with override_settings(PAGE_CACHE={**settings.PAGE_CACHE, "SECONDS": 600}):
        get()
        warm = cpu_ms(get, requests, warmup)
        warm_queries = queries_per_call(get, samples=1)
    return {
        "path": path,
        "uncached_ms": uncached["p50_ms"],
        "uncached_p95_ms": uncached["p95_ms"],
        "queries": queries,
        "cold_ms": cold["p50_ms"],
        "cold_p95_ms": cold["p95_ms"],
        "cold_queries": cold_queries,
        "warm_ms": warm["p50_ms"],
        "warm_queries": warm_queries,
    }


def measure_pages(paths, requests, warmup):
    """Every page's figures (one page of every public type by default), on the demo content."""
    from django.conf import settings
    from django.test import Client

    # The page cache stays off (each request renders); what pages share (menu, footer) is cached
    # as in production.
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "CHROME_SECONDS": 600}
    client = Client()
    return [measure_page(client, path, requests, warmup) for path in paths or public_pages()]


def main():
    args = parse_args()
    setup_django()
    with demo_database() as description:
        pages = measure_pages(args.paths, args.requests, args.warmup)
    if args.json:
        print(json.dumps({"description": description, "pages": pages}))
        return
    print(f"{description}; CPU-ms medians of {args.requests} requests per page, page cache off (warm: on).")
    header = (
        f"{'page':<58}{'uncached p50':>13}{'p95':>7}{'queries':>9}{'cold p50':>10}{'p95':>7}"
        f"{'cold queries':>14}{'warm p50':>10}{'warm queries':>14}  budget"
    )
    print(header)
    print("-" * len(header))
    for page in pages:
        print(
            f"{page['path']:<58}{page['uncached_ms']:>13.1f}{page['uncached_p95_ms']:>7.1f}"
            f"{page['queries']:>9}{page['cold_ms']:>10.1f}{page['cold_p95_ms']:>7.1f}"
            f"{page['cold_queries']:>14}{page['warm_ms']:>10.2f}{page['warm_queries']:>14}"
            f"  {verdict(page_misses(page))}"
        )


if __name__ == "__main__":
    main()
