"""Charts for data stories: parsed from pasted CSV, drawn by matplotlib, served as SVG and PNG.

No JavaScript and no CDN. Each chart is rendered on the server to an accessible SVG (with
<title> and <desc>, role="img") for pages and to a PNG for newsletters and social cards. Both
are cached under a hash of the chart's content, so a page view that finds the chart in the
cache renders nothing; :func:`warm_chart_cache` fills the cache ahead of time (e.g. on publish).

The pieces:

- :func:`parse_chart_csv` turns what an editor pasted into :class:`ChartData`, or raises a
  ``ValidationError`` that says which row and column is wrong and how to fix it.
- :class:`ChartSpec` is everything needed to draw one chart; :func:`honest_chart_problems`
  and :func:`validate_spec` refuse charts that would mislead (e.g. a pie that is not parts
  of a whole).
- :func:`render_svg` and :func:`render_png` draw; :func:`chart_svg` and :func:`chart_png`
  are their cached versions, which templates and views should use.
- :func:`chart_csv` gives the data back as spreadsheet-safe CSV that parses to the same data.

Drawing uses ``matplotlib.figure.Figure`` directly (never pyplot), so it keeps no global
state between charts and is safe in threaded servers. On import this module sets two
matplotlib settings that the SVG writer only reads globally: a fixed ``svg.hashsalt`` and
``svg.fonttype = "path"``.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import itertools
import json
import logging
import math
import re
import textwrap
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from xml.etree import ElementTree as ET  # only to build and serialise; parsing goes through defusedxml

import defusedxml.ElementTree as SafeET
import matplotlib
from django.core.cache import cache
from django.core.exceptions import ValidationError
from matplotlib import ticker
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from portal.contacts.exports import FORMULA_TRIGGERS, spreadsheet_safe

logger = logging.getLogger(__name__)

# The SVG writer reads these from the global settings only. A fixed salt makes its internal
# ids repeatable (we rename them anyway); "path" draws text as glyph outlines, so a chart looks
# the same everywhere and needs no web font.
matplotlib.rcParams["svg.hashsalt"] = "portal-stories-charts"
matplotlib.rcParams["svg.fonttype"] = "path"

# Bump when the look of the charts changes, so that cached charts are drawn again.
ENGINE_VERSION = "1"
CACHE_TIMEOUT = 60 * 60 * 24 * 30  # 30 days; keys change whenever the chart changes
CACHE_PREFIX = "stories:chart"

MAX_ROWS = 500
MAX_SERIES = 8
MAX_CELL_LENGTH = 80
MAX_BAR_CATEGORIES = 30
MAX_PIE_CATEGORIES = 6
# Longest pasted text worth reading: every row full of the longest cells, plus some slack.
MAX_TEXT_LENGTH = (MAX_ROWS + 10) * (MAX_SERIES + 1) * (MAX_CELL_LENGTH + 3)
MAX_REPORTED_PROBLEMS = 10
MAX_DECIMALS = 10

CHART_TYPES = {
    "line": "Line",
    "bar": "Bar",
    "stacked_bar": "Stacked bar",
    "pie": "Pie (parts of a whole only)",
    "table": "Table only",
}

# The UK Government Analysis Function's accessible categorical palette (tested for colour
# blindness, each colour at least 3:1 against white), extended by two colours that also meet 3:1.
PALETTE = (
    "#12436D",  # dark blue
    "#28A197",  # turquoise
    "#801650",  # dark pink
    "#F46A25",  # orange
    "#3D3D3D",  # dark grey
    "#A285D1",  # light purple
    "#2073BC",  # mid blue
    "#8A6D00",  # ochre
)
PAIR_PALETTE = ("#12436D", "#F46A25")  # two series: the most distinct pair, for every kind of vision
# So that colour is never the only difference between series.
LINE_STYLES = ("-", (0, (5, 2)), (0, (1, 1.5)), (0, (6, 2, 1.5, 2)), "-", (0, (5, 2)), (0, (1, 1.5)), "-")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
HATCHES = ("", "////", "\\\\\\\\", "----", "||||", "xxx", "++++", "//")

INK = "#1b1f24"
MUTED = "#4a5561"
GRID = "#d5dbe1"
PAPER = "#ffffff"


# --------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartData:
    """A table of numbers, as pasted: one row per category, one column per series.

    ``columns`` is the header row: ``columns[0]`` names the categories (e.g. "Year") and the
    rest name the series (e.g. "Men", "Women"). ``rows`` holds ``(label, values)`` pairs in
    the pasted order, where ``label`` is the category (e.g. "2024") and ``values`` has one
    float per series, or ``None`` where the cell was empty (no data). ``decimals`` has, per
    series, the most decimal places written in its column (at most MAX_DECIMALS), so that 4.0
    is shown as 4.0 and not 4; when empty, they are worked out from the values.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[float | None, ...]], ...]
    decimals: tuple[int, ...] = ()

    @property
    def category_name(self) -> str:
        return self.columns[0]

    @property
    def series(self) -> tuple[str, ...]:
        return self.columns[1:]

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(label for label, _ in self.rows)

    def series_values(self, index: int) -> tuple[float | None, ...]:
        return tuple(values[index] for _, values in self.rows)

    def places(self, index: int) -> int:
        """Decimal places to show for the series at ``index`` (0 is the first series)."""
        if self.decimals:
            return self.decimals[index]
        present = (value for value in self.series_values(index) if value is not None)
        return min(max((_decimal_places(value) for value in present), default=0), MAX_DECIMALS)


