"""Checking a learner's answer on the server, for each question type.

Answers arrive as form data that anyone can tamper with: anything that is not a possible
answer raises AnswerError with a message for the learner, and is never scored.
"""

import random
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.crypto import salted_hmac
from django.utils.translation import gettext

MAX_NUMBER_LENGTH = 30


class AnswerError(ValueError):
    """The submitted data is not an answer to this question; the message says what to do."""


@dataclass(frozen=True)
class Result:
    correct: bool
    answer: object  # JSON-friendly: an index, a list of indexes, or a number as text


def display_order(question_id, count):
    """The order in which an ordering question's items are shown: shuffled, the same for
    everyone, never the right order, and not guessable from the page (the seed is secret)."""
    order = list(range(count))
    if count < 2:
        return order
    seed = salted_hmac("literacy.ordering", question_id).hexdigest()
    random.Random(seed).shuffle(order)  # noqa: S311 -- an order to show, seeded with a secret
    if order == sorted(order):
        order = order[1:] + order[:1]
    return order


def _index(raw, count):
    try:
        index = int(raw)
    except (TypeError, ValueError):
        raise AnswerError(gettext("Choose one of the answers.")) from None
    if not 0 <= index < count:
        raise AnswerError(gettext("Choose one of the answers."))
    return index


def check_single_choice(value, data, name="answer"):
    options = value["options"]
    raw = data.get(name)
    if raw in (None, ""):
        raise AnswerError(gettext("Choose an answer."))
    index = _index(raw, len(options))
    return Result(bool(options[index]["correct"]), index)


def check_multiple_choice(value, data, name="answer"):
    options = value["options"]
    chosen = data.getlist(name)
    if not chosen:
        raise AnswerError(gettext("Choose at least one answer."))
    if len(chosen) > len(options):
        raise AnswerError(gettext("Choose each answer at most once."))
    indexes = sorted({_index(raw, len(options)) for raw in chosen})
    if len(indexes) != len(chosen):
        raise AnswerError(gettext("Choose each answer at most once."))
    right = [i for i, option in enumerate(options) if option["correct"]]
    return Result(indexes == right, indexes)


def parse_number(raw):
    """A number as people type it: spaces and thousands commas allowed, one decimal point."""
    text = (raw or "").strip().replace(" ", "").replace("\u00a0", "")
    if not text:
        raise AnswerError(gettext("Type a number."))
    if len(text) > MAX_NUMBER_LENGTH:
        raise AnswerError(gettext("That number is too long."))
    if "," in text and "." not in text and text.count(",") == 1 and len(text.split(",")[1]) != 3:
        text = text.replace(",", ".")  # a decimal comma, as in 2,5
    text = text.replace(",", "")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise AnswerError(gettext("Type a number using digits, e.g. 12.5.")) from None
    if not number.is_finite():
        raise AnswerError(gettext("Type a number using digits, e.g. 12.5."))
    return number


def check_numeric(value, data, name="answer"):
    number = parse_number(data.get(name))
    right = Decimal(value["answer"])
    tolerance = Decimal(value["tolerance"] or 0)
    return Result(abs(number - right) <= tolerance, format(number.normalize(), "f"))


def check_ordering(value, data, question_id, name="answer"):
    """Fields ``<name>-<n>`` give the position (1, 2, ...) of the n-th item as shown."""
    count = len(value["items"])
    shown = display_order(question_id, count)
    positions = []
    for slot in range(count):
        raw = data.get(f"{name}-{slot}")
        try:
            position = int(raw)
        except (TypeError, ValueError):
            raise AnswerError(gettext("Give every item a position.")) from None
        if not 1 <= position <= count:
            raise AnswerError(gettext("Give every item a position from 1 to %(count)s.") % {"count": count})
        positions.append(position)
    if sorted(positions) != list(range(1, count + 1)):
        raise AnswerError(gettext("Give each item a different position."))
    learner_order = [item for _, item in sorted(zip(positions, shown, strict=True))]
    return Result(learner_order == list(range(count)), learner_order)


def check(block_type, value, data, question_id, name="answer"):
    """The Result for the answer in ``data`` (a QueryDict) to one question block."""
    if block_type == "single_choice":
        return check_single_choice(value, data, name)
    if block_type == "multiple_choice":
        return check_multiple_choice(value, data, name)
    if block_type == "numeric":
        return check_numeric(value, data, name)
    if block_type == "ordering":
        return check_ordering(value, data, question_id, name)
    raise AnswerError(gettext("This is not a question."))


def percentage(correct, total):
    """A score out of 100, rounded to the nearest whole number."""
    return round(100 * correct / total) if total else 0
