"""Guess the number, through the site: estimate, result, crowd, and every kind of bad input."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from literacy.games.models import GuessAnswer

from .conftest import token_in

pytestmark = pytest.mark.django_db


def answers_to(game):
    """This game's stored answers, not another game's."""
    return GuessAnswer.objects.filter(question__page=game)


def first_question(game):
    return game.questions.order_by("sort_order").first()


def answer(client, game, guess, position=1, **overrides):
    page = client.get(f"{game.url}question/{position}/")
    question = game.questions.order_by("sort_order")[position - 1]
    data = {"question": question.pk, "token": token_in(page), "guess": guess, **overrides}
    return client.post(f"{game.url}question/{position}/", data)


def test_start_page_counts_questions(client, guess_game):
    response = client.get(guess_game.url)
    assert response.status_code == 200
    assert "There are 2 questions" in response.content.decode()
    assert f'href="{guess_game.url}question/1/"' in response.content.decode()


def test_the_question_page_does_not_give_the_answer_away(client, guess_game):
    response = client.get(f"{guess_game.url}question/1/")
    html = response.content.decode()
    assert "What share of households own a car?" in html
    assert "76.4" not in html
    assert "Household budget survey" not in html  # the source comes with the answer
    assert 'min="0"' in html and 'max="100"' in html
    assert response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]


def test_an_estimate_is_stored_once_and_the_result_shows_the_official_figure(client, guess_game):
    response = answer(client, guess_game, "60")
    assert response.status_code == 302
    assert response["Location"] == f"{guess_game.url}question/1/result/#result"
    assert list(answers_to(guess_game).values_list("value", flat=True)) == [60.0]

    result = client.get(f"{guess_game.url}question/1/result/")
    html = result.content.decode()
    assert "Official figure" in html and "76.4%" in html
    assert "16.4 percentage points too low" in html
    assert "67 <span" in html  # points: 100 - 200 * 16.4 / 100
    assert "How 1 player guessed" in html
    assert '<table class="chart__table">' in html and "<svg" in html
    assert "Household budget survey, 2025" in html
    assert 'href="https://statistics.example/data/cars"' in html
    assert f'href="{guess_game.url}question/2/"' in html


def test_the_crowd_includes_everyone_so_far(client, guess_game):
    question = first_question(guess_game)
    GuessAnswer.objects.bulk_create(GuessAnswer(question=question, value=value) for value in [72, 75, 35])
    answer(client, guess_game, "78")
    html = client.get(f"{guess_game.url}question/1/result/").content.decode()
    assert "How 4 players guessed" in html
    assert "The most common estimates were from 70.0 to under 80.0 (%): 75% of players." in html


def test_result_before_answering_goes_to_the_question(client, guess_game):
    response = client.get(f"{guess_game.url}question/1/result/")
    assert response.status_code == 302 and response["Location"] == f"{guess_game.url}question/1/"


@pytest.mark.parametrize(
    ("guess", "message"),
    [
        ("", "Enter your estimate."),
        ("abc", "Enter a number, like 42"),
        ("NaN", "Enter a number, like 42"),
        ("Infinity", "Enter a number, like 42"),
        ("1e400", "Enter a number from 0.0 to 100.0."),
        ("-1", "Enter a number from 0.0 to 100.0."),
        ("100.5", "Enter a number from 0.0 to 100.0."),
        ("<script>alert(1)</script>", "Enter a number, like 42"),
        ("9" * 40, "Enter a number from 0.0 to 100.0."),
    ],
)
def test_bad_estimates_are_refused_with_a_message_and_nothing_stored(client, guess_game, guess, message):
    response = answer(client, guess_game, guess)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "There is a problem" in html
    assert "<script>alert(1)</script>" not in html
    assert "76.4" not in html
    assert not answers_to(guess_game).exists()


def test_a_replayed_submission_is_not_stored_twice(client, guess_game):
    page = client.get(f"{guess_game.url}question/1/")
    data = {"question": first_question(guess_game).pk, "token": token_in(page), "guess": "50"}
    assert client.post(f"{guess_game.url}question/1/", data).status_code == 302
    again = client.post(f"{guess_game.url}question/1/", data, follow=True)
    assert "You have already answered this question" in again.content.decode()
    assert answers_to(guess_game).count() == 1


def test_a_used_or_made_up_token_is_refused(client, guess_game):
    client.get(f"{guess_game.url}question/1/")
    data = {"question": first_question(guess_game).pk, "token": "made-up", "guess": "50"}
    response = client.post(f"{guess_game.url}question/1/", data)
    assert response.status_code == 400
    assert "already sent, or the page was open so long" in response.content.decode()
    assert 'value="50"' in response.content.decode()  # what they typed is kept
    assert not answers_to(guess_game).exists()


def test_an_answer_from_another_browser_session_is_refused(client, guess_game):
    from django.test import Client

    page = client.get(f"{guess_game.url}question/1/")
    stranger = Client()
    data = {"question": first_question(guess_game).pk, "token": token_in(page), "guess": "50"}
    assert stranger.post(f"{guess_game.url}question/1/", data).status_code == 400
    assert not answers_to(guess_game).exists()


@pytest.mark.parametrize("question_id", ["other", "999999", "abc", "", "1" * 30])
def test_a_tampered_question_id_is_refused(client, guess_game, question_id):
    other = guess_game.questions.order_by("sort_order")[1].pk
    tampered = {"other": other}.get(question_id, question_id)
    response = answer(client, guess_game, "50", question=tampered)
    assert response.status_code == 400
    assert "not the one shown here" in response.content.decode()
    assert not answers_to(guess_game).exists()


@pytest.mark.parametrize("position", [0, 3, 99])
def test_no_such_question(client, guess_game, position):
    assert client.get(f"{guess_game.url}question/{position}/").status_code == 404


def test_answers_are_rate_limited(client, guess_game, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "game_answer": "1/m/ip"}
    assert answer(client, guess_game, "abc").status_code == 400
    assert answer(client, guess_game, "50").status_code == 429
    assert not answers_to(guess_game).exists()


def test_get_needs_no_csrf_but_post_does(guess_game):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    page = strict.get(f"{guess_game.url}question/1/")
    data = {"question": first_question(guess_game).pk, "token": token_in(page), "guess": "50"}
    assert strict.post(f"{guess_game.url}question/1/", data).status_code == 403
    assert not answers_to(guess_game).exists()


def test_summary_lists_answers_with_points(client, guess_game):
    empty = client.get(f"{guess_game.url}results/")
    assert "You have not answered any questions yet." in empty.content.decode()
    answer(client, guess_game, "76.4")
    answer(client, guess_game, "6.94", position=2)
    html = client.get(f"{guess_game.url}results/").content.decode()
    assert "180 points out of 200, from 2 of 2 questions." in html
    assert "6.94 million" in html and "5.94 million" in html


def queries_to_answer(client, game):
    page = client.get(f"{game.url}question/1/")
    data = {"question": first_question(game).pk, "token": token_in(page), "guess": "50"}
    with CaptureQueriesContext(connection) as post:
        answered = client.post(f"{game.url}question/1/", data)
    # Once seen failing with 400 on PostgreSQL, not reproduced: the refusal's words say which check.
    assert answered.status_code == 302, answered.context["form"].errors if answered.context else answered
    with CaptureQueriesContext(connection) as result:
        assert client.get(f"{game.url}question/1/result/").status_code == 200
    return len(post.captured_queries), len(result.captured_queries)


def test_answering_takes_the_same_queries_with_10_or_1000_answers_stored(guess_game):
    from django.test import Client

    question = first_question(guess_game)
    GuessAnswer.objects.bulk_create(GuessAnswer(question=question, value=n % 100) for n in range(10))
    queries_to_answer(Client(), guess_game)  # warm the per-process caches
    few = queries_to_answer(Client(), guess_game)
    GuessAnswer.objects.bulk_create(GuessAnswer(question=question, value=n % 100) for n in range(1000))
    many = queries_to_answer(Client(), guess_game)
    assert few == many
    assert many[0] <= 20 and many[1] <= 20
