"""Query budgets: the games index, a quiz and its leaderboard run as many queries with 1,000
quizzes and leaderboard entries as with 10."""

import pytest

from literacy.competitions.tests.factories import CompetitionPageFactory
from tests.bulk import grow_pages, grow_rows
from tests.queries import assert_constant

from .factories import (
    GuessTheNumberPageFactory,
    HigherOrLowerPageFactory,
    LeaderboardEntryFactory,
    TimedQuizPageFactory,
)

pytestmark = pytest.mark.django_db


def test_games_and_the_quiz_leaderboard(games_index):
    GuessTheNumberPageFactory(parent=games_index)
    HigherOrLowerPageFactory(parent=games_index)
    CompetitionPageFactory(parent=games_index)
    quiz = TimedQuizPageFactory(parent=games_index)
    entry = LeaderboardEntryFactory(quiz=quiz, nickname="Quick Owl", score=5, out_of=5, time_taken_ms=42_000)

    def grow_to(total):
        grow_pages(quiz, total)
        grow_rows(
            entry, quiz.leaderboard_entries, total, score=lambda n: n % 6, nickname=lambda n: f"Owl {n}"
        )

    urls = [
        games_index.url,
        quiz.url,
        f"{quiz.url}leaderboard/",
        *(game.url for game in games_index.get_children().live()),
    ]
    assert_constant(urls, grow_to)
