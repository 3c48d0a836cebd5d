"""Scoring of each game and the crowd distribution, as pure functions and one aggregate query."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from literacy.games.crowd import bucket_counts, distribution
from literacy.games.formatting import format_figure, with_unit
from literacy.games.models import GuessAnswer, NumberQuestion, PairQuestion
from literacy.games.scoring import describe_miss, guess_points, next_streak


def question(**fields):
    defaults = {
        "official_answer": Decimal("76.4"),
        "min_value": Decimal(0),
        "max_value": Decimal(100),
        "unit": "%",
        "decimal_places": 1,
    }
    return NumberQuestion(**{**defaults, **fields})


@pytest.mark.parametrize(
    ("guess", "points"), [("76.4", 100), ("71.4", 90), ("81.4", 90), ("51.4", 50), ("26.4", 0), ("0", 0)]
)
def test_guess_points_fall_with_the_miss_relative_to_the_range(guess, points):
    assert guess_points(question(), Decimal(guess)) == points


def test_describe_miss_in_percentage_points_and_relative_terms():
    assert describe_miss(question(), Decimal("60")) == (
        "16.4 percentage points too low (21% below the official figure)."
    )
    assert (
        describe_miss(question(), Decimal("80"))
        == "3.6 percentage points too high (5% above the official figure)."
    )
    assert describe_miss(question(), Decimal("76.41")).startswith("Spot on")
    euros = question(unit="€", official_answer=Decimal(2370), max_value=Decimal(6000), decimal_places=0)
    assert describe_miss(euros, Decimal(2000)) == "€370 too low (16% below the official figure)."


def test_next_streak():
    assert next_streak(0, 0, True) == (1, 1)
    assert next_streak(4, 6, True) == (5, 6)
    assert next_streak(5, 6, False) == (0, 6)
    assert next_streak(7, 6, True) == (8, 8)


def test_the_higher_of_a_pair():
    assert PairQuestion(first_value=Decimal("2.7"), second_value=Decimal("2.4")).higher == "first"
    assert PairQuestion(first_value=Decimal("-3"), second_value=Decimal("-1")).higher == "second"


def test_figures_are_written_with_separators_units_and_no_negative_zero():
    assert format_figure(Decimal("38000"), 0) == "38,000"
    assert format_figure(-0.04, 1) == "0.0"
    assert format_figure(Decimal("-1.25"), 1) == "-1.2"
    assert with_unit("2.4", "%") == "2.4%"
    assert with_unit("2,370", "€") == "€2,370"
    assert with_unit("81.6", "years") == "81.6 years"


@pytest.mark.django_db
def test_crowd_buckets_are_counted_by_the_database(guess_game):
    question = guess_game.questions.get(prompt__startswith="What share")
    values = [0, 9.99, 10, 55, 59.9, 76.4, 76.5, 99.9, 100]
    GuessAnswer.objects.bulk_create(GuessAnswer(question=question, value=value) for value in values)
    other = guess_game.questions.exclude(pk=question.pk).get()
    GuessAnswer.objects.create(question=other, value=5)  # another question's answers are not counted
    with CaptureQueriesContext(connection) as queries:
        counts = bucket_counts(question)
    assert len(queries.captured_queries) == 1
    assert "GROUP BY" in queries.captured_queries[0]["sql"].upper()
    # 0 to under 10, 10 to under 20, ..., and the top value (100) in the last range.
    assert counts == {0: 2, 1: 1, 5: 2, 7: 2, 9: 2}


@pytest.mark.django_db
def test_distribution_shares_markers_and_table_rows(guess_game):
    question = guess_game.questions.get(prompt__startswith="What share")
    GuessAnswer.objects.bulk_create(GuessAnswer(question=question, value=value) for value in [72, 75, 78, 35])
    crowd = distribution(question, Decimal("72"))
    assert crowd["total"] == 4
    rows = crowd["buckets"]
    assert [row.count for row in rows] == [0, 0, 0, 1, 0, 0, 0, 3, 0, 0]
    assert rows[7].share == 75 and rows[7].label == "70.0 to under 80.0"
    assert rows[9].label == "90.0 to 100.0"
    assert rows[7].has_official and rows[7].has_guess and not rows[3].has_official
    assert crowd["busiest"] is rows[7]
    assert rows[7].height > rows[3].height > rows[0].height == 0
    assert crowd["official"].label == "Official 76.4%"
    assert crowd["official"].x > crowd["yours"].x


@pytest.mark.django_db
def test_an_editor_narrowing_the_range_keeps_old_answers_in_the_end_ranges(guess_game):
    question = guess_game.questions.get(prompt__startswith="What share")
    GuessAnswer.objects.bulk_create(GuessAnswer(question=question, value=value) for value in [5, 95])
    question.min_value, question.max_value = Decimal(50), Decimal(90)
    assert bucket_counts(question) == {0: 1, 9: 1}


def test_a_question_checks_its_range_and_source():
    with pytest.raises(Exception, match="official figure must be within"):
        question(official_answer=Decimal(120), source="x", source_url="https://x.example").clean()
    with pytest.raises(Exception, match="above the lowest"):
        question(
            min_value=Decimal(100), max_value=Decimal(0), source="x", source_url="https://x.example"
        ).clean()
    with pytest.raises(Exception, match="story or dataset page"):
        question(source="x").clean()
