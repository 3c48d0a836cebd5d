"""The timed quiz's time limit can be doubled, multiplied by ten or turned off, before the start
and during play (WCAG 2.2.1). The server keeps the choice and applies the limit; only runs
against the standard clock can go on the leaderboard."""

import datetime

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.utils import timezone

from literacy.games.models import LeaderboardEntry
from literacy.games.views.quiz import session_key

from .conftest import token_in
from .test_timed_quiz import answer, run_of

pytestmark = pytest.mark.django_db

HOSTILE = [
    "nonsense",
    "x3",
    "X2",
    "x2 ",
    "x" + "9" * 100_000,
    "<script>alert(1)</script>",
    "off\u202e",
    "' OR 1=1 --",
    "\ufffd\ufffd",  # what undecodable bytes become
]


def start(client, quiz, timer):
    return client.post(f"{quiz.url}start/", {"timer": timer})


def more_time(client, quiz, timer):
    return client.post(f"{quiz.url}play/more-time/", {"timer": timer})


def answer_after(client, quiz, seconds):
    """Open the question, wait ``seconds`` (on the server's clock) and answer it rightly."""
    page = client.get(f"{quiz.url}play/")
    run = run_of(client, quiz)
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=seconds), tick=False):
        return client.post(
            f"{quiz.url}play/", {"question": run["order"][run["index"]], "token": token_in(page), "answer": 2}
        )


def texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_start_screen_offers_more_time_and_says_it_is_not_ranked(client, quiz_game):
    html = client.get(quiz_game.url).content.decode()
    assert "<legend>Time limit (optional)</legend>" in html
    assert 'value="standard" id="id_timer_0" checked' in html
    for label in [
        "1 min: the standard time (your score can go on the leaderboard)",
        "2 min: twice the time (not on the leaderboard)",
        "10 min: ten times the time (not on the leaderboard)",
        "No time limit (not on the leaderboard)",
    ]:
        assert label in html
    assert "Scores from plays with more time or without a timer are shown to you but do not go on" in html


@pytest.mark.parametrize(
    "timer, in_time, too_late, limit",
    [
        ("", 61, 63, 60),  # left out: the standard time
        ("standard", 61, 63, 60),
        ("x2", 121, 123, 120),
        ("x10", 601, 603, 600),
    ],
)
def test_the_server_applies_the_chosen_limit(client, quiz_game, timer, in_time, too_late, limit):
    with time_machine.travel(timezone.now(), tick=False):
        start(client, quiz_game, timer)
        assert f'data-seconds-left="{limit}"' in client.get(f"{quiz_game.url}play/").content.decode()
        answer_after(client, quiz_game, in_time)
        assert run_of(client, quiz_game)["score"] == 1
        response = answer_after(client, quiz_game, too_late)
    assert response["Location"] == f"{quiz_game.url}result/"
    run = run_of(client, quiz_game)
    assert run["score"] == 1 and run["late"] and run["time_taken_ms"] == limit * 1000


def test_with_the_timer_off_answers_count_hours_later(client, quiz_game):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        start(client, quiz_game, "off")
        play = client.get(f"{quiz_game.url}play/").content.decode()
        assert "No time limit" in play and 'role="timer"' not in play
        traveller.shift(datetime.timedelta(hours=10))
        assert client.get(f"{quiz_game.url}play/").status_code == 200  # not "time is up"
        for _ in range(3):
            answer_after(client, quiz_game, 3600)
    run = run_of(client, quiz_game)
    assert run["score"] == 3 and not run["late"] and run["finished"] is not None
    assert run["time_taken_ms"] == 11 * 3600 * 1000  # each answer an hour after the ten hours


@pytest.mark.parametrize("value", HOSTILE)
def test_a_bad_choice_at_the_start_gets_a_message_and_no_run(client, quiz_game, value):
    response = start(client, quiz_game, value)
    assert response.status_code == 400
    assert "Time limit: Choose one of the time limits shown." in response.content.decode()
    assert session_key(quiz_game) not in client.session


def test_a_nul_in_the_choice_is_a_bad_request(client, quiz_game):
    assert start(client, quiz_game, "x2\x00").status_code == 400
    assert session_key(quiz_game) not in client.session


