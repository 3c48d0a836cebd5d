"""E-module benchmark: lesson pages and answer submissions per second, with SQL queries per request.

Builds a throwaway test database with the demo content, then, through Django's test client,
requests a demo lesson (anonymous and signed in) and sends answers to one of its questions
(each answer followed by "try again", so that every submission is scored: the figures are for
the pair of requests, and an answer alone costs about half). Run from the
project root:

    .venv/bin/python bench/learning.py [--requests 200] [--warmup 20]

DATABASE_URL and REDIS_URL are honoured, as in the test suite.
"""

import argparse

from _harness import demo_database, expect_status, queries_per_call, setup_django, timed

LESSON = "/en/learn/mean-and-median/when-the-mean-misleads/"


def parse_args():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=200, help="timed requests per case (default 200)")
    parser.add_argument("--warmup", type=int, default=20, help="untimed requests per case first (default 20)")
    args = parser.parse_args()
    if args.requests < 1 or args.warmup < 0:
        parser.error("--requests must be at least 1 and --warmup at least 0")
    return args


def answer_call(client, lesson):
    """One scored answer: submit it, then clear it so that the next one is scored too."""
    from django.urls import reverse

    from literacy.modules.questions import questions_in

    block = questions_in(lesson.body)[0]
    right = next(i for i, option in enumerate(block.value["options"]) if option["correct"])
    answer_url = reverse("literacy_lesson_answer", args=[lesson.pk])
    again_url = reverse("literacy_lesson_try_again", args=[lesson.pk])
    origin = {"HTTP_ORIGIN": "http://testserver"}  # sent from the lesson page, as browsers say

    def call():
        answer = client.post(answer_url, {"question": block.id, f"q-{block.id}": right}, **origin)
        expect_status(answer, "answer", 302)
        expect_status(client.post(again_url, {"question": block.id}, **origin), "try again", 302)

    return call


def report(label, result, queries):
    print(
        f"{label:<44}{result['rps']:>9.1f}{result['mean_ms']:>10.2f}"
        f"{result['p50_ms']:>9.2f}{result['p95_ms']:>9.2f}{queries:>13}"
    )


def main():
    args = parse_args()
    setup_django()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from literacy.modules.models import LessonPage

    with demo_database() as description:
        print(f"{description}; {args.requests} timed requests per case after {args.warmup} warm-up requests.")
        header = f"{'case':<44}{'req/s':>9}{'mean ms':>10}{'p50 ms':>9}{'p95 ms':>9}{'queries/req':>13}"
        print(header)
        print("-" * len(header))
        lesson = LessonPage.objects.get(url_path__endswith="/mean-and-median/when-the-mean-misleads/")
        anonymous = Client()
        signed_in = Client()
        signed_in.force_login(get_user_model().objects.create_user("bench@example.org", "x-Strong-pass-1"))
        for who, client in (("anonymous", anonymous), ("signed in", signed_in)):

            def get(client=client):
                return expect_status(client.get(LESSON), f"GET {LESSON}")

            report(f"lesson page ({who})", timed(get, args.requests, args.warmup), queries_per_call(get))
            submit_and_clear = answer_call(client, lesson)
            result = timed(submit_and_clear, args.requests, args.warmup)
            report(f"answer + try again, pairs ({who})", result, queries_per_call(submit_and_clear))


if __name__ == "__main__":
    main()
