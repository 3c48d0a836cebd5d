"""Reading a pasted table into :class:`ChartData`, with a message for every problem an editor can fix."""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata

from django.core.exceptions import ValidationError

from portal.contacts.exports import FORMULA_TRIGGERS

from .spec import (
    MAX_CELL_LENGTH,
    MAX_DECIMALS,
    MAX_REPORTED_PROBLEMS,
    MAX_ROWS,
    MAX_SERIES,
    MAX_TEXT_LENGTH,
    ChartData,
    decimal_places,
)

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
    places = decimal_places(value) if match["exp"] else max(len(fraction) - 1, 0)
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
