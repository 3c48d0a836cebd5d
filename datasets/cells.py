"""The rules for one cell of an imported file: numbers, status flags and hostile text.

Numbers are written plainly: an optional minus, digits, an optional point and decimals
(``1234.5``, ``-3``, ``0.25``). Thousands separators, decimal commas and exponents (``1e3``,
which spreadsheets write for wide numbers and round) are refused with a message saying so,
never guessed. Text that a spreadsheet would run as a formula is refused too."""

import re
from decimal import Decimal

MAX_CELL = 200
MAX_INTEGER_DIGITS = 14
MAX_DECIMALS = 6
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
STATUSES = {"A", "P", "E", "B", "M", "C"}

_NUMBER = re.compile(r"-?(?P<integer>[0-9]*)(?:\.(?P<decimals>[0-9]*))?")
_GROUPED = re.compile(r"-?[0-9]{1,3}([, '\u00a0\u202f][0-9]{3})+([.,][0-9]+)?")
_DECIMAL_COMMA = re.compile(r"-?[0-9]+,[0-9]+")
_EXPONENT = re.compile(r"-?[0-9.]+[eE][-+]?[0-9]+")


class CellError(ValueError):
    pass


def _checked(cell):
    if "\x00" in cell:
        raise CellError("the cell contains a NUL character")
    if len(cell) > MAX_CELL:
        raise CellError(f"the cell is {len(cell)} characters long (at most {MAX_CELL})")
    return cell.strip()


def plain_text(cell):
    """A code or flag: refused if a spreadsheet would read it as a formula."""
    text = _checked(cell)
    if text.startswith(FORMULA_STARTS):
        raise CellError(f"{text[:40]!r} starts with {text[0]!r} like a spreadsheet formula: refused")
    return text


def parse_value(cell):
    """The cell as a Decimal, or None when empty (a missing or confidential figure)."""
    text = _checked(cell)
    if not text:
        return None
    match = _NUMBER.fullmatch(text)
    if match and (match["integer"] or match["decimals"]):
        if len(match["integer"].lstrip("0")) > MAX_INTEGER_DIGITS:
            raise CellError(f"{text!r} is too large (at most {MAX_INTEGER_DIGITS} digits before the point)")
        if len((match["decimals"] or "").rstrip("0")) > MAX_DECIMALS:
            raise CellError(f"{text!r} has more than {MAX_DECIMALS} decimals")
        return Decimal(text)
    if _GROUPED.fullmatch(text):
        raise CellError(f"{text!r} has thousands separators: write the number without them (1234.5)")
    if _DECIMAL_COMMA.fullmatch(text):
        raise CellError(f"{text!r} has a decimal comma: write a point (1234.5)")
    if _EXPONENT.fullmatch(text):
        raise CellError(f"{text!r} is in exponent notation: write the number in full (1000)")
    if text.startswith(FORMULA_STARTS):
        raise CellError(f"{text[:40]!r} starts with {text[0]!r} like a spreadsheet formula: refused")
    raise CellError(f"{text[:40]!r} is not a number")


def parse_status(text):
    """SDMX OBS_STATUS flags this site knows; empty means A (normal)."""
    if not text:
        return "A"
    flag = text.upper()
    if flag not in STATUSES:
        raise CellError(f"unknown status {text!r}: use A, P, E, B, M or C")
    return flag
