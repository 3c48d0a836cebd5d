"""Refusing charts that would mislead, e.g. a pie chart that is not the parts of one whole."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from .spec import CHART_TYPES, MAX_BAR_CATEGORIES, MAX_PIE_CATEGORIES, ChartSpec


def honest_chart_problems(spec: ChartSpec) -> list[str]:
    """Why this kind of chart would misrepresent this data; empty when it is fine."""
    data = spec.data
    series = len(data.series)
    categories = len(data.rows)
    problems: list[str] = []
    if spec.chart_type not in CHART_TYPES:
        kinds = ", ".join(str(kind) for kind in CHART_TYPES.values())
        return [f'"{spec.chart_type}" is not a kind of chart; choose one of {kinds}.']
    if spec.chart_type == "pie":
        why = "A pie chart shows the parts of one whole, "
        if series != 1:
            problems.append(
                f"{why}so it needs exactly one column of numbers, not {series}. Use a bar chart "
                "(or a stacked bar chart) to compare several series."
            )
        if not 2 <= categories <= MAX_PIE_CATEGORIES:
            problems.append(
                f"{why}and it is only readable with 2 to {MAX_PIE_CATEGORIES} parts; this data has "
                f"{categories}. Use a bar chart."
            )
        values = [value for _, row in data.rows for value in row]
        if any(value is None for value in values):
            problems.append(f"{why}so every part needs a value; fill in the empty cells or use a bar chart.")
        if any(value is not None and value <= 0 for value in values):
            problems.append(
                f"{why}so every part must be more than zero; zero and negative values cannot be "
                "slices. Use a bar chart."
            )
    elif spec.chart_type == "stacked_bar":
        if series < 2:
            problems.append(
                "A stacked bar chart shows how two or more series add up; this data has one. Use a bar chart."
            )
        if any(value is not None and value < 0 for _, row in data.rows for value in row):
            problems.append(
                "A stacked bar chart cannot show negative values: the stacks would no longer add up. "
                "Use a bar chart."
            )
    if spec.chart_type in {"bar", "stacked_bar"} and categories > MAX_BAR_CATEGORIES:
        problems.append(
            f"A bar chart is readable with up to {MAX_BAR_CATEGORIES} bars (or groups of bars); this data "
            f"has {categories} rows. Use a line chart for a long series, or a table."
        )
    if spec.chart_type == "line" and categories < 2:
        problems.append(
            "A line chart needs at least two rows (points) to draw a line. Use a bar chart or a table."
        )
    return problems


def validate_spec(spec: ChartSpec) -> None:
    """Raise ``ValidationError`` with every :func:`honest_chart_problems` message."""
    problems = honest_chart_problems(spec)
    if problems:
        raise ValidationError(problems, code="dishonest_chart")
