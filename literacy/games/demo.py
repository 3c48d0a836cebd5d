"""Demo content for games: the "Games & competitions" index at /games-and-competitions/ and one
game of each kind, with figures taken from the demo stories (illustrative, marked as demo).

The content lives in ``demo_content/``: the pages' texts in ``games.json``, each game's questions
and the quiz's leaderboard as CSV. Idempotent: a game that exists (found by slug) is left exactly
as it is.
"""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from datasets.figures import find_indicator
from portal.core.demo import DemoFiles, ensure_section_index

from . import areaquiz
from .models import (
    AreaGuess,
    AreaQuizPage,
    GamesIndexPage,
    GuessAnswer,
    GuessTheNumberPage,
    HigherOrLowerPage,
    LeaderboardEntry,
    NumberQuestion,
    PairQuestion,
    QuizQuestion,
    TimedQuizPage,
)

CONTENT = DemoFiles(__file__)


def load_games_demo(home, created):
    """Create whatever of the games demo is missing; ``created`` gets a name for each thing made."""
    index = ensure_section_index(
        home,
        GamesIndexPage,
        created,
        slug="games-and-competitions",
        title="Games & competitions",
        intro=CONTENT.json("games.json")["index_intro"],
    )
    if index is None:
        return
    stories = stories_by_slug(home)
    if add_game(index, created, guess_the_number(stories)):
        add_crowd(GuessTheNumberPage.objects.get(slug="guess-the-number"))
    add_game(index, created, higher_or_lower(stories))
    if add_game(index, created, timed_quiz(stories)):
        add_leaderboard(TimedQuizPage.objects.get(slug="statistics-quiz"))
    if add_game(index, created, area_quiz()):
        add_area_guesses(AreaQuizPage.objects.get(slug="area-quiz"))


def stories_by_slug(home):
    index = home.get_children().filter(slug="stories").first()
    return {page.slug: page for page in index.get_children()} if index else {}


def sourced(stories, row):
    """Where a question's figure comes from: the demo story that has it, else the data pages."""
    page = stories.get(row["story"])
    data_url = CONTENT.json("games.json")["data_url"]
    return {"source": row["source"], "source_page": page, "source_url": "" if page else data_url}


def add_game(index, created, game):
    if index.get_children().filter(slug=game.slug).exists():
        return False
    index.add_child(instance=game)
    game.save_revision().publish()
    created.append(f"{game.slug} ({game._meta.verbose_name})")
    return True


def guess_the_number(stories):
    return GuessTheNumberPage(
        **CONTENT.json("games.json")["guess_the_number"],
        questions=[
            NumberQuestion(
                prompt=row["prompt"],
                official_answer=Decimal(row["official_answer"]),
                unit=row["unit"],
                min_value=Decimal(row["min_value"]),
                max_value=Decimal(row["max_value"]),
                decimal_places=int(row["decimal_places"]),
                explanation=row["explanation"],
                **sourced(stories, row),
            )
            for row in CONTENT.rows("guess-the-number.csv")
        ],
    )


def higher_or_lower(stories):
    return HigherOrLowerPage(
        **CONTENT.json("games.json")["higher_or_lower"],
        questions=[
            PairQuestion(
                prompt=row["prompt"],
                first_label=row["first_label"],
                first_value=Decimal(row["first_value"]),
                second_label=row["second_label"],
                second_value=Decimal(row["second_value"]),
                unit=row["unit"],
                decimal_places=int(row["decimal_places"]),
                **sourced(stories, row),
            )
            for row in CONTENT.rows("higher-or-lower.csv")
        ],
    )


def timed_quiz(stories):
    answers = ("answer_1", "answer_2", "answer_3", "answer_4")
    return TimedQuizPage(
        **CONTENT.json("games.json")["timed_quiz"],
        questions=[
            QuizQuestion(
                prompt=row["prompt"],
                **{answer: row[answer] for answer in answers},
                correct_answer=int(row["correct_answer"]),
                **sourced(stories, row),
            )
            for row in CONTENT.rows("statistics-quiz.csv")
        ],
    )


def add_crowd(game, players=60):
    """Earlier players' estimates, scattered around the official figures (seeded: the same every time)."""
    rng = random.Random(2026)  # noqa: S311 (made-up demo data, not security)
    answers = []
    for question in game.questions.all():
        low, high = float(question.min_value), float(question.max_value)
        official = float(question.official_answer)
        for _ in range(players):
            guess = rng.gauss(official * rng.uniform(0.8, 1.25), (high - low) / 8)
            answers.append(GuessAnswer(question=question, value=round(min(high, max(low, guess)), 1)))
    GuessAnswer.objects.bulk_create(answers)


def add_leaderboard(quiz):
    now = timezone.now()
    out_of = quiz.questions.count()
    LeaderboardEntry.objects.bulk_create(
        LeaderboardEntry(
            quiz=quiz,
            nickname=row["nickname"],
            score=int(row["score"]),
            out_of=out_of,
            time_taken_ms=int(row["seconds"]) * 1000 + place * 137,
            submitted_at=now - datetime.timedelta(days=place * 3, hours=place),
        )
        for place, row in enumerate(CONTENT.rows("leaderboard.csv"))
    )


def area_quiz():
    """The area quiz on the data layer's demo population (loaded before the games)."""
    return AreaQuizPage(
        **CONTENT.json("games.json")["area_quiz"],
        indicator=find_indicator("norland-population", "POP"),
        level=AreaQuizPage.MUNICIPALITY,
    )


def add_area_guesses(page, players=12):
    """Earlier players' guesses for each municipality, scattered around its official figure, and
    the best of them on the leaderboard (seeded: the same every time)."""
    quiz = areaquiz.load(page)
    if quiz is None:
        return
    rng = random.Random(2027)  # noqa: S311 (made-up demo data, not security)
    guesses = [
        AreaGuess(page=page, area_code=area.code, guess=round(float(area.value) * rng.lognormvariate(0, 0.3)))
        for area in quiz.areas.values()
        for _ in range(players)
    ]
    AreaGuess.objects.bulk_create(guesses)
    now = timezone.now()
    LeaderboardEntry.objects.bulk_create(
        LeaderboardEntry(
            quiz=page,
            nickname=row["nickname"],
            score=max(0, 100 - 3 * place),
            out_of=100,
            time_taken_ms=0,
            submitted_at=now - datetime.timedelta(days=place * 2, hours=place),
        )
        for place, row in enumerate(CONTENT.rows("leaderboard.csv"))
    )
