"""Editors build games in the Wagtail admin; staff keep the word list and hide leaderboard entries."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from literacy.games.models import BlockedWord, GuessTheNumberPage, TimedQuizPage
from tests.factories import StaffFactory, UserFactory

from .factories import LeaderboardEntryFactory

pytestmark = pytest.mark.django_db


def add_url(model, parent):
    return reverse("wagtailadmin_pages:add", args=("games", model._meta.model_name, parent.pk))


def source(**fields):
    return {"source": "Census 2021", "source_url": "https://statistics.example/data/census", **fields}


def guess_page_data(**question):
    return nested_form_data(
        {
            "title": "Guess the census",
            "slug": "guess-the-census",
            "intro": "Three figures from the census.",
            "questions": inline_formset(
                [
                    {
                        "prompt": "What share of homes are rented?",
                        "official_answer": "31.5",
                        "unit": "%",
                        "min_value": "0",
                        "max_value": "100",
                        "decimal_places": "1",
                        "explanation": "",
                        "source_page": "",
                        **source(),
                        **question,
                    }
                ],
                min=1,
            ),
            "action-publish": "publish",
        }
    )


def test_editor_creates_and_publishes_a_guess_the_number_game(superuser_client, games_index, client):
    response = superuser_client.post(add_url(GuessTheNumberPage, games_index), guess_page_data())
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    game = GuessTheNumberPage.objects.get(slug="guess-the-census")
    assert game.live and game.questions.get().official_answer == 31.5
    assert client.get(f"{game.url}question/1/").status_code == 200


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ({"official_answer": "120"}, "The official figure must be within the answers allowed."),
        ({"min_value": "50", "max_value": "10", "official_answer": "20"}, "must be above the lowest"),
        ({"source_url": ""}, "Choose a story or dataset page, or give a link to the data."),
    ],
)
def test_the_admin_refuses_questions_that_cannot_be_played(superuser_client, games_index, question, message):
    response = superuser_client.post(add_url(GuessTheNumberPage, games_index), guess_page_data(**question))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not GuessTheNumberPage.objects.filter(slug="guess-the-census").exists()


def test_a_quiz_question_needs_its_right_answer_filled_in(superuser_client, games_index):
    data = nested_form_data(
        {
            "title": "Quiz",
            "slug": "quiz-x",
            "intro": "A quiz.",
            "time_limit_seconds": "60",
            "leaderboard_size": "10",
            "questions": inline_formset(
                [
                    {
                        "prompt": "Which?",
                        "answer_1": "A",
                        "answer_2": "B",
                        "answer_3": "",
                        "answer_4": "",
                        "correct_answer": "4",
                        "explanation": "",
                        "source_page": "",
                        **source(),
                    }
                ],
                min=1,
            ),
            "action-publish": "publish",
        }
    )
    response = superuser_client.post(add_url(TimedQuizPage, games_index), data)
    assert "The correct answer must be one of the answers filled in." in response.content.decode()
    assert not TimedQuizPage.objects.filter(slug="quiz-x").exists()


def test_games_can_only_go_under_the_games_index(superuser_client, home_page):
    response = superuser_client.get(add_url(GuessTheNumberPage, home_page))
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response["Location"] == reverse("wagtailadmin_home")


def test_staff_edit_the_word_list(superuser_client):
    listing = superuser_client.get(reverse("games_blockedword_modeladmin_index"))
    assert listing.status_code == 200 and "ass" in listing.content.decode()
    response = superuser_client.post(
        reverse("games_blockedword_modeladmin_create"), {"word": "badger", "match": "whole_word"}
    )
    assert response.status_code == 302
    assert BlockedWord.objects.get(word="badger").match == "whole_word"


def test_staff_hide_a_leaderboard_entry_but_cannot_add_one(superuser_client, quiz_game):
    entry = LeaderboardEntryFactory(quiz=quiz_game, nickname="Sneaky", score=3, out_of=3, time_taken_ms=1)
    listing = superuser_client.get(reverse("games_leaderboardentry_modeladmin_index"))
    assert "Sneaky" in listing.content.decode()
    assert superuser_client.get(reverse("games_leaderboardentry_modeladmin_create")).status_code in (
        302,
        403,
    )
    edit = reverse("games_leaderboardentry_modeladmin_edit", args=(entry.pk,))
    assert superuser_client.post(edit, {"hidden": "on"}).status_code == 302
    entry.refresh_from_db()
    assert entry.hidden and entry.nickname == "Sneaky" and entry.score == 3


@pytest.mark.parametrize("person", [UserFactory, StaffFactory], ids=["member", "staff"])
def test_people_without_permission_cannot_see_the_word_list(client, person):
    client.force_login(person())
    assert client.get(reverse("games_blockedword_modeladmin_index")).status_code in (302, 403)
