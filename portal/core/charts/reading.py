"""Reading a pasted table into :class:`ChartData`, with a message for every problem an editor can fix."""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext

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
        return gettext("column %(number)s (%(name)s)") % {"number": index + 1, "name": _show(columns[index])}
    return gettext("column %(number)s") % {"number": index + 1}


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
        return _too_long(cell)
    if "<" in cell or ">" in cell:
        return gettext(
            '%(cell)s contains "<" or ">". Charts cannot contain markup; '
            'write "less than" or "more than" instead.'
        ) % {"cell": _show(cell)}
    if any(unicodedata.category(ch) == "Cc" for ch in cell):
        return gettext("%(cell)s contains a line break, tab or other control character.") % {
            "cell": _show(cell)
        }
    if cell.startswith(FORMULA_TRIGGERS) and _plain_number(cell) is None:
        return gettext(
            '%(cell)s starts with "%(character)s", so a spreadsheet would run it as a formula. Remove that '
            "character, or put an apostrophe (') in front to keep it as text."
        ) % {"cell": _show(cell), "character": _show(cell[0], 5)[1:-1]}
    return None


def _too_long(cell: str) -> str:
    return gettext("%(cell)s is %(length)s characters long; keep each cell to %(limit)s or fewer.") % {
        "cell": _show(cell),
        "length": len(cell),
        "limit": MAX_CELL_LENGTH,
    }


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
        return _too_long(cell)
    if "<" in cell or ">" in cell:
        return gettext('%(cell)s contains "<" or ">"; charts cannot contain markup.') % {"cell": _show(cell)}
    hint = gettext("Use digits only, e.g. 1234.5 or 1,234, or leave the cell empty if there is no data.")
    if cell.endswith("%"):
        hint = gettext('Leave out the "%%" and put "%%" in the Unit field.') % {}
    elif re.fullmatch(r"[+-]?\d+,\d{1,2}", cell) or re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+,\d+", cell):
        hint = gettext("Use a decimal point, not a decimal comma, e.g. 3.5.")
    elif re.search(r"\d", cell) and re.search(r"[^\d.,\s+\-\u2212]", cell):
        hint = gettext(
            "Leave out units and symbols (put them in the Unit field) and notes (put them in Notes)."
        )
    return gettext("%(cell)s is not a number. %(hint)s") % {"cell": _show(cell), "hint": hint}


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
            gettext(
                "There is too much data (%(length)s characters). A chart can show at most %(rows)s rows "
                "and %(series)s series."
            )
            % {"length": f"{len(text):,}", "rows": MAX_ROWS, "series": MAX_SERIES},
            code="too_long",
        )
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ValidationError(
            gettext(
                "There is no data. Paste a table with a header row, categories in the first column "
                "and one column of numbers for each series."
            ),
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
                    gettext(
                        "There are more than %(rows)s rows of data (row %(line)s is one too many). "
                        "A chart can show at most %(rows)s; summarise the data or split it into "
                        "several charts."
                    )
                    % {"rows": MAX_ROWS, "line": line},
                    code="too_many_rows",
                )
            if len(cells) != len(columns):
                raise ValidationError(
                    gettext(
                        "Row %(line)s has %(cells)s cells but the header row has %(columns)s. "
                        "Every row needs one cell per column. If a number has a comma as a thousands "
                        "separator, put it in quotes or leave the comma out."
                    )
                    % {"line": line, "cells": len(cells), "columns": len(columns)},
                    code="ragged",
                )
            rows.append(_parse_row(cells, line, columns, label_rows, problems, decimals))
    except csv.Error as error:
        raise ValidationError(
            gettext("Row %(line)s could not be read (%(error)s). Check its quotation marks.")
            % {"line": reader.line_num, "error": error},
            code="csv",
        ) from error
    if columns is None:
        raise ValidationError(gettext("There is no data: every row is empty."), code="empty")
    if not rows and not problems:
        raise ValidationError(gettext("There is a header row but no data rows below it."), code="header_only")
    for index in range(1, len(columns) if not problems else 0):  # (unreadable cells are also empty)
        if all(values[index - 1] is None for _, values in rows):
            problems.append(
                gettext("%(column)s has no numbers. Fill it in or delete the column.")
                % {"column": capfirst(_column_name(columns, index))}
            )
    if problems:
        shown = problems[:MAX_REPORTED_PROBLEMS]
        if len(problems) > len(shown):
            more = len(problems) - len(shown)
            shown.append(
                ngettext("… and %(count)s more problem.", "… and %(count)s more problems.", more)
                % {"count": more}
            )
        raise ValidationError(shown, code="invalid")
    return ChartData(columns=columns, rows=tuple(rows), decimals=tuple(decimals))


def _parse_header(cells: list[str], line: int) -> tuple[str, ...]:
    if len(cells) < 2:
        raise ValidationError(
            gettext(
                "Row %(line)s (the header) has only one column. A chart needs at least two: categories "
                "(e.g. Year) and one column of numbers. Separate columns with commas, semicolons or tabs."
            )
            % {"line": line},
            code="too_few_columns",
        )
    if len(cells) - 1 > MAX_SERIES:
        raise ValidationError(
            gettext(
                "Row %(line)s (the header) has %(series)s series after the first column; a chart can "
                "show at most %(limit)s. Split the data into several charts."
            )
            % {"line": line, "series": len(cells) - 1, "limit": MAX_SERIES},
            code="too_many_series",
        )
    names: list[str] = []
    seen: dict[str, int] = {}
    for index, cell in enumerate(cells):
        where = gettext("Row %(line)s (the header), column %(number)s") % {"line": line, "number": index + 1}
        if not cell:
            example = gettext("e.g. Year or Region") if index == 0 else gettext("the name of the series")
            raise ValidationError(
                gettext("%(where)s has no name. Give every column a name (%(example)s).")
                % {"where": where, "example": example},
                code="no_name",
            )
        problem = _text_problem(cell)
        if problem:
            raise ValidationError(
                gettext("%(where)s: %(problem)s") % {"where": where, "problem": problem}, code="bad_header"
            )
        name = _unescape_text(cell)
        key = name.casefold()
        if key in seen:
            raise ValidationError(
                gettext(
                    "%(where)s repeats the name %(name)s of column %(number)s. "
                    "Every column needs its own name."
                )
                % {"where": where, "name": _show(name), "number": seen[key] + 1},
                code="duplicate_name",
            )
        seen[key] = index
        names.append(name)
    return tuple(names)


def _parse_row(cells, line, columns, label_rows, problems, decimals):
    label_cell = cells[0]
    label = _unescape_text(label_cell)
    where = gettext("Row %(line)s, %(column)s") % {"line": line, "column": _column_name(columns, 0)}
    if not label_cell:
        problems.append(
            gettext("%(where)s is empty. Every row needs a label, e.g. the year or the area.")
            % {"where": where}
        )
    elif problem := _text_problem(label_cell):
        problems.append(gettext("%(where)s: %(problem)s") % {"where": where, "problem": problem})
    elif label.casefold() in label_rows:
        problems.append(
            gettext("%(where)s repeats the label %(label)s from row %(row)s. Every row needs its own label.")
            % {"where": where, "label": _show(label), "row": label_rows[label.casefold()]}
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
            where = gettext("Row %(line)s, %(column)s") % {
                "line": line,
                "column": _column_name(columns, index),
            }
            problems.append(
                gettext("%(where)s: %(problem)s") % {"where": where, "problem": _number_problem(cell)}
            )
            values.append(None)
        else:
            values.append(number[0])
            decimals[index - 1] = max(decimals[index - 1], number[1])
    return label, tuple(values)
