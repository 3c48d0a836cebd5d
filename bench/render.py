"""Render benchmark: requests per second, time and SQL queries per request for one page of every
public page type, and the routes that list things (topics, feeds, forums, galleries).

Builds a throwaway test database, loads the demo content, then requests each page through
Django's test client (the whole middleware stack, routing, views, templates and queries, but
no network). Run from the project root:

    .venv/bin/python bench/render.py [--requests 200] [--warmup 20]

DATABASE_URL and REDIS_URL are honoured, as in the test suite, to benchmark on PostgreSQL and
Redis; the throwaway database (bench_<name> there) is destroyed at the end.
"""

import argparse

from _harness import demo_database, expect_status, queries_per_call, setup_django, timed

ROUTES = [
    "/en/search/?q=population",
    "/sitemap.xml",
    "/en/stories/topic/prices/",
    "/en/stories/infographics/",
    "/en/stories/corrections/",
    "/en/stories/feed/",
    "/en/glossary/census/",
    "/en/training/past/",
    "/en/training/calendar/",
    "/en/data/",
    "/en/areas/",
    "/en/areas/NAT/",
    "/en/areas/R1/",
    "/en/areas/M101/",
    "/en/areas/compare/?areas=M101&areas=M102&areas=R1",
    "/en/areas/map/",
]


def public_pages():
    """The first live page of each public type in the demo (in tree order), then the routes,
    then a forum, a topic, a quiz leaderboard and a competition gallery."""
    from wagtail.models import Page

    from forums.models import ForumIndexPage, Topic
    from literacy.competitions.models import CompetitionPage
    from literacy.games.models import TimedQuizPage

    first_of_type = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        first_of_type.setdefault(type(page), page.url)
    forums = ForumIndexPage.objects.first()  # in English: its tree comes first
    topic = Topic.objects.filter(approved=True, hidden=False).order_by("-reply_count").first()
    return [
        *first_of_type.values(),
        *ROUTES,
        forums.route_url("forum", topic.forum.slug),
        forums.route_url("topic", topic.pk),
        TimedQuizPage.objects.live().first().url + "leaderboard/",
        CompetitionPage.objects.live().get(results_published=True).url + "gallery/",
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
        header = f"{'page':<64}{'req/s':>9}{'mean ms':>10}{'p50 ms':>9}{'p95 ms':>9}{'queries/req':>13}"
        print(header)
        print("-" * len(header))
        client = Client()
        for path in public_pages():

            def get(path=path):
                return expect_status(client.get(path), f"GET {path}")

            result = timed(get, args.requests, args.warmup)
            print(
                f"{path:<64}{result['rps']:>9.1f}{result['mean_ms']:>10.2f}"
                f"{result['p50_ms']:>9.2f}{result['p95_ms']:>9.2f}{queries_per_call(get):>13}"
            )


if __name__ == "__main__":
    main()
