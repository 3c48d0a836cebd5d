"""How the crowd guessed: a question's answers counted into equal ranges by the database.

One GROUP BY query per question, whatever the number of answers: no answer is ever loaded.
"""

from dataclasses import dataclass

from django.db.models import Count, F, FloatField, Value
from django.db.models.functions import Floor, Greatest, Least
from django.utils.translation import gettext

from .formatting import format_figure, with_unit
from .models import GuessAnswer

BUCKETS = 10
# The chart's drawing area, in SVG user units (the SVG scales to its container).
WIDTH, HEIGHT = 480, 240
LEFT, RIGHT, TOP, BOTTOM = 14, 14, 34, 40


@dataclass
class Bucket:
    low: float
    high: float
    count: int
    share: float
    label: str
    x: float = 0
    y: float = 0
    width: float = 0
    height: float = 0
    has_official: bool = False
    has_guess: bool = False


@dataclass
class Marker:
    x: float
    label: str


def bucket_counts(question, buckets=BUCKETS):
    """{bucket index: answers} for the question's range cut into ``buckets`` equal parts."""
    low, high = float(question.min_value), float(question.max_value)
    width = (high - low) / buckets
    index = Least(
        Greatest(Floor((F("value") - Value(low)) / Value(width), output_field=FloatField()), Value(0.0)),
        Value(float(buckets - 1)),
    )
    rows = (
        GuessAnswer.objects.filter(question=question)
        .annotate(bucket=index)
        .values("bucket")
        .annotate(answers=Count("pk"))
        .order_by()
    )
    return {int(row["bucket"]): row["answers"] for row in rows}


def bucket_of(question, value, buckets=BUCKETS):
    low, high = float(question.min_value), float(question.max_value)
    return min(buckets - 1, max(0, int((float(value) - low) // ((high - low) / buckets))))


def distribution(question, guess=None, buckets=BUCKETS):
    """The buckets with their counts, shares and bar geometry, and markers for the official figure
    and the player's guess; ``total`` is every answer so far."""
    counts = bucket_counts(question, buckets)
    total = sum(counts.values())
    low, high = float(question.min_value), float(question.max_value)
    step = (high - low) / buckets
    places = question.decimal_places
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    tallest = max(counts.values(), default=0) or 1
    official_bucket = bucket_of(question, question.official_answer, buckets)
    guess_bucket = bucket_of(question, guess, buckets) if guess is not None else None
    rows = []
    for index in range(buckets):
        count = counts.get(index, 0)
        start, end = low + index * step, low + (index + 1) * step
        height = plot_height * count / tallest
        rows.append(
            Bucket(
                low=start,
                high=end,
                count=count,
                share=100 * count / total if total else 0,
                label=(
                    gettext("%(low)s to under %(high)s")
                    if index < buckets - 1
                    else gettext("%(low)s to %(high)s")
                )
                % {"low": format_figure(start, places), "high": format_figure(end, places)},
                x=LEFT + index * plot_width / buckets + 1,
                y=TOP + plot_height - height,
                width=plot_width / buckets - 2,
                height=height,
                has_official=index == official_bucket,
                has_guess=index == guess_bucket,
            )
        )

    def position(value):
        return LEFT + plot_width * (float(value) - low) / (high - low)

    official = Marker(
        position(question.official_answer),
        gettext("Official %(figure)s")
        % {"figure": with_unit(format_figure(question.official_answer, places), question.unit)},
    )
    yours = Marker(position(guess), gettext("You")) if guess is not None else None
    busiest = max(rows, key=lambda row: row.count)
    return {
        "buckets": rows,
        "total": total,
        "busiest": busiest if total else None,
        "official": official,
        "yours": yours,
        "width": WIDTH,
        "height": HEIGHT,
        "baseline": TOP + plot_height,
        "axis_labels": [
            Marker(position(value), format_figure(value, places)) for value in (low, (low + high) / 2, high)
        ],
        "label_y": HEIGHT - BOTTOM + 22,
        "marker_top": TOP - 6,
    }
