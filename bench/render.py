"""Render benchmark: requests per second, time and SQL queries per request for key pages.

Builds a throwaway test database, loads the demo content, then requests each page through
Django's test client (the whole middleware stack, routing, views, templates and queries, but
no network). Run from the project root:

    .venv/bin/python bench/render.py [--requests 200] [--warmup 20]

DATABASE_URL and REDIS_URL are honoured, as in the test suite, to benchmark on PostgreSQL and
Redis; the throwaway database (bench_<name> there) is destroyed at the end.
"""

import argparse

from _harness import demo_database, expect_status, queries_per_call, setup_django, timed

PAGES = [
    "/",
    "/search/?q=population",
    "/stories/",
    "/stories/topic/prices/",
    "/stories/unemployment-unchanged-at-4-1-percent/",
    "/stories/feed/",
]


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


def main():
    args = parse_args()
    setup_django()
    from django.test import Client

    with demo_database() as description:
        print(f"{description}; {args.requests} timed requests per page after {args.warmup} warm-up requests.")
        header = f"{'page':<50}{'req/s':>9}{'mean ms':>10}{'p50 ms':>9}{'p95 ms':>9}{'queries/req':>13}"
        print(header)
        print("-" * len(header))
        client = Client()
        for path in PAGES:

            def get(path=path):
                return expect_status(client.get(path), f"GET {path}")

            result = timed(get, args.requests, args.warmup)
            print(
                f"{path:<50}{result['rps']:>9.1f}{result['mean_ms']:>10.2f}"
                f"{result['p50_ms']:>9.2f}{result['p95_ms']:>9.2f}{queries_per_call(get):>13}"
            )


if __name__ == "__main__":
    main()
