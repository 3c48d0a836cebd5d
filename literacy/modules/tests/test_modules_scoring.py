"""Answer checking for each question type, including tolerance edges and tampered input."""

from decimal import Decimal

import pytest
from wagtail.blocks import StreamValue

from literacy.modules.blocks import CheckBlocks
from literacy.modules.scoring import AnswerError, check, display_order, parse_number, percentage

from .module_helpers import multiple_choice, numeric, ordering, query_dict, single_choice


def block(spec):
    """A question block as a page holds it: with an id, its value in native form."""
    stream = StreamValue(CheckBlocks(), [spec])
    return stream[0]


def score(spec, data):
    question = block(spec)
    return check(question.block_type, question.value, query_dict(data), question.id, "q")


class TestSingleChoice:
    def test_the_right_option_scores(self):
        assert score(single_choice(), {"q": "1"}).correct is True
        assert score(single_choice(), {"q": "1"}).answer == 1

    def test_a_wrong_option_does_not(self):
        assert score(single_choice(), {"q": "0"}).correct is False

    @pytest.mark.parametrize("raw", ["3", "-1", "99999999999999999999", "1.0", "one", "", " "])
    def test_an_option_that_does_not_exist_is_refused(self, raw):
        with pytest.raises(AnswerError):
            score(single_choice(), {"q": raw})

    def test_no_answer_is_refused(self):
        with pytest.raises(AnswerError, match="Choose an answer"):
            score(single_choice(), {})


class TestMultipleChoice:
    def test_exactly_the_right_options_score(self):
        assert score(multiple_choice(), {"q": ["0", "2"]}).correct is True
        assert score(multiple_choice(), {"q": ["2", "0"]}).answer == [0, 2]

    @pytest.mark.parametrize("chosen", [["0"], ["0", "1", "2"], ["1"]])
    def test_some_or_too_many_options_do_not_score(self, chosen):
        assert score(multiple_choice(), {"q": chosen}).correct is False

    def test_the_same_option_twice_is_refused(self):
        with pytest.raises(AnswerError, match="at most once"):
            score(multiple_choice(), {"q": ["0", "0"]})

    def test_more_answers_than_options_are_refused(self):
        with pytest.raises(AnswerError):
            score(multiple_choice(), {"q": ["0", "1", "2", "0"]})

    @pytest.mark.parametrize("chosen", [["3"], ["0", "x"], ["-1"]])
    def test_options_that_do_not_exist_are_refused(self, chosen):
        with pytest.raises(AnswerError):
            score(multiple_choice(), {"q": chosen})

    def test_nothing_chosen_is_refused(self):
        with pytest.raises(AnswerError, match="at least one"):
            score(multiple_choice(), {})


class TestNumeric:
    @pytest.mark.parametrize("typed", ["10", "9.5", "10.5", "10.50", " 10 ", "10,5", "1e1"])
    def test_answers_within_the_tolerance_score(self, typed):
        assert score(numeric("10", "0.5"), {"q": typed}).correct is True

    @pytest.mark.parametrize("typed", ["9.49", "10.51", "-10", "0", "105"])
    def test_answers_just_outside_it_do_not(self, typed):
        assert score(numeric("10", "0.5"), {"q": typed}).correct is False

    def test_with_no_tolerance_only_the_exact_number_scores(self):
        assert score(numeric("3.3", "0"), {"q": "3.3"}).correct is True
        # Decimal arithmetic: 3.3 is not "almost" 3.3000000001 as a float would have it.
        assert score(numeric("3.3", "0"), {"q": "3.3000000001"}).correct is False

    def test_thousands_separators_and_spaces_are_read(self):
        assert parse_number("5,940,000") == Decimal("5940000")
        assert parse_number("1 000") == Decimal("1000")
        assert parse_number("2,5") == Decimal("2.5")

    def test_the_stored_answer_is_the_number_as_text(self):
        assert score(numeric(), {"q": "10.50"}).answer == "10.5"

    @pytest.mark.parametrize(
        "typed", ["ten", "", "   ", "NaN", "Infinity", "-inf", "1.2.3", "12%", "<b>1</b>", "9" * 31]
    )
    def test_what_is_not_a_number_is_refused(self, typed):
        with pytest.raises(AnswerError):
            score(numeric(), {"q": typed})

    def test_no_answer_is_refused(self):
        with pytest.raises(AnswerError, match="Type a number"):
            score(numeric(), {})


class TestOrdering:
    def positions(self, question, learner_order):
        """The positions a learner gives the items as shown, to put them in `learner_order`."""
        shown = display_order(question.id, len(question.value["items"]))
        return {f"q-{slot}": str(learner_order.index(item) + 1) for slot, item in enumerate(shown)}

    def test_the_right_order_scores(self):
        question = block(ordering())
        result = check(
            "ordering", question.value, query_dict(self.positions(question, [0, 1, 2, 3])), question.id, "q"
        )
        assert result.correct is True
        assert result.answer == [0, 1, 2, 3]

    def test_another_order_does_not(self):
        question = block(ordering())
        data = query_dict(self.positions(question, [1, 0, 2, 3]))
        result = check("ordering", question.value, data, question.id, "q")
        assert result.correct is False
        assert result.answer == [1, 0, 2, 3]

    @pytest.mark.parametrize(
        "positions",
        [
            {"q-0": "1", "q-1": "1", "q-2": "2", "q-3": "3"},  # the same position twice
            {"q-0": "1", "q-1": "2", "q-2": "3"},  # one missing
            {"q-0": "1", "q-1": "2", "q-2": "3", "q-3": "5"},  # out of range
            {"q-0": "0", "q-1": "2", "q-2": "3", "q-3": "4"},
            {"q-0": "a", "q-1": "2", "q-2": "3", "q-3": "4"},
        ],
    )
    def test_positions_that_are_not_an_order_are_refused(self, positions):
        question = block(ordering())
        with pytest.raises(AnswerError):
            check("ordering", question.value, query_dict(positions), question.id, "q")

    def test_items_are_never_shown_in_the_right_order_and_always_in_the_same_one(self):
        for n in range(2, 9):
            for question_id in ("a", "b", "c", "d", "e", "f"):
                order = display_order(question_id, n)
                assert order != list(range(n))
                assert sorted(order) == list(range(n))
                assert display_order(question_id, n) == order


def test_a_block_that_is_not_a_question_is_refused():
    with pytest.raises(AnswerError):
        check("paragraph", {}, query_dict({}), "x")


@pytest.mark.parametrize(
    ("correct", "total", "expected"), [(0, 3, 0), (1, 3, 33), (2, 3, 67), (3, 3, 100), (0, 0, 0)]
)
def test_percentage(correct, total, expected):
    assert percentage(correct, total) == expected