@dataclass(frozen=True)
class ChartSpec:
    """Everything needed to draw one chart. ``chart_type`` is a key of :data:`CHART_TYPES`."""

    chart_type: str
    title: str
    data: ChartData
    x_label: str = ""
    y_label: str = ""
    unit: str = ""
    source: str = ""
    notes: str = ""
    summary: str = ""

    @property
    def value_label(self) -> str:
        """The value axis label with its unit, e.g. "Median pay (£ per week)"."""
        if self.y_label and self.unit:
            return f"{self.y_label} ({self.unit})"
        return self.y_label or self.unit


def spec_digest(spec: ChartSpec) -> str:
    """A sha256 of the spec's canonical JSON: equal specs, equal digests."""
    canonical = json.dumps(
        dataclasses.asdict(spec), sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


# --------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------

_NUMBER = re.compile(
    r"""
    (?P<sign>[+-]?)
    (?:
        (?P<int>\d{1,3}(?:,\d{3})+ | \d{1,3}(?:[ \u00a0\u202f]\d{3})+ | \d+)(?P<frac>\.\d*)?
      | (?P<frac_only>\.\d+)
    )
    (?P<exp>[eE][+-]?\d+)?
    """,
    re.VERBOSE,
)
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-"})  # minus sign, en dash
_GROUP_SEPARATORS = str.maketrans("", "", ", \u00a0\u202f")


def _read_number(text: str) -> tuple[float, int] | None:
    """The number a cell holds and its decimal places as written ("1,234.50" is 1234.5 and 2),
    or None if it is not a plain number."""
    match = _NUMBER.fullmatch(text.translate(_MINUS_SIGNS))
    if not match:
        return None
    fraction = match["frac"] or match["frac_only"] or ""
    digits = match["sign"] + (match["int"] or "").translate(_GROUP_SEPARATORS) + fraction
    digits += "0" if digits.endswith(".") else ""
    value = float(digits + (match["exp"] or ""))
    if not math.isfinite(value):
        return None
    places = _decimal_places(value) if match["exp"] else max(len(fraction) - 1, 0)
    return value, min(places, MAX_DECIMALS)


def _plain_number(text: str) -> float | None:
    """The number a cell holds, or None if it is not a plain number (e.g. "1,234.5", "-3")."""
    number = _read_number(text)
    return None if number is None else number[0]


def _show(cell: str, limit: int = 30) -> str:
    """A cell's text, quoted, shortened and with invisible characters made visible."""
    text = cell if len(cell) <= limit else cell[: limit - 1] + "\u2026"
    text = "".join(f"\\u{ord(ch):04x}" if unicodedata.category(ch) == "Cc" else ch for ch in text)
    return f'"{text}"'


def _column_name(columns, index):
    if columns is not None and index < len(columns) and columns[index]:
        return f"column {index + 1} ({_show(columns[index])})"
    return f"column {index + 1}"


def _detect_delimiter(text: str) -> str:
    """Tab, semicolon or comma: whichever the header line uses (in that order of preference)."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    counts = {"\t": 0, ";": 0, ",": 0}
    quoted = False
    for ch in header:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    return next((delimiter for delimiter, count in counts.items() if count), ",")


def _text_problem(cell: str) -> str | None:
    """Why a header or label cell cannot be used, or None if it can."""
    if len(cell) > MAX_CELL_LENGTH:
        return f"{_show(cell)} is {len(cell)} characters long; keep each cell to {MAX_CELL_LENGTH} or fewer."
    if "<" in cell or ">" in cell:
        return (
            f'{_show(cell)} contains "<" or ">". Charts cannot contain markup; '
            'write "less than" or "more than" instead.'
        )
    if any(unicodedata.category(ch) == "Cc" for ch in cell):
        return f"{_show(cell)} contains a line break, tab or other control character."
    if cell.startswith(FORMULA_TRIGGERS) and _plain_number(cell) is None:
        return (
            f'{_show(cell)} starts with "{_show(cell[0], 5)[1:-1]}", so a spreadsheet would run it as a '
            "formula. Remove that character, or put an apostrophe (') in front to keep it as text."
        )
    return None


def _unescape_text(cell: str) -> str:
    """Drop the apostrophe that keeps a formula-like text cell as text ("'-5 to 0" is "-5 to 0").

    This is how :func:`chart_csv` (through ``spreadsheet_safe``) writes such cells, so its
    output parses back to the same data.
    """
    if cell.startswith("'") and cell[1:].startswith(FORMULA_TRIGGERS):
        return cell[1:]
    return cell


def _number_problem(cell: str) -> str:
    if len(cell) > MAX_CELL_LENGTH:
        return f"{_show(cell)} is {len(cell)} characters long; keep each cell to {MAX_CELL_LENGTH} or fewer."
    if "<" in cell or ">" in cell:
        return f'{_show(cell)} contains "<" or ">"; charts cannot contain markup.'
    hint = "Use digits only, e.g. 1234.5 or 1,234, or leave the cell empty if there is no data."
    if cell.endswith("%"):
        hint = 'Leave out the "%" and put "%" in the Unit field.'
    elif re.fullmatch(r"[+-]?\d+,\d{1,2}", cell) or re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+,\d+", cell):
        hint = "Use a decimal point, not a decimal comma, e.g. 3.5."
    elif re.search(r"\d", cell) and re.search(r"[^\d.,\s+\-\u2212]", cell):
        hint = "Leave out units and symbols (put them in the Unit field) and notes (put them in Notes)."
    return f"{_show(cell)} is not a number. {hint}"


def parse_chart_csv(text: str) -> ChartData:
    """Parse pasted data into :class:`ChartData`, or raise ``ValidationError`` for the editor.

    The first non-empty line is the header. Columns may be separated by commas, semicolons or
    tabs (as pasted from a spreadsheet); the header line decides which. Cells are trimmed; a
    UTF-8 byte order mark is ignored; blank lines are skipped. Numbers may have a sign, a
    decimal point and thousands separators ("1,234" in quotes, or "1 234"); an empty value
    cell means no data. Rows are numbered as lines of the pasted text, so row 1 is the header.

    Refused, with a message naming the row and column: no data, a header and no rows, fewer
    than 2 columns, more than MAX_SERIES series or MAX_ROWS rows, rows with the wrong number of
    cells, values that are not numbers, empty or repeated names, a series with no numbers,
    and any cell that holds markup ("<", ">"), control characters, more than MAX_CELL_LENGTH
    characters, or text a spreadsheet would run as a formula (starting with = + - @ and not a
    plain number). Such text is accepted when it starts with an apostrophe, which is dropped:
    "'=A1" is the text "=A1". That is how :func:`chart_csv` writes it.
    """
    text = text or ""
    if len(text) > MAX_TEXT_LENGTH:
        raise ValidationError(
            f"There is too much data ({len(text):,} characters). A chart can show at most "
            f"{MAX_ROWS} rows and {MAX_SERIES} series.",
            code="too_long",
        )
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ValidationError(
            "There is no data. Paste a table with a header row, categories in the first column "
            "and one column of numbers for each series.",
            code="empty",
        )
    delimiter = _detect_delimiter(text)
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter, skipinitialspace=True, strict=True
    )
    columns: tuple[str, ...] | None = None
    rows: list[tuple[str, tuple[float | None, ...]]] = []
    label_rows: dict[str, int] = {}
    problems: list[str] = []
    decimals: list[int] = []
    try:
        for raw_cells in reader:
            line = reader.line_num
            cells = [cell.strip() for cell in raw_cells]
            if not any(cells):
                continue
            if columns is None:
                columns = _parse_header(cells, line)
                decimals = [0] * (len(columns) - 1)
                continue
            if len(rows) >= MAX_ROWS:
                raise ValidationError(
                    f"There are more than {MAX_ROWS} rows of data (row {line} is one too many). "
                    f"A chart can show at most {MAX_ROWS}; summarise the data or split it into "
                    "several charts.",
                    code="too_many_rows",
                )
            if len(cells) != len(columns):
                raise ValidationError(
                    f"Row {line} has {len(cells)} cells but the header row has {len(columns)}. "
                    "Every row needs one cell per column. If a number has a comma as a thousands "
                    "separator, put it in quotes or leave the comma out.",
                    code="ragged",
                )
            rows.append(_parse_row(cells, line, columns, label_rows, problems, decimals))
    except csv.Error as error:
        raise ValidationError(
            f"Row {reader.line_num} could not be read ({error}). Check its quotation marks.", code="csv"
        ) from error
    if columns is None:
        raise ValidationError("There is no data: every row is empty.", code="empty")
    if not rows and not problems:
        raise ValidationError("There is a header row but no data rows below it.", code="header_only")
    for index in range(1, len(columns) if not problems else 0):  # (unreadable cells are also empty)
        if all(values[index - 1] is None for _, values in rows):
            problems.append(
                f"C{_column_name(columns, index)[1:]} has no numbers. Fill it in or delete the column."
            )
    if problems:
        shown = problems[:MAX_REPORTED_PROBLEMS]
        if len(problems) > len(shown):
            shown.append(f"… and {len(problems) - len(shown)} more problems.")
        raise ValidationError(shown, code="invalid")
    return ChartData(columns=columns, rows=tuple(rows), decimals=tuple(decimals))


def _parse_header(cells: list[str], line: int) -> tuple[str, ...]:
    if len(cells) < 2:
        raise ValidationError(
            f"Row {line} (the header) has only one column. A chart needs at least two: categories "
            "(e.g. Year) and one column of numbers. Separate columns with commas, semicolons or tabs.",
            code="too_few_columns",
        )
    if len(cells) - 1 > MAX_SERIES:
        raise ValidationError(
            f"Row {line} (the header) has {len(cells) - 1} series after the first column; a chart can "
            f"show at most {MAX_SERIES}. Split the data into several charts.",
            code="too_many_series",
        )
    names: list[str] = []
    seen: dict[str, int] = {}
    for index, cell in enumerate(cells):
        where = f"Row {line} (the header), column {index + 1}"
        if not cell:
            example = "e.g. Year or Region" if index == 0 else "the name of the series"
            raise ValidationError(
                f"{where} has no name. Give every column a name ({example}).", code="no_name"
            )
        problem = _text_problem(cell)
        if problem:
            raise ValidationError(f"{where}: {problem}", code="bad_header")
        name = _unescape_text(cell)
        key = name.casefold()
        if key in seen:
            raise ValidationError(
                f"{where} repeats the name {_show(name)} of column {seen[key] + 1}. "
                "Every column needs its own name.",
                code="duplicate_name",
            )
        seen[key] = index
        names.append(name)
    return tuple(names)


def _parse_row(cells, line, columns, label_rows, problems, decimals):
    label_cell = cells[0]
    label = _unescape_text(label_cell)
    where = f"Row {line}, {_column_name(columns, 0)}"
    if not label_cell:
        problems.append(f"{where} is empty. Every row needs a label, e.g. the year or the area.")
    elif problem := _text_problem(label_cell):
        problems.append(f"{where}: {problem}")
    elif label.casefold() in label_rows:
        problems.append(
            f"{where} repeats the label {_show(label)} from row {label_rows[label.casefold()]}. "
            "Every row needs its own label."
        )
    else:
        label_rows[label.casefold()] = line
    values: list[float | None] = []
    for index, cell in enumerate(cells[1:], start=1):
        if not cell:
            values.append(None)
            continue
        number = _read_number(cell) if len(cell) <= MAX_CELL_LENGTH else None
        if number is None:
            problems.append(f"Row {line}, {_column_name(columns, index)}: {_number_problem(cell)}")
            values.append(None)
        else:
            values.append(number[0])
            decimals[index - 1] = max(decimals[index - 1], number[1])
    return label, tuple(values)


# --------------------------------------------------------------------------------------------
# Honesty
# --------------------------------------------------------------------------------------------


def honest_chart_problems(spec: ChartSpec) -> list[str]:
    """Why this kind of chart would misrepresent this data; empty when it is fine."""
    data = spec.data
    series = len(data.series)
    categories = len(data.rows)
    problems: list[str] = []
    if spec.chart_type not in CHART_TYPES:
        kinds = ", ".join(CHART_TYPES.values())
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


# --------------------------------------------------------------------------------------------
# Numbers as people read them, and as spreadsheets read them
# --------------------------------------------------------------------------------------------


def _decimal_places(value: float) -> int:
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def format_number(value: float, decimals: int | None = None) -> str:
    """A value with thousands separators: 1234.5 is "1,234.5"; ``decimals`` fixes the places."""
    if decimals is None:
        decimals = min(_decimal_places(value), 6)
    text = f"{value:,.{decimals}f}"
    return text[1:] if re.fullmatch(r"-0(\.0*)?", text) else text  # no "-0" for values that round to 0


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


# --------------------------------------------------------------------------------------------
# Drawing
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Style:
    width: float  # inches
    height: float
    small: float  # points, for all text but the PNG's title
    title: float = 0.0
    line_width: float = 2.2
    marker_size: float = 5.0


# The SVG is small (317 x 230 units) so that its text stays readable on a 320 px wide phone.
SVG_STYLE = _Style(width=4.4, height=3.2, small=11, marker_size=5.5)
PNG_STYLE = _Style(width=8.0, height=4.2, small=12, title=17, line_width=3, marker_size=6.5)
_PAD = 0.12  # inches of white space around the chart
# How many characters of tick labels fit across the plot (for the narrower SVG layout).
_PLOT_CHARS = 38


def _mpl_text(text: str, wrap: int = 0) -> str:
    """Text for matplotlib (which would read "$...$" as mathematics), wrapped at ``wrap`` characters."""
    if wrap:
        text = textwrap.fill(text, wrap, max_lines=3, placeholder=" \u2026")
    return text.replace("$", r"\$")


def _colours(count: int) -> tuple[str, ...]:
    return PAIR_PALETTE if count == 2 else PALETTE[:count]


def _nan(values):
    return [math.nan if value is None else value for value in values]


def _axis_number(value: float, _position=None) -> str:
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text.replace("-", "\u2212")


def _year_axis(labels: tuple[str, ...]) -> list[int] | None:
    """Labels that are whole numbers in increasing order (years, usually) as numbers; else None."""
    if not all(re.fullmatch(r"\d{1,6}", label) for label in labels):
        return None
    numbers = [int(label) for label in labels]
    return numbers if all(a < b for a, b in itertools.pairwise(numbers)) else None


def _thinned_ticks(labels: tuple[str, ...]) -> list[int]:
    longest = max((len(label) for label in labels), default=1)
    fit = max(2, _PLOT_CHARS // (longest + 2))
    step = math.ceil(len(labels) / fit)
    return list(range(0, len(labels), step))


def _horizontal(labels: tuple[str, ...]) -> bool:
    """Bars run sideways when their labels would not fit under upright columns."""
    if sum(len(label) + 2 for label in labels) <= _PLOT_CHARS:
        return False
    return not (len(labels) <= MAX_BAR_CATEGORIES and all(len(label) <= 7 for label in labels))


def _style_axes(ax, style: _Style, value_axis: str, bars: bool = False) -> None:
    """Quiet axes: light grid lines across the values, no box; bars get a firm line at zero."""
    for spine in ax.spines.values():
        spine.set_visible(False)
    if bars:
        (ax.axhline if value_axis == "y" else ax.axvline)(0, color=INK, linewidth=1.0, zorder=4)
    else:
        ax.spines["bottom"].set_visible(True)
        ax.spines["bottom"].set_color(INK)
    ax.set_facecolor(PAPER)
    ax.tick_params(labelsize=style.small, labelcolor=INK, color=MUTED, length=4, width=0.8)
    ax.tick_params(axis=value_axis, length=0, pad=4)
    ax.grid(axis=value_axis, color=GRID, linewidth=0.8)
    ax.set_axisbelow(True)
    axis = ax.yaxis if value_axis == "y" else ax.xaxis
    axis.set_major_formatter(ticker.FuncFormatter(_axis_number))
    axis.set_major_locator(ticker.MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]))


def _label_axes(ax, spec: ChartSpec, style: _Style, horizontal: bool) -> None:
    """Category label under (or beside) the categories; value label and unit above the values."""
    value_label = _mpl_text(spec.value_label)
    category_label = _mpl_text(spec.x_label)
    text = {"fontsize": style.small, "color": MUTED}
    if horizontal:
        if value_label:
            ax.set_xlabel(value_label, labelpad=6, **text)
        if category_label:
            ax.set_title(category_label, loc="left", pad=6, **text)
    else:
        if value_label:
            ax.set_title(value_label, loc="left", pad=6, **text)
        if category_label:
            ax.set_xlabel(category_label, labelpad=6, **text)


def _zero_line(ax, values, axis: str) -> None:
    """A firm line at zero when values go below it (otherwise the axis itself is at zero or the
    data is all positive)."""
    if any(value is not None and value < 0 for value in values):
        (ax.axhline if axis == "y" else ax.axvline)(0, color=INK, linewidth=0.9, zorder=2)


def _legend(fig, handles, labels, style: _Style) -> None:
    """A key above the chart, drawn with the same line styles, markers and hatching as the data,
    in as many columns (up to 4) as fit across."""
    renderer = fig.get_figure(root=True).canvas.get_renderer()
    for columns in range(min(len(labels), 4), 0, -1):
        legend = fig.legend(
            handles,
            [_mpl_text(label, 36) for label in labels],
            loc="outside upper left",
            ncols=columns,
            frameon=False,
            fontsize=style.small,
            labelcolor=INK,
            handlelength=2.8,
            handleheight=1.0,
            columnspacing=1.4,
            borderaxespad=0.2,
        )
        if columns == 1 or legend.get_window_extent(renderer).width <= fig.bbox.width - 12:
            return
        legend.remove()


def _draw_line(fig, ax, spec: ChartSpec, style: _Style) -> None:
    data = spec.data
    labels = data.categories
    years = _year_axis(labels)
    xs = years if years is not None else list(range(len(labels)))
    colours = _colours(len(data.series))
    step = 1 if len(xs) <= 24 else math.ceil(len(xs) / 12)
    handles = []
    for index, name in enumerate(data.series):
        (line,) = ax.plot(
            xs,
            _nan(data.series_values(index)),
            color=colours[index],
            linewidth=style.line_width,
            linestyle=LINE_STYLES[index],
            marker=MARKERS[index],
            markersize=style.marker_size,
            markeredgecolor=PAPER,
            markeredgewidth=0.8,
            markevery=(index * step // max(len(data.series), 1) % step, step),
            solid_capstyle="round",
            label=name,
        )
        handles.append(line)
    _style_axes(ax, style, "y")
    if years is not None:
        ax.xaxis.set_major_locator(ticker.MaxNLocator(nbins=6, integer=True, steps=[1, 2, 5, 10]))
        ax.xaxis.set_major_formatter(ticker.FuncFormatter(lambda value, _: str(int(value))))
    else:
        positions = _thinned_ticks(labels)
        ax.set_xticks(positions, [_mpl_text(labels[i], 14) for i in positions])
    ax.margins(x=0.03, y=0.12)
    _zero_line(ax, [v for _, row in data.rows for v in row], "y")
    _label_axes(ax, spec, style, horizontal=False)
    if len(data.series) > 1:
        _legend(fig, handles, list(data.series), style)


def _draw_bars(fig, ax, spec: ChartSpec, style: _Style, stacked: bool) -> list:
    data = spec.data
    labels = data.categories
    count = len(data.series)
    colours = _colours(count)
    horizontal = _horizontal(labels)
    positions = list(range(len(labels)))
    width = 0.72 if stacked or count == 1 else 0.8 / count
    bottoms = [0.0] * len(labels)
    handles = []
    containers = []
    for index, name in enumerate(data.series):
        values = data.series_values(index)
        heights = [0.0 if value is None else value for value in values]
        if stacked:
            offsets = positions
        else:
            offsets = [p - 0.4 + width * (index + 0.5) if count > 1 else p for p in positions]
        common = {
            "color": colours[index],
            "edgecolor": PAPER,
            "linewidth": 0.8 if (stacked or count > 1) else 0,
            "hatch": HATCHES[index] if count > 1 else None,
            "hatchcolor": PAPER,
            "label": name,
            "zorder": 3,
        }
        if horizontal:
            bars = ax.barh(offsets, heights, height=width, left=bottoms if stacked else 0, **common)
        else:
            bars = ax.bar(offsets, heights, width=width, bottom=bottoms if stacked else 0, **common)
        for bar in bars:
            bar.set_hatch_linewidth(1.0)
        containers.append((bars, values))
        handles.append(
            Patch(
                facecolor=colours[index], edgecolor=PAPER, hatch=HATCHES[index], hatchcolor=PAPER, label=name
            )
        )
        if stacked:
            bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    value_axis = "x" if horizontal else "y"
    _style_axes(ax, style, value_axis, bars=True)
    shown = [_mpl_text(label, 24 if horizontal else 14) for label in labels]
    labelled = count == 1 and len(labels) <= 15
    if horizontal:
        ax.set_yticks(positions, shown)
        ax.invert_yaxis()
        ax.margins(y=0.02, x=0.04)
    else:
        ticks = (
            positions if sum(len(label) + 2 for label in labels) <= _PLOT_CHARS else _thinned_ticks(labels)
        )
        ax.set_xticks(ticks, [shown[i] for i in ticks])
        ax.margins(x=0.02, y=0.06)
    ax.tick_params(axis="x" if horizontal else "y", length=0)
    ax.tick_params(axis="y" if horizontal else "x", length=0, pad=4)
    value_labels = []
    if labelled:
        bars, values = containers[0]
        places = data.places(0)
        value_labels = ax.bar_label(
            bars,
            labels=[
                "no data" if v is None else format_number(v, places).replace("-", "\u2212") for v in values
            ],
            padding=3,
            fontsize=style.small,
            color=INK,
        )
    _label_axes(ax, spec, style, horizontal=horizontal)
    if count > 1:
        _legend(fig, handles, list(data.series), style)
    return value_labels


def _draw_pie(fig, ax, spec: ChartSpec, style: _Style) -> None:
    """A donut with every part labelled directly (name and share), never by colour alone."""
    labels = spec.data.categories
    values = [value or 0.0 for value in spec.data.series_values(0)]
    total = sum(values)
    shares = [100 * value / total for value in values]
    places = 0 if all(share >= 1 for share in shares) else 1
    wedges, _ = ax.pie(
        values,
        colors=PALETTE[: len(values)],
        startangle=90,
        counterclock=False,
        radius=1.0,
        wedgeprops={"width": 0.42, "edgecolor": PAPER, "linewidth": 1.5},
    )
    ax.set_aspect("equal")
    # Labels sit in a column on each side, moved apart where small parts are close together,
    # with a thin line to their part.
    line_height = 0.2 * style.small / 10
    placed = []
    for wedge, label, share in zip(wedges, labels, shares, strict=True):
        angle = math.radians((wedge.theta1 + wedge.theta2) / 2)
        text = f"{_mpl_text(label, 18)}\n{format_number(share, places)}%"
        placed.append(
            {"x": math.cos(angle), "y": math.sin(angle), "text": text, "lines": text.count("\n") + 1}
        )
    for right in (True, False):
        side = sorted((p for p in placed if (p["x"] >= 0) == right), key=lambda p: -p["y"])
        for item in side:
            item["ty"] = 1.15 * item["y"]
        for upper, lower in itertools.pairwise(side):
            gap = line_height * (upper["lines"] + lower["lines"]) / 2 + 0.06
            lower["ty"] = min(lower["ty"], upper["ty"] - gap)
        overflow = -1.35 - min((item["ty"] for item in side), default=0)
        for item in side if overflow > 0 else ():
            item["ty"] += overflow
        for item in side:
            sign = 1 if right else -1
            ax.annotate(
                item["text"],
                xy=(item["x"], item["y"]),
                xytext=(sign * 1.3, item["ty"]),
                ha="left" if right else "right",
                va="center",
                fontsize=style.small,
                color=INK,
                linespacing=1.15,
                arrowprops={"arrowstyle": "-", "color": MUTED, "linewidth": 0.8, "shrinkA": 2, "shrinkB": 0},
            )
    ax.set_xlim(-2.1, 2.1)
    ax.set_ylim(-1.45, 1.45)


def _draw(spec: ChartSpec, style: _Style, dpi: float, standalone: bool = False) -> Figure:
    """A figure with the chart; a standalone one (the PNG) also carries the title and source."""
    data = spec.data
    title, source = [], ""
    title_height = source_height = 0.0
    if standalone:
        title = textwrap.wrap(_mpl_text(spec.title), 50, max_lines=2, placeholder=" \u2026") or [""]
        source = textwrap.shorten(_mpl_text(f"Source: {spec.source}"), 100, placeholder=" \u2026")
        title_height = 0.2 + len(title) * style.title * 1.25 / 72
        source_height = 0.3 + style.small * 1.25 / 72 if spec.source else 0.1
    body_height = style.height - title_height - source_height
    if spec.chart_type in {"bar", "stacked_bar"} and _horizontal(data.categories):
        # Sideways bars grow downwards: enough room for each bar (or group) and its label.
        # (The PNG keeps its card shape for up to about a dozen single bars.)
        lines = max(_mpl_text(label, 24).count("\n") + 1 for label in data.categories)
        per_text = (lines * 1.2 - 0.2) * style.small / 72 + 0.03
        bar = 0.2 if standalone else 0.26
        per_bars = bar if spec.chart_type == "stacked_bar" else bar - 0.1 + 0.1 * len(data.series)
        legend = 0.4 if len(data.series) > 1 else 0
        body_height = max(body_height, 0.75 + legend + max(per_text, per_bars) * len(data.rows))
    fig = Figure(
        figsize=(style.width, body_height + title_height + source_height),
        dpi=dpi,
        facecolor=PAPER,
        layout="constrained",
    )
    FigureCanvasAgg(fig)  # for measuring text while laying out; saving picks the format's own canvas
    fig.get_layout_engine().set(w_pad=_PAD, h_pad=_PAD / 2)
    body = fig
    if standalone:
        fig.get_layout_engine().set(h_pad=0.04, w_pad=_PAD, hspace=0, wspace=0)
        head, body, foot = fig.subfigures(3, 1, height_ratios=[title_height, body_height, source_height])
        head.text(
            _PAD / style.width, 0.5, "\n".join(title), ha="left", va="center", fontsize=style.title,
            fontweight="bold", color=INK, linespacing=1.15,
        )  # fmt: skip
        if spec.source:
            foot.text(
                _PAD / style.width, 0.5, source, ha="left", va="center", fontsize=style.small - 1, color=MUTED
            )
    ax = body.add_subplot()
    value_labels = []
    if spec.chart_type == "line":
        _draw_line(body, ax, spec, style)
    elif spec.chart_type in {"bar", "stacked_bar"}:
        value_labels = _draw_bars(body, ax, spec, style, stacked=spec.chart_type == "stacked_bar")
    elif spec.chart_type == "pie":
        _draw_pie(body, ax, spec, style)
    else:
        raise ValueError(f"Cannot draw a chart of type {spec.chart_type!r}.")
    if value_labels:
        _fit_value_labels(fig, ax, value_labels, "x" if _horizontal(data.categories) else "y")
    return fig


def _fit_value_labels(fig, ax, value_labels, value_axis: str) -> None:
    """Measure the laid-out chart and widen the value axis where a bar's label would run off it."""
    for _ in range(3):
        fig.draw_without_rendering()
        box = ax.get_window_extent()
        extents = [text.get_window_extent() for text in value_labels]
        if value_axis == "x":
            (low, high), size = ax.get_xlim(), box.width
            below = max(box.x0 - extent.x0 for extent in extents)
            above = max(extent.x1 - box.x1 for extent in extents)
        else:
            (low, high), size = ax.get_ylim(), box.height
            below = max(box.y0 - extent.y0 for extent in extents)
            above = max(extent.y1 - box.y1 for extent in extents)
        if below <= 0 and above <= 0:
            return
        per_pixel = (high - low) / size
        low -= max(below, 0) * per_pixel * 1.2
        high += max(above, 0) * per_pixel * 1.2
        (ax.set_xlim if value_axis == "x" else ax.set_ylim)(low, high)


SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_ALLOWED_TAGS = {"svg", "g", "path", "defs", "use", "clipPath", "rect", "pattern", "title", "desc"}
# Everything matplotlib writes as style="..." is also an SVG presentation attribute.
_PRESENTATION = {
    "clip-path",
    "clip-rule",
    "fill",
    "fill-opacity",
    "fill-rule",
    "opacity",
    "stroke",
    "stroke-dasharray",
    "stroke-dashoffset",
    "stroke-linecap",
    "stroke-linejoin",
    "stroke-miterlimit",
    "stroke-opacity",
    "stroke-width",
}
_ALLOWED_ATTRIBUTES = _PRESENTATION | {
    "id",
    "d",
    "transform",
    "x",
    "y",
    "width",
    "height",
    "viewBox",
    "href",
    "patternUnits",
    "version",
}
_REFERENCE = re.compile(r"url\(#([^)]+)\)")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _finish_svg(raw: str, spec: ChartSpec, prefix: str) -> str:
    """Make matplotlib's SVG fit to inline in a page with a strict CSP.

    Adds <title> and <desc> as the first children and labels the root with them; turns style
    attributes into presentation attributes (inline styles are blocked by the CSP); drops the
    metadata and <style>; keeps only ids that are referenced, renamed to be unique to this
    chart; removes the fixed size so the chart scales to its container.
    """
    root = SafeET.fromstring(raw.encode())
    for child in list(root):
        if _local(child.tag) == "metadata":
            root.remove(child)
    for defs in root.iter(f"{{{SVG_NS}}}defs"):
        for style in defs.findall(f"{{{SVG_NS}}}style"):
            defs.remove(style)
    root.set("stroke-linejoin", "round")  # was the <style> rule for every element
    root.set("stroke-linecap", "butt")

    elements = list(root.iter())
    referenced: set[str] = set()
    for element in elements:
        element.text = element.text if element.text and element.text.strip() else None
        element.tail = None
        style = element.attrib.pop("style", "")
        for declaration in style.split(";"):
            name, _, value = declaration.partition(":")
            if name.strip() in _PRESENTATION and value.strip():
                element.set(name.strip(), value.strip())
        href = element.attrib.pop(f"{{{XLINK_NS}}}href", None)
        if href is not None:
            element.set("href", href)
        for name, value in element.attrib.items():
            if name == "href" and value.startswith("#"):
                referenced.add(value[1:])
            referenced.update(_REFERENCE.findall(value))
        if "d" in element.attrib:
            element.set("d", " ".join(element.attrib["d"].split()))
    renamed: dict[str, str] = {}
    for element in elements:
        old = element.attrib.pop("id", None)
        if old in referenced:
            renamed[old] = f"{prefix}-{len(renamed) + 1}"
            element.set("id", renamed[old])

    def rename(match):
        return f"url(#{renamed.get(match[1], match[1])})"

    for element in elements:
        for name, value in list(element.attrib.items()):
            if name == "href" and value.startswith("#"):
                element.set(name, "#" + renamed.get(value[1:], value[1:]))
            elif "url(#" in value:
                element.set(name, _REFERENCE.sub(rename, value))
    _keep_known(root)

    for name in ("width", "height", "version"):
        root.attrib.pop(name, None)
    root.set("class", "chart__svg")
    root.set("role", "img")
    root.set("aria-labelledby", f"{prefix}-title {prefix}-desc")
    title = ET.Element(f"{{{SVG_NS}}}title", {"id": f"{prefix}-title"})
    title.text = spec.title
    desc = ET.Element(f"{{{SVG_NS}}}desc", {"id": f"{prefix}-desc"})
    desc.text = spec.summary
    root.insert(0, title)
    root.insert(1, desc)
    # Every element is SVG: write plain tag names under one xmlns rather than ElementTree's
    # "ns0:" prefixes (which browsers would not read as SVG when inlined in HTML).
    for element in root.iter():
        element.tag = _local(element.tag)
    root.set("xmlns", SVG_NS)
    return ET.tostring(root, encoding="unicode")


def _keep_known(element) -> None:
    """Drop any element or attribute outside what matplotlib is known to write (defence in depth)."""
    for child in list(element):
        if not child.tag.startswith(f"{{{SVG_NS}}}") or _local(child.tag) not in _ALLOWED_TAGS:
            logger.warning("Chart SVG: dropped an unexpected <%s> element", _local(child.tag))
            element.remove(child)
        else:
            _keep_known(child)
    for name in list(element.attrib):
        if name not in _ALLOWED_ATTRIBUTES:
            logger.warning("Chart SVG: dropped an unexpected %s attribute", name)
            del element.attrib[name]


def render_svg(spec: ChartSpec) -> str:
    """Draw the chart as an accessible, scalable SVG element ("" for a table-only chart)."""
    if spec.chart_type == "table":
        return ""
    fig = _draw(spec, SVG_STYLE, dpi=72)
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None}, facecolor=PAPER)
    return _finish_svg(out.getvalue(), spec, f"chart-{spec_digest(spec)[:12]}")


