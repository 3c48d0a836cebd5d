"""Scoring the games: pure functions of the question and the answer, easy to test."""

from decimal import Decimal

from django.utils.translation import gettext

from .formatting import difference_unit, format_figure, with_unit


def guess_points(question, guess):
    """0 to 100: 100 for the official figure, 0 when off by half the allowed range or more."""
    allowed = question.max_value - question.min_value
    miss = abs(Decimal(guess) - question.official_answer)
    return max(0, round(100 - 200 * miss / allowed))


def describe_miss(question, guess):
    """ "Spot on." or e.g. "12.4 percentage points too low (16% below the official figure)." """
    guess = Decimal(guess)
    miss = guess - question.official_answer
    places = question.decimal_places
    if round(miss, places) == 0:
        return gettext("Spot on: your estimate matches the official figure.")
    size = format_figure(abs(miss), places)
    size = with_unit(size, difference_unit(question.unit))
    if not question.official_answer:
        return (gettext("%(size)s too high.") if miss > 0 else gettext("%(size)s too low.")) % {"size": size}
    relative = format_figure(abs(miss) * 100 / abs(question.official_answer), 0)
    if miss > 0:
        text = gettext("%(size)s too high (%(relative)s%% above the official figure).")
    else:
        text = gettext("%(size)s too low (%(relative)s%% below the official figure).")
    return text % {"size": size, "relative": relative}


def next_streak(streak, best, correct):
    """(streak, best) after an answer: a right answer adds one, a wrong one starts again from zero."""
    streak = streak + 1 if correct else 0
    return streak, max(best, streak)
