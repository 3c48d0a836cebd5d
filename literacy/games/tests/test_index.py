"""The games and competitions index."""

import pytest
from django.utils.html import escape

from literacy.competitions.tests.factories import CompetitionPageFactory
from tests.queries import queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def every_kind(games_index, guess_game, pair_game, quiz_game):
    """One game of each kind and a competition, under the index."""
    return [guess_game, pair_game, quiz_game, CompetitionPageFactory(parent=games_index)]


def test_index_lists_every_live_child_with_its_kind_and_summary(client, games_index, every_kind):
    html = client.get(games_index.url).content.decode()
    for game in every_kind[:3]:
        assert f'href="{game.url}"' in html and escape(game.search_description) in html
    assert "Guess-the-number game" in html and "Timed quiz" in html
    children = games_index.get_children().live().specific()
    assert len(children) == 4
    for child in children:  # competitions too
        assert child.title in html


def test_index_leaves_out_drafts_and_shows_an_empty_state(client, games_index, every_kind):
    every_kind[0].unpublish()
    html = client.get(games_index.url).content.decode()
    assert every_kind[0].title not in html and every_kind[1].title in html
    for child in games_index.get_children():
        child.specific.unpublish()
    html = client.get(games_index.url).content.decode()
    assert "There are no games or competitions yet." in html


def test_index_queries_do_not_grow_with_games(client, games_index, every_kind):
    before = queries_for(client, games_index.url)
    quiz = every_kind[2]
    for n in range(5):
        copy = quiz.copy(update_attrs={"slug": f"quiz-copy-{n}", "title": f"Quiz copy {n}"}, keep_live=True)
        assert copy.live
    assert queries_for(client, games_index.url) == before
