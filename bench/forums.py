"""Forum benchmark: topic pages read per second (a short topic and one of 1 000 posts) and
replies posted per second through the whole form (CSRF, rules check, Markdown, sanitising).

Builds a throwaway test database with the demo content, then works through Django's test
client (middleware, routing, views, templates and queries, but no network). Run from the
project root:

    .venv/bin/python bench/forums.py [--requests 200] [--warmup 20]

DATABASE_URL and REDIS_URL are honoured, as in the test suite.
"""

import argparse
import itertools

from _harness import demo_database, expect_status, queries_per_call, setup_django, timed

LONG_TOPIC_POSTS = 1000
REPLY = (
    "Thanks: the **seasonally adjusted** series is the one to compare month to month.\n\n"
    "> Is the raw series published too?\n\nYes, see https://statistics.example/labour for both."
)


def parse_args():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=200, help="timed requests per measure (default 200)")
    parser.add_argument("--warmup", type=int, default=20, help="untimed requests first (default 20)")
    args = parser.parse_args()
    if args.requests < 1 or args.warmup < 0:
        parser.error("--requests must be at least 1 and --warmup at least 0")
    return args


def bench_member():
    """A verified, trusted member who has accepted every forum's rules, and no rate limits."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    from forums import services
    from forums.models import Forum, Member

    user = get_user_model().objects.create_user("bench@example.org", "x-Strong-pass-1")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    Member.objects.create(user=user, trusted=True, display_name="Bench Member")
    for forum in Forum.objects.all():
        services.accept_rules(user, forum)
    return user


def long_topic(author):
    from forums import services
    from forums.models import Forum, Post
    from portal.core.sanitise import render_user_markdown

    forum = Forum.objects.first()
    topic = services.start_topic(forum, author, "A very long discussion", "Opening post").topic
    html = render_user_markdown(REPLY)
    Post.objects.bulk_create(
        Post(topic=topic, author=author, body_source=REPLY, body_html=html)
        for _ in range(LONG_TOPIC_POSTS - 1)
    )
    services.refresh_topic(topic)
    return topic


def main():
    args = parse_args()
    setup_django()
    from django.conf import settings
    from django.test import Client

    from forums.models import ForumIndexPage, Topic

    settings.FORUM_MIN_SECONDS_BETWEEN_POSTS = 0
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "forum_post": False}
    with demo_database() as description:
        print(
            f"{description}; {args.requests} timed requests per measure after {args.warmup} warm-up requests."
        )
        header = f"{'measure':<50}{'req/s':>9}{'mean ms':>10}{'p50 ms':>9}{'p95 ms':>9}{'queries/req':>13}"
        print(header)
        print("-" * len(header))
        index = ForumIndexPage.objects.first()  # in English: its tree comes first
        member = bench_member()
        short = Topic.objects.order_by("pk").first()
        long = long_topic(member)
        reader = Client()
        measures = [
            (f"topic page, {short.reply_count + 1} posts", index.route_url("topic", short.pk)),
            (f"topic page 1, {LONG_TOPIC_POSTS} posts", index.route_url("topic", long.pk)),
            (f"topic page 50, {LONG_TOPIC_POSTS} posts", index.route_url("topic", long.pk) + "?page=50"),
            ("forum index", index.url),
        ]
        for label, path in measures:

            def get(path=path):
                return expect_status(reader.get(path), f"GET {path}")

            report(label, timed(get, args.requests, args.warmup), queries_per_call(get))

        writer = Client()
        writer.force_login(member)
        reply_url = index.route_url("reply", short.pk)
        tokens = (f"bench-{n}" for n in itertools.count())

        def post():
            response = writer.post(reply_url, {"body": REPLY, "form_token": next(tokens)})
            return expect_status(response, f"POST {reply_url}", status=302)

        report(
            "reply posted (Markdown, sanitised, counted)",
            timed(post, args.requests, args.warmup),
            queries_per_call(post),
        )


def report(label, result, queries):
    print(
        f"{label:<50}{result['rps']:>9.1f}{result['mean_ms']:>10.2f}"
        f"{result['p50_ms']:>9.2f}{result['p95_ms']:>9.2f}{queries:>13}"
    )


if __name__ == "__main__":
    main()
