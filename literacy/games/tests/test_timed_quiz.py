"""The timed quiz through the site: a clock kept on the server, scores, and the leaderboard."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from literacy.games.models import BlockedWord, LeaderboardEntry
from literacy.games.views.quiz import session_key

from .conftest import token_in
from .factories import BlockedWordFactory

pytestmark = pytest.mark.django_db


def start(client, quiz):
    return client.post(f"{quiz.url}start/")


def answer(client, quiz, choice=2, **overrides):
    page = client.get(f"{quiz.url}play/")
    run = client.session[session_key(quiz)]
    data = {"question": run["order"][run["index"]], "token": token_in(page), "answer": choice, **overrides}
    return client.post(f"{quiz.url}play/", data)


def run_of(client, quiz):
    return client.session[session_key(quiz)]


def finish(client, quiz, right=3):
    start(client, quiz)
    for number in range(3):
        answer(client, quiz, choice=2 if number < right else 1)


def test_intro_shows_the_rules_and_empty_leaderboards(client, quiz_game):
    html = client.get(quiz_game.url).content.decode()
    assert "3 questions, 1 min on the clock" in html
    assert "No scores yet this week" in html and "No scores yet." in html
    assert "Right B1" not in html  # no question before the start


def test_a_run_scores_right_answers_and_shows_the_review(client, quiz_game):
    assert start(client, quiz_game)["Location"] == f"{quiz_game.url}play/"
    play = client.get(f"{quiz_game.url}play/").content.decode()
    assert "Question number 1?" in play and "Question 1 of 3" in play
    assert "Right B1" in play  # the choices are shown; which one is right is not
    answer(client, quiz_game, choice=2)
    feedback = client.get(f"{quiz_game.url}play/").content.decode()
    assert "Right!" in feedback and "Score: <strong>1</strong>" in feedback
    answer(client, quiz_game, choice=1)
    assert (
        "Not quite. Question number 2? Right answer: Right B2."
        in client.get(f"{quiz_game.url}play/").content.decode()
    )
    response = answer(client, quiz_game, choice=2)
    assert response["Location"] == f"{quiz_game.url}result/"
    result = client.get(f"{quiz_game.url}result/").content.decode()
    assert "You scored <strong>2 out of 3</strong>" in result
    assert "Your answer: Wrong A2 <strong>(wrong)</strong>. Right answer: Right B2." in result
    assert "Census 2021" in result


def test_answers_after_the_time_limit_are_not_counted(client, quiz_game):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        start(client, quiz_game)
        answer(client, quiz_game)
        page = client.get(f"{quiz_game.url}play/")
        run = run_of(client, quiz_game)
        traveller.shift(datetime.timedelta(seconds=63))
        response = client.post(
            f"{quiz_game.url}play/", {"question": run["order"][1], "token": token_in(page), "answer": 2}
        )
    assert response["Location"] == f"{quiz_game.url}result/"
    run = run_of(client, quiz_game)
    assert run["score"] == 1 and run["late"] and run["time_taken_ms"] == 60_000
    result = client.get(f"{quiz_game.url}result/").content.decode()
    assert "Time ran out before your last answer arrived" in result
    assert "You scored <strong>1 out of 3</strong> in 1 min." in result


def test_an_answer_just_inside_the_grace_period_counts(client, quiz_game):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        start(client, quiz_game)
        page = client.get(f"{quiz_game.url}play/")
        run = run_of(client, quiz_game)
        traveller.shift(datetime.timedelta(seconds=61))
        client.post(
            f"{quiz_game.url}play/", {"question": run["order"][0], "token": token_in(page), "answer": 2}
        )
    assert run_of(client, quiz_game)["score"] == 1


def test_opening_the_question_after_the_time_is_up_ends_the_run(client, quiz_game):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        start(client, quiz_game)
        traveller.shift(datetime.timedelta(seconds=90))
        response = client.get(f"{quiz_game.url}play/", follow=True)
    assert "Time is up." in response.content.decode()
    assert run_of(client, quiz_game)["time_taken_ms"] == 60_000


def test_the_clock_is_the_servers_not_the_forms(client, quiz_game):
    start(client, quiz_game)
    answer(client, quiz_game, started="0", time_taken_ms="1")
    run = run_of(client, quiz_game)
    assert run["score"] == 1 and run["started"] > 1_000_000


def test_a_replayed_answer_is_refused(client, quiz_game):
    start(client, quiz_game)
    page = client.get(f"{quiz_game.url}play/")
    run = run_of(client, quiz_game)
    data = {"question": run["order"][0], "token": token_in(page), "answer": 2}
    client.post(f"{quiz_game.url}play/", data)
    again = client.post(f"{quiz_game.url}play/", data)
    assert again.status_code == 400 and "already sent" in again.content.decode()
    assert run_of(client, quiz_game)["score"] == 1 and run_of(client, quiz_game)["index"] == 1


def test_a_tampered_question_id_is_refused(client, quiz_game):
    start(client, quiz_game)
    other = run_of(client, quiz_game)["order"][2]
    response = answer(client, quiz_game, question=other)
    assert response.status_code == 400 and "not the one shown here" in response.content.decode()
    assert run_of(client, quiz_game)["index"] == 0


@pytest.mark.parametrize("choice", ["", "4", "0", "x", "<script>"])
def test_an_answer_that_is_not_one_of_the_choices_is_refused(client, quiz_game, choice):
    start(client, quiz_game)
    response = answer(client, quiz_game, choice=choice)
    assert response.status_code == 400
    assert "Choose" in response.content.decode()
    assert run_of(client, quiz_game)["index"] == 0


def test_playing_without_starting_goes_to_the_intro(client, quiz_game):
    assert client.get(f"{quiz_game.url}play/")["Location"] == quiz_game.url
    assert client.get(f"{quiz_game.url}result/")["Location"] == quiz_game.url
    assert client.get(f"{quiz_game.url}start/")["Location"] == quiz_game.url


def test_a_finished_run_goes_on_the_leaderboard_once_without_an_email(client, quiz_game):
    finish(client, quiz_game, right=3)
    result = client.get(f"{quiz_game.url}result/")
    data = {"token": token_in(result), "nickname": "  Data   Detective "}
    response = client.post(f"{quiz_game.url}result/", data)
    entry = LeaderboardEntry.objects.get(quiz=quiz_game)
    assert response["Location"] == f"{quiz_game.url}leaderboard/#entry-{entry.pk}"
    assert (entry.nickname, entry.score, entry.out_of) == ("Data Detective", 3, 3)
    again = client.post(f"{quiz_game.url}result/", data)
    assert again.status_code == 302 and LeaderboardEntry.objects.filter(quiz=quiz_game).count() == 1
    board = client.get(f"{quiz_game.url}leaderboard/").content.decode()
    assert "Data Detective" in board and "@" not in board.split("<main")[1].split("</main>")[0]


@pytest.mark.parametrize(
    ("nickname", "message"),
    [
        ("B1gAss", None),
        ("Big Ass", "choose a different nickname"),
        ("<img src=x onerror=1>", "letters, numbers, spaces"),
        ("sh1t happens", "choose a different nickname"),
        ("x" * 25, "at most 24 characters"),
    ],
)
def test_bad_nicknames_are_refused_and_nothing_is_stored(client, quiz_game, nickname, message):
    finish(client, quiz_game)
    result = client.get(f"{quiz_game.url}result/")
    response = client.post(f"{quiz_game.url}result/", {"token": token_in(result), "nickname": nickname})
    if message is None:  # "ass" is a whole-word entry: inside "B1gAss" it is allowed
        assert response.status_code == 302 and LeaderboardEntry.objects.filter(quiz=quiz_game).count() == 1
        return
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "<img src=x onerror" not in html
    assert not LeaderboardEntry.objects.filter(quiz=quiz_game).exists()
    retry = client.post(f"{quiz_game.url}result/", {"token": token_in(response), "nickname": "Fine Name"})
    assert retry.status_code == 302 and LeaderboardEntry.objects.get(quiz=quiz_game).nickname == "Fine Name"


def test_scores_cannot_be_sent_without_the_results_token(client, quiz_game):
    finish(client, quiz_game)
    response = client.post(f"{quiz_game.url}result/", {"token": "forged", "nickname": "Sneaky"})
    assert response.status_code == 400 and not LeaderboardEntry.objects.filter(quiz=quiz_game).exists()


def test_score_submissions_are_rate_limited(client, quiz_game, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "game_score": "1/m/ip"}
    finish(client, quiz_game)
    result = client.get(f"{quiz_game.url}result/")
    client.post(f"{quiz_game.url}result/", {"token": "forged", "nickname": "One"})
    response = client.post(f"{quiz_game.url}result/", {"token": token_in(result), "nickname": "Two"})
    assert response.status_code == 429 and not LeaderboardEntry.objects.filter(quiz=quiz_game).exists()


def test_blank_nickname_shows_as_anonymous(client, quiz_game):
    finish(client, quiz_game)
    result = client.get(f"{quiz_game.url}result/")
    client.post(f"{quiz_game.url}result/", {"token": token_in(result), "nickname": ""})
    assert "Anonymous player" in client.get(f"{quiz_game.url}leaderboard/").content.decode()


def test_a_word_list_entry_added_by_staff_is_enforced(client, quiz_game):
    BlockedWordFactory(word="badger", match=BlockedWord.Match.ANYWHERE)
    finish(client, quiz_game)
    result = client.get(f"{quiz_game.url}result/")
    response = client.post(f"{quiz_game.url}result/", {"token": token_in(result), "nickname": "B4DG3R fan"})
    assert response.status_code == 400 and not LeaderboardEntry.objects.filter(quiz=quiz_game).exists()
