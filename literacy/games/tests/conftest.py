"""Small games with known figures, under a games index of their own."""

import re
from decimal import Decimal

import pytest

from .factories import (
    GamesIndexPageFactory,
    GuessTheNumberPageFactory,
    HigherOrLowerPageFactory,
    NumberQuestionFactory,
    PairQuestionFactory,
    QuizQuestionFactory,
    TimedQuizPageFactory,
)

TOKEN = re.compile(r'name="token" value="([^"]+)"')


def token_in(response):
    """The one-use token of the form on a page."""
    return TOKEN.search(response.content.decode())[1]


@pytest.fixture
def games_index(home_page):
    return GamesIndexPageFactory(parent=home_page)


@pytest.fixture
def guess_game(games_index):
    """Two figures: a share of households (0 to 100 %, one decimal) and a population in millions."""
    return GuessTheNumberPageFactory(
        parent=games_index,
        title="Test guesses",
        slug="test-guesses",
        intro="Guess two figures.",
        questions=[
            NumberQuestionFactory.build(explanation="Households with at least one car or van."),
            NumberQuestionFactory.build(
                prompt="How many people live here?",
                official_answer=Decimal("5.94"),
                unit="million",
                min_value=Decimal(1),
                max_value=Decimal(11),
                decimal_places=2,
                source="Population estimates",
                source_url="https://statistics.example/data/population",
            ),
        ],
    )


@pytest.fixture
def pair_game(games_index):
    """Three pairs, numbered 1 to 3."""
    return HigherOrLowerPageFactory(
        parent=games_index,
        title="Test pairs",
        slug="test-pairs",
        intro="Pick the higher.",
        questions=[PairQuestionFactory.build(number=n) for n in (1, 2, 3)],
    )


@pytest.fixture
def quiz_game(games_index):
    """Three questions, numbered 1 to 3, each with the right answer second; one minute to play."""
    return TimedQuizPageFactory(
        parent=games_index,
        title="Test quiz",
        slug="test-quiz",
        intro="Three questions.",
        time_limit_seconds=60,
        questions=[QuizQuestionFactory.build(number=n) for n in (1, 2, 3)],
    )
