"""How the games write figures: fixed decimal places, thousands separators, units in words."""

from decimal import Decimal

from django.utils.translation import gettext

from portal.core.formats import format_number


def format_figure(value, places=0):
    """1234.5 -> "1,234.5" with places=1 ("1 234,5" in French); a minus sign, never "-0"."""
    return format_number(Decimal(str(value)), places)


def input_figure(value, places=0):
    """A figure as the number field takes it, whatever the language: a full stop for decimals
    ("3.5"), so that a hint or error about what to type shows what to type."""
    text = f"{Decimal(str(value)):,.{places}f}"
    return text[1:] if text.startswith("-") and not text.strip("-0.,") else text


def with_unit(text, unit):
    """ "76.4" + "%" -> "76.4%"; "81.2" + "years" -> "81.2 years"; "€" goes in front."""
    if not unit:
        return text
    if unit in ("%", "‰"):
        return f"{text}{unit}"
    if unit in ("€", "$", "£"):
        return f"{unit}{text}"
    return f"{text} {unit}"


def difference_unit(unit):
    """A difference between two percentages is in percentage points."""
    return gettext("percentage points") if unit == "%" else unit
