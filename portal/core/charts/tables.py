"""The chart's numbers as people read them (an HTML table) and as spreadsheets read them (CSV)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from portal.contacts.exports import spreadsheet_safe
from portal.core import formats

from .spec import ChartData, ChartSpec


def format_number(value: float, decimals: int | None = None) -> str:
    """A value as the active language writes it: 1234.5 is "1,234.5" in English, "1 234,5" in
    French; ``decimals`` fixes the places. For people only: the CSV keeps "1234.5"."""
    return formats.format_number(value, decimals)


def table_rows(data: ChartData) -> list[tuple[str, list[str | None]]]:
    """Rows for an HTML table: values formatted, each column with the same decimal places."""
    places = [data.places(index) for index in range(len(data.series))]
    return [
        (
            label,
            [None if value is None else format_number(value, places[i]) for i, value in enumerate(values)],
        )
        for label, values in data.rows
    ]


def _csv_number(value: float, places: int) -> str:
    """A value written so that it parses back to exactly the same float, without exponents,
    with at least ``places`` decimal places (padded with zeros, which change nothing)."""
    if value.is_integer() and abs(value) < 2**53:
        text = str(int(value))
    else:
        text = format(Decimal(repr(value)), "f")
    written = len(text.partition(".")[2])
    if written < places:
        text += ("" if written else ".") + "0" * (places - written)
    return text


def chart_csv(spec: ChartSpec) -> str:
    """The chart's data as CSV (header and rows), safe to open in a spreadsheet.

    Text cells go through ``spreadsheet_safe``, so a label such as "-5 to 0" is written as
    "'-5 to 0"; :func:`parse_chart_csv` drops that apostrophe again, which makes the round trip
    exact: ``parse_chart_csv(chart_csv(spec)) == spec.data``. Numbers are written plainly
    (1234.5, -3, no thousands separators, no exponents) with each column's decimal places
    (4.0 stays 4.0); missing values are empty cells.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([spreadsheet_safe(name) for name in spec.data.columns])
    places = [spec.data.places(index) for index in range(len(spec.data.series))]
    for label, values in spec.data.rows:
        cells = ("" if v is None else _csv_number(v, places[i]) for i, v in enumerate(values))
        writer.writerow([spreadsheet_safe(label), *cells])
    return out.getvalue()
