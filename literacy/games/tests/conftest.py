"""Small games with known figures, under the demo's "Games & competitions" index."""

import re
from decimal import Decimal

import pytest

from literacy.games.models import (
    GamesIndexPage,
    GuessTheNumberPage,
    HigherOrLowerPage,
    NumberQuestion,
    PairQuestion,
    QuizQuestion,
    TimedQuizPage,
)

TOKEN = re.compile(r'name="token" value="([^"]+)"')


def token_in(response):
    """The one-use token of the form on a page."""
    return TOKEN.search(response.content.decode())[1]


def publish(index, page):
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def games_index(demo_site):
    return GamesIndexPage.objects.get()


@pytest.fixture
def guess_game(games_index):
    return publish(
        games_index,
        GuessTheNumberPage(
            title="Test guesses",
            slug="test-guesses",
            intro="Guess two figures.",
            questions=[
                NumberQuestion(
                    prompt="What share of households own a car?",
                    official_answer=Decimal("76.4"),
                    unit="%",
                    min_value=Decimal(0),
                    max_value=Decimal(100),
                    decimal_places=1,
                    source="Household budget survey, 2025 (demo)",
                    source_url="https://statistics.example/data/cars",
                    explanation="Households with at least one car or van.",
                ),
                NumberQuestion(
                    prompt="How many people live here?",
                    official_answer=Decimal("5.94"),
                    unit="million",
                    min_value=Decimal(1),
                    max_value=Decimal(11),
                    decimal_places=2,
                    source="Population estimates (demo)",
                    source_url="https://statistics.example/data/population",
                ),
            ],
        ),
    )


@pytest.fixture
def pair_game(games_index):
    return publish(
        games_index,
        HigherOrLowerPage(
            title="Test pairs",
            slug="test-pairs",
            intro="Pick the higher.",
            questions=[
                PairQuestion(
                    prompt=f"Which rate was higher ({n})?",
                    first_label=f"Year {n}",
                    first_value=Decimal(f"{n}7.3"),
                    second_label=f"Year {n + 10}",
                    second_value=Decimal(f"{n}2.9"),
                    unit="%",
                    decimal_places=1,
                    source="Labour force survey (demo)",
                    source_url="https://statistics.example/data/lfs",
                )
                for n in (1, 2, 3)
            ],
        ),
    )


@pytest.fixture
def quiz_game(games_index):
    return publish(
        games_index,
        TimedQuizPage(
            title="Test quiz",
            slug="test-quiz",
            intro="Three questions.",
            time_limit_seconds=60,
            questions=[
                QuizQuestion(
                    prompt=f"Question number {n}?",
                    answer_1=f"Wrong A{n}",
                    answer_2=f"Right B{n}",
                    answer_3=f"Wrong C{n}",
                    correct_answer=2,
                    source="Census (demo)",
                    source_url="https://statistics.example/data/census",
                )
                for n in (1, 2, 3)
            ],
        ),
    )
