"""Leaderboard ordering, ties, ISO weeks and hidden entries."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from literacy.games import leaderboard

from .factories import LeaderboardEntryFactory

pytestmark = pytest.mark.django_db

# Thursday of ISO week 2026-W47 (Monday 16 to Sunday 22 November), noon in the site's time zone.
THURSDAY = datetime.datetime(2026, 11, 19, 12, 0)


def at(day, hour=12, minute=0):
    return timezone.make_aware(datetime.datetime(2026, 11, day, hour, minute))


def entry(quiz, nickname, score, seconds, submitted_at, **fields):
    return LeaderboardEntryFactory(
        quiz=quiz,
        nickname=nickname,
        score=score,
        out_of=3,
        time_taken_ms=seconds * 1000,
        submitted_at=submitted_at,
        **fields,
    )


def names(entries):
    return [item.nickname for item in entries]


def test_ranking_is_score_then_time_then_earliest(quiz_game):
    entry(quiz_game, "Slow", 3, 50, at(17))
    entry(quiz_game, "Fast", 3, 20, at(18))
    entry(quiz_game, "Tie later", 2, 30, at(18, 9))
    entry(quiz_game, "Tie first", 2, 30, at(17, 9))
    entry(quiz_game, "Low", 1, 5, at(16))
    assert names(leaderboard.top_of_all_time(quiz_game, 10)) == [
        "Fast",
        "Slow",
        "Tie first",
        "Tie later",
        "Low",
    ]


def test_exact_ties_are_ordered_by_entry(quiz_game):
    first = entry(quiz_game, "A", 2, 30, at(17))
    second = entry(quiz_game, "B", 2, 30, at(17))
    assert [item.pk for item in leaderboard.top_of_all_time(quiz_game, 10)] == [first.pk, second.pk]


def test_weeks_run_monday_to_sunday_in_the_site_time_zone(quiz_game):
    entry(quiz_game, "Sunday before", 3, 10, at(15, 23, 59))
    entry(quiz_game, "Monday start", 1, 10, at(16, 0, 0))
    entry(quiz_game, "Sunday end", 2, 10, at(22, 23, 59))
    entry(quiz_game, "Next Monday", 3, 10, at(23, 0, 0))
    monday = datetime.date(2026, 11, 16)
    assert names(leaderboard.top_of_week(quiz_game, monday, 10)) == ["Sunday end", "Monday start"]
    assert len(leaderboard.top_of_all_time(quiz_game, 10)) == 4


def test_limit_and_hidden_entries(quiz_game):
    for n in range(5):
        entry(quiz_game, f"P{n}", n, 10, at(17))
    entry(quiz_game, "Hidden", 9, 1, at(17), hidden=True)
    assert names(leaderboard.top_of_all_time(quiz_game, 3)) == ["P4", "P3", "P2"]


@time_machine.travel(THURSDAY)
def test_week_parsing():
    assert leaderboard.current_week() == datetime.date(2026, 11, 16)
    assert leaderboard.parse_week("2026-W46") == datetime.date(2026, 11, 9)
    assert leaderboard.parse_week("2026-W48") is None  # the future
    assert leaderboard.parse_week("2026-W45", first=datetime.date(2026, 11, 9)) is None
    assert leaderboard.parse_week("2026-W46", first=datetime.date(2026, 11, 9)) == datetime.date(2026, 11, 9)
    for bad in ["", "2026-W54", "2026-47", "abcd-Wxy", "2026-W00", None]:
        assert leaderboard.parse_week(bad) is None
    assert leaderboard.week_label(datetime.date(2026, 1, 1)) == "2026-W01"


@time_machine.travel(THURSDAY)
def test_leaderboard_page_this_week_past_weeks_and_all_time(client, quiz_game):
    entry(quiz_game, "This Week", 2, 10, at(17))
    entry(quiz_game, "Last Week", 3, 10, at(10))
    html = client.get(f"{quiz_game.url}leaderboard/").content.decode()
    weekly, all_time = html.split('id="all-time-heading"')
    assert "This Week" in weekly and "Last Week" not in weekly
    assert all_time.index("Last Week") < all_time.index("This Week")
    assert 'href="?week=2026-W46" rel="nofollow"' in html and "Next week" not in html
    past = client.get(f"{quiz_game.url}leaderboard/?week=2026-W46").content.decode()
    assert "Week of 9 November 2026" in past and 'href="?week=2026-W47" rel="nofollow"' in past
    assert "Last Week" in past.split('id="all-time-heading"')[0]
    assert "Previous week" not in past  # the first week with a score


@pytest.mark.parametrize(
    "week",
    [
        "<script>",
        "9999-99",
        "9999-W52",  # the future
        "2026-W48",  # next week
        "2026-W45",  # before the first score
        "0000-W01",
        "0001-W01",
        "2026-W00",
        "2026-W54",
        "-2026-W46",
        "2026-W-1",
        "99999999999-W01",
        "2026-W46\n",
        "\u0662\u0660\u0662\u0666-W46",  # Arabic-Indic digits
        "2026-W46" * 1000,
        "' OR 1=1 --",
    ],
)
@time_machine.travel(THURSDAY)
def test_weeks_outside_the_data_or_malformed_are_not_found(client, quiz_game, week):
    entry(quiz_game, "Last Week", 3, 10, at(10))
    assert client.get(f"{quiz_game.url}leaderboard/", {"week": week}).status_code == 404


@pytest.mark.parametrize("query", ["week=2026-W46%00", "week=%00"])
@time_machine.travel(THURSDAY)
def test_a_nul_in_the_week_is_a_bad_request(client, quiz_game, query):
    assert client.get(f"{quiz_game.url}leaderboard/?{query}").status_code == 400


@time_machine.travel(THURSDAY)
def test_weeks_from_the_first_score_to_this_one_are_shown_and_the_links_stop_at_the_ends(client, quiz_game):
    entry(quiz_game, "Hidden first", 1, 10, at(2), hidden=True)  # hidden: not the data's start
    entry(quiz_game, "First", 3, 10, at(10))
    url = f"{quiz_game.url}leaderboard/"
    first = client.get(url, {"week": "2026-W46"}).content.decode()
    assert "Previous week" not in first and 'href="?week=2026-W47" rel="nofollow">Next week' in first
    assert client.get(url, {"week": "2026-W45"}).status_code == 404
    this = client.get(url, {"week": "2026-W47"}).content.decode()
    assert 'href="?week=2026-W46" rel="nofollow">Previous week' in this and "Next week" not in this
    assert client.get(url, {"week": ""}).status_code == 200  # empty: this week


@time_machine.travel(THURSDAY)
def test_without_scores_only_this_week_is_shown(client, quiz_game):
    url = f"{quiz_game.url}leaderboard/"
    html = client.get(url).content.decode()
    assert "Previous week" not in html and "Next week" not in html
    assert client.get(url, {"week": "2026-W46"}).status_code == 404
    assert client.get(url, {"week": "2026-W47"}).status_code == 200


def test_leaderboard_queries_do_not_grow_with_entries(client, quiz_game):
    from tests.queries import queries_for

    entry(quiz_game, "One", 1, 10, timezone.now())
    few = queries_for(client, f"{quiz_game.url}leaderboard/")
    for n in range(40):
        entry(quiz_game, f"P{n}", n % 4, 10 + n, timezone.now())
    assert queries_for(client, f"{quiz_game.url}leaderboard/") == few
    assert queries_for(client, quiz_game.url) <= few + 2
