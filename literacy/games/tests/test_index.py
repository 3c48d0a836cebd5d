"""The games and competitions index."""

import pytest
from django.utils.html import escape

from literacy.games.models import (
    GuessTheNumberPage,
    HigherOrLowerPage,
    TimedQuizPage,
)
from tests.queries import queries_for

pytestmark = pytest.mark.django_db


def test_index_lists_every_live_child_with_its_kind_and_summary(client, games_index):
    html = client.get(games_index.url).content.decode()
    for game in (GuessTheNumberPage, HigherOrLowerPage, TimedQuizPage):
        page = game.objects.get()
        assert f'href="{page.url}"' in html and escape(page.search_description) in html
    assert "Guess-the-number game" in html and "Timed quiz" in html
    for child in games_index.get_children().live().specific():  # competitions too
        assert child.title in html


def test_index_leaves_out_drafts_and_shows_an_empty_state(client, games_index):
    for child in games_index.get_children():
        child.specific.unpublish()
    html = client.get(games_index.url).content.decode()
    assert "There are no games or competitions yet." in html


def test_index_queries_do_not_grow_with_games(client, games_index):
    before = queries_for(client, games_index.url)
    quiz = TimedQuizPage.objects.get()
    for n in range(5):
        copy = quiz.copy(update_attrs={"slug": f"quiz-copy-{n}", "title": f"Quiz copy {n}"}, keep_live=True)
        assert copy.live
    assert queries_for(client, games_index.url) == before