def render_png(spec: ChartSpec, width_px: int = 1200) -> bytes:
    """Draw the chart as a PNG, width_px wide and 0.525 as high (1200 x 630 for social cards);
    only sideways bar charts with many bars are taller, so that every bar stays readable.

    Unlike the SVG, which sits under its caption on the page, the PNG stands alone, so it
    carries the title and the source. A table-only chart has no image (b"").
    """
    if not 200 <= width_px <= 4000:
        raise ValueError("width_px must be between 200 and 4000.")
    if spec.chart_type == "table":
        return b""
    dpi = width_px / PNG_STYLE.width
    fig = _draw(spec, PNG_STYLE, dpi=dpi, standalone=True)
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=dpi, facecolor=PAPER, metadata={"Software": None})
    return out.getvalue()


# --------------------------------------------------------------------------------------------
# Cached versions: what pages, feeds and newsletters use
# --------------------------------------------------------------------------------------------


def _cache_key(kind: str, spec: ChartSpec, variant: str = "") -> str:
    material = f"{ENGINE_VERSION}|{matplotlib.__version__}|{kind}|{variant}|{spec_digest(spec)}"
    return f"{CACHE_PREFIX}:{kind}:{hashlib.sha256(material.encode()).hexdigest()}"


def chart_svg(spec: ChartSpec) -> str:
    """The chart's SVG from the cache, drawn (and cached) only on a miss."""
    if spec.chart_type == "table":
        return ""
    key = _cache_key("svg", spec)
    svg = cache.get(key)
    if svg is None:
        svg = render_svg(spec)
        cache.set(key, svg, CACHE_TIMEOUT)
    return svg


def chart_png(spec: ChartSpec, width_px: int = 1200) -> bytes:
    """The chart's PNG from the cache, drawn (and cached) only on a miss."""
    if spec.chart_type == "table":
        return b""
    key = _cache_key("png", spec, str(width_px))
    png = cache.get(key)
    if png is None:
        png = render_png(spec, width_px)
        cache.set(key, png, CACHE_TIMEOUT)
    return png


def warm_chart_cache(specs, png_widths=(1200,)) -> int:
    """Draw and cache any of these charts (SVG, and PNG at each width) not yet cached.

    Call it when a page is published, so that no reader waits for a chart to be drawn.
    Returns how many images were drawn.
    """
    drawn = 0
    for spec in specs:
        if spec.chart_type == "table":
            continue
        if cache.get(_cache_key("svg", spec)) is None:
            chart_svg(spec)
            drawn += 1
        for width in png_widths:
            if cache.get(_cache_key("png", spec, str(width))) is None:
                chart_png(spec, width)
                drawn += 1
    return drawn
