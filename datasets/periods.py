"""SDMX / ISO 8601 period codes: the time of every observation, checked before it is stored.

Accepted: ``2024`` (annual), ``2024-S1``/``S2`` (half-year), ``2024-Q1``..``Q4``, ``2024-01``..``12``.
Anything else is refused with a message that says what was expected, so a spreadsheet's
"24" or "2024-1" is caught at import rather than guessed."""

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

ANNUAL, HALF_YEARLY, QUARTERLY, MONTHLY = "A", "S", "Q", "M"

_PATTERN = re.compile(r"(?P<year>[0-9]{4})(?:-(?P<kind>[SQ])(?P<part>[0-9]+)|-(?P<month>[0-9]+))?")
EXPECTED = "expected a year (2024), a half-year (2024-S1), a quarter (2024-Q1) or a month (2024-01)"


class PeriodError(ValueError):
    pass


@dataclass(frozen=True)
class Period:
    code: str
    frequency: str
    start: date


@lru_cache(maxsize=4096)
def parse_period(code):
    """The period's frequency (A, S, Q or M) and first day, or a PeriodError saying why not."""
    text = (code or "").strip()
    if not text:
        raise PeriodError(f"the period is empty: {EXPECTED}")
    match = _PATTERN.fullmatch(text)
    if not match:
        raise PeriodError(f"{text!r} is not a period: {EXPECTED}")
    year = int(match["year"])
    if year < 1000:
        raise PeriodError(f"{text!r}: the year must have four digits")
    if match["kind"]:
        kind, part = match["kind"], int(match["part"])
        parts = 2 if kind == HALF_YEARLY else 4
        if not 1 <= part <= parts or len(match["part"]) != 1:
            name = "half-year" if kind == HALF_YEARLY else "quarter"
            raise PeriodError(f"{text!r}: the {name} must be {kind}1 to {kind}{parts}")
        return Period(text, kind, date(year, 1 + (part - 1) * 12 // parts, 1))
    if match["month"]:
        month = match["month"]
        if len(month) != 2:
            raise PeriodError(f"{text!r}: write the month with two digits, e.g. {year}-0{month[-1]}")
        if not 1 <= int(month) <= 12:
            raise PeriodError(f"{text!r}: the month must be 01 to 12")
        return Period(text, MONTHLY, date(year, int(month), 1))
    return Period(text, ANNUAL, date(year, 1, 1))
