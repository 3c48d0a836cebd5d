"""The games and competitions index, and the demo games."""

import io

import pytest
from django.core.management import call_command
from django.utils.html import escape
from wagtail.models import Page

from literacy.competitions.tests.factories import CompetitionPageFactory
from literacy.games.models import (
    GamesIndexPage,
    GuessAnswer,
    GuessTheNumberPage,
    HigherOrLowerPage,
    LeaderboardEntry,
    TimedQuizPage,
)
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


def test_demo_has_one_game_of_each_kind_with_ten_sourced_questions():
    for model in (GuessTheNumberPage, HigherOrLowerPage, TimedQuizPage):
        game = model.objects.get()
        assert game.live and game.get_parent().specific_class is GamesIndexPage
        questions = list(game.questions.select_related("source_page"))
        assert len(questions) >= 10
        for question in questions:
            assert "(demo)" in question.source
            assert question.source_page is not None and question.source_page.url.startswith("/stories/")
            question.full_clean(exclude=["page"])
    assert GuessAnswer.objects.filter(question__page=GuessTheNumberPage.objects.get()).count() >= 600
    assert LeaderboardEntry.objects.exists()


def test_demo_games_play(client):
    guess = GuessTheNumberPage.objects.get()
    assert client.get(f"{guess.url}question/1/").status_code == 200
    assert client.get(HigherOrLowerPage.objects.get().url).status_code == 200
    assert client.get(TimedQuizPage.objects.get().url).status_code == 200


def test_loading_the_demo_again_changes_nothing():
    pages, answers = Page.objects.count(), GuessAnswer.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert (Page.objects.count(), GuessAnswer.objects.count()) == (pages, answers)