def test_bytes_that_are_not_utf_8_get_a_message(client, quiz_game):
    body = "timer=%ED%A0%80%FF"  # a lone surrogate and a stray byte
    response = client.post(f"{quiz_game.url}start/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400 and "Choose one of the time limits shown." in response.content.decode()


def test_more_time_during_play_and_never_less(client, quiz_game):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        start(client, quiz_game, "standard")
        play = client.get(f"{quiz_game.url}play/").content.decode()
        assert "Double my time" in play and "Turn the timer off" in play
        traveller.shift(datetime.timedelta(seconds=50))
        response = more_time(client, quiz_game, "x2")
        assert response["Location"] == f"{quiz_game.url}play/"
        assert texts(response) == ["You now have twice the time."]
        play = client.get(f"{quiz_game.url}play/").content.decode()
        assert 'data-seconds-left="70"' in play and "Double my time" not in play
        answer_after(client, quiz_game, 60)  # 110 s after the start: in time
        assert run_of(client, quiz_game)["score"] == 1
        assert texts(more_time(client, quiz_game, "off")) == ["The timer is off."]
        more_time(client, quiz_game, "x10")  # less than none: ignored
        assert run_of(client, quiz_game)["timer"] == "off"
        answer_after(client, quiz_game, 3600)
    assert run_of(client, quiz_game)["score"] == 2


@pytest.mark.parametrize("value", ["", "standard", *HOSTILE])
def test_a_bad_choice_during_play_gets_a_message_and_changes_nothing(client, quiz_game, value):
    start(client, quiz_game, "standard")
    response = more_time(client, quiz_game, value)
    assert response["Location"] == f"{quiz_game.url}play/"
    assert texts(response) == ["Choose one of the buttons for more time shown below the question."]
    assert run_of(client, quiz_game)["timer"] == "standard"


def test_more_time_cannot_revive_a_run_whose_time_is_up(client, quiz_game):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        start(client, quiz_game, "standard")
        traveller.shift(datetime.timedelta(seconds=61))
        assert more_time(client, quiz_game, "off")["Location"] == f"{quiz_game.url}play/"
        assert run_of(client, quiz_game)["timer"] == "standard"
        assert client.get(f"{quiz_game.url}play/")["Location"] == f"{quiz_game.url}result/"
    assert client.get(f"{quiz_game.url}play/more-time/")["Location"] == f"{quiz_game.url}result/"


def test_the_answer_form_cannot_change_the_timer(client, quiz_game):
    start(client, quiz_game, "standard")
    answer(client, quiz_game, timer="off")
    assert run_of(client, quiz_game)["timer"] == "standard"


def finish_with(client, quiz, timer, extend_to=None):
    start(client, quiz, timer)
    if extend_to:
        more_time(client, quiz, extend_to)
    for _ in range(3):
        answer(client, quiz)


@pytest.mark.parametrize(
    "timer, extend_to, played_with",
    [
        ("x2", None, "twice the time"),
        ("off", None, "no time limit"),
        ("standard", "x10", "ten times the time"),
    ],
)
def test_runs_with_more_time_are_scored_but_never_ranked(client, quiz_game, timer, extend_to, played_with):
    finish_with(client, quiz_game, timer, extend_to)
    result = client.get(f"{quiz_game.url}result/").content.decode()
    assert "You scored <strong>3 out of 3</strong>" in result
    assert f"You played with {played_with}, so this score is yours to see but does not go on the" in result
    assert "Add my score" not in result and 'name="nickname"' not in result
    response = client.post(f"{quiz_game.url}result/", {"nickname": "Sneaky", "token": "forged"})
    assert response["Location"] == f"{quiz_game.url}result/"
    assert "do not go on the leaderboard" in texts(response)[0]
    assert not LeaderboardEntry.objects.exists()


def test_a_run_against_the_standard_clock_can_still_be_ranked(client, quiz_game):
    finish_with(client, quiz_game, "standard")
    page = client.get(f"{quiz_game.url}result/")
    assert "Add my score" in page.content.decode()
    client.post(f"{quiz_game.url}result/", {"nickname": "Steady", "token": token_in(page)})
    assert LeaderboardEntry.objects.get().nickname == "Steady"


@time_machine.travel(datetime.datetime(2026, 11, 19, 12, 0, tzinfo=datetime.UTC), tick=False)
def test_a_run_begun_before_the_choice_existed_is_standard(client, quiz_game):
    start(client, quiz_game, "standard")
    session = client.session
    run = session[session_key(quiz_game)]
    del run["timer"]
    session[session_key(quiz_game)] = run
    session.save()
    assert 'data-seconds-left="60"' in client.get(f"{quiz_game.url}play/").content.decode()
