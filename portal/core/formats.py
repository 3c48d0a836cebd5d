"""Numbers, percentages and periods as the active language writes them.

Django formats dates (``date_format``, ``|date:"DATE_FORMAT"``) and numbers (``number_format``)
per language, but always needs a fixed number of decimal places, knows no percentage and no
statistical period ("2024-Q1"). These helpers fill those gaps, once for every app, so that a
figure reads "1,234.5" in English, "1 234,5" in French and "1234,5" in Arabic (Django's Arabic
formats: decimal comma, Western digits, no grouping). They are for people only: downloads, the
API and ``<data value>``/``<time datetime>`` attributes keep the canonical "1234.5" form.
See docs/languages.md, "Numbers and dates".
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.utils.formats import date_format, get_format, number_format
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext as _

MAX_DECIMALS = 6
# The language's way of writing a percentage; "{}" is the number. French (and the ISO/SI
# convention) puts a narrow no-break space before the sign; English and Arabic none.
PERCENT_PATTERNS = {"fr": "{}\u202f%"}
_PERIOD = re.compile(r"(?P<year>[0-9]{4})(?:-(?P<kind>[SQH])(?P<part>[1-4])|-(?P<month>0[1-9]|1[0-2]))?")


def _decimal(value) -> Decimal | None:
    """The value as an exact Decimal (a float as ``repr`` writes it), or None when it is no finite
    number (None, NaN, infinity, text that is not a number)."""
    if value is None or isinstance(value, bool):
        return None
    try:
        # repr(float(...)): the shortest exact text, also for numpy's floats (whose own repr is
        # "np.float64(3.5)").
        number = Decimal(repr(float(value))) if isinstance(value, float) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def decimal_places(value) -> int:
    """The decimal places a value is written with (1234.5 has 1, 3.0 has 0), at most six."""
    number = _decimal(value)
    if number is None:
        return 0
    exponent = number.normalize().as_tuple().exponent
    return min(max(0, -exponent), MAX_DECIMALS) if isinstance(exponent, int) else 0


def format_number(value, decimals: int | None = None) -> str:
    """The value with the active language's decimal separator and thousands grouping, rounded to
    ``decimals`` places (by default as many as it has, at most six). Not a number (None, NaN,
    infinity, text) gives "" so that the caller says why there is no figure; never "-0"."""
    number = _decimal(value)
    if number is None:
        return ""
    if decimals is None:
        decimals = decimal_places(number)
    decimals = max(0, min(int(decimals), MAX_DECIMALS))
    # Round as Python's own formatting does (the figures' tables always did), then localise.
    rounded = Decimal(f"{number:.{decimals}f}")
    if rounded == 0:
        rounded = abs(rounded)
    return number_format(rounded, decimals, use_l10n=True, force_grouping=True)


# For messages built at import time (form errors): formatted when shown, in the language then.
format_number_lazy = lazy(format_number, str)


def format_percent(value, decimals: int | None = None) -> str:
    """A percentage as the active language writes it: "4.1%" in English, "4,1 %" (narrow no-break
    space) in French; "" when the value is not a number."""
    text = format_number(value, decimals)
    if not text:
        return ""
    pattern = PERCENT_PATTERNS.get((get_language() or "").split("-")[0], "{}%")
    return pattern.format(text)


def number_style() -> str:
    """What decides how numbers look in the active language (separators and grouping), for keys of
    cached images whose labels hold numbers: languages that write numbers alike share them."""
    parts = (get_format(name, use_l10n=True) for name in ("DECIMAL_SEPARATOR", "THOUSAND_SEPARATOR"))
    grouping = get_format("NUMBER_GROUPING", use_l10n=True)
    percent = PERCENT_PATTERNS.get((get_language() or "").split("-")[0], "{}%")
    return "|".join([*parts, str(grouping), percent])


def period_label(code) -> str:
    """A statistical period code in words: "2024-Q1" is "Q1 2024" in English, "T1 2024" in French;
    "2024-03" is "March 2024"/"mars 2024"; "2024-S2" (or "2024-H2") a half-year; "2024" stays.
    Anything else is shown as it was given."""
    text = str(code or "").strip()
    match = _PERIOD.fullmatch(text)
    if not match:
        return text
    year = int(match["year"])
    if match["month"]:
        return date_format(datetime.date(year, int(match["month"]), 1), "YEAR_MONTH_FORMAT")
    if match["kind"] == "Q":
        # Translators: a quarter of a year, e.g. "Q1 2024"; French writes "T1 2024".
        return _("Q%(quarter)s %(year)s") % {"quarter": match["part"], "year": year}
    if match["kind"] in {"S", "H"} and match["part"] in {"1", "2"}:
        # Translators: a half of a year, e.g. "H2 2024"; French writes "S2 2024".
        return _("H%(half)s %(year)s") % {"half": match["part"], "year": year}
    return text if match["kind"] else str(year)
