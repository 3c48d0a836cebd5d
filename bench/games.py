"""Games benchmark: answers per second for guess the number, with the crowd query behind them.

Each timed call is one player's estimate, posted through Django's test client (middleware,
session, rate limit, token check, insert) and followed by the result page (the crowd
distribution's GROUP BY over every answer so far). The question starts with --stored answers,
so the figures show the cost does not grow with the crowd. Run from the project root:

    .venv/bin/python bench/games.py [--requests 200] [--warmup 20] [--stored 10000]

DATABASE_URL and REDIS_URL are honoured, as in the test suite; the throwaway database is
destroyed at the end.
"""

import argparse
import re

from _harness import demo_database, expect_status, queries_per_call, setup_django, timed

TOKEN = re.compile(r'name="token" value="([^"]+)"')


def parse_args():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=200, help="timed answers (default 200)")
    parser.add_argument("--warmup", type=int, default=20, help="untimed answers first (default 20)")
    parser.add_argument("--stored", type=int, default=10_000, help="answers already stored (default 10000)")
    args = parser.parse_args()
    if args.requests < 1 or args.warmup < 0 or args.stored < 0:
        parser.error("--requests must be at least 1, --warmup and --stored at least 0")
    return args


def main():
    args = parse_args()
    setup_django()
    from django.conf import settings
    from django.test import Client

    from literacy.games.models import GuessAnswer, GuessTheNumberPage

    # The benchmark is one visitor answering as fast as it can: lift the per-address limit.
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "game_answer": "1000000/m/ip"}
    with demo_database() as description:
        game = GuessTheNumberPage.objects.get()
        question = game.questions.order_by("sort_order").first()
        low, high = float(question.min_value), float(question.max_value)
        GuessAnswer.objects.bulk_create(
            (
                GuessAnswer(question=question, value=low + (high - low) * (n % 97) / 96)
                for n in range(args.stored)
            ),
            batch_size=2000,
        )
        url = f"{game.url}question/1/"

        def answer_and_see_result():
            client = Client()  # a new player each time: one answer per question per player
            token = TOKEN.search(expect_status(client.get(url), f"GET {url}").content.decode())[1]
            data = {"question": question.pk, "token": token, "guess": "3.5"}
            expect_status(client.post(url, data), f"POST {url}", status=302)
            expect_status(client.get(f"{url}result/"), f"GET {url}result/")

        total = GuessAnswer.objects.filter(question=question).count()
        print(f"{description}; {total} answers stored for the question, {args.requests} timed answers.")
        result = timed(answer_and_see_result, args.requests, args.warmup)
        header = f"{'step':<44}{'answers/s':>11}{'mean ms':>10}{'p50 ms':>9}{'p95 ms':>9}{'queries':>9}"
        print(header)
        print("-" * len(header))
        step = "question page, answer, result with crowd"
        print(
            f"{step:<44}{result['rps']:>11.1f}{result['mean_ms']:>10.2f}"
            f"{result['p50_ms']:>9.2f}{result['p95_ms']:>9.2f}{queries_per_call(answer_and_see_result):>9}"
        )


if __name__ == "__main__":
    main()
