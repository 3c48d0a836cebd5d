"""How the games write figures: fixed decimal places, thousands separators, units in words."""

from decimal import Decimal

from django.utils.translation import gettext


def format_figure(value, places=0):
    """1234.5 -> "1,234.5" with places=1; a minus sign, never "-0"."""
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
