"""How a competition's dates read on its pages and in emails: always in its own time zone."""

from django import template
from django.utils.formats import date_format

register = template.Library()


@register.filter
def in_zone(moment, competition):
    """e.g. "Monday 1 March 2027, 17:00 (Europe/Paris time, CET)"."""
    local = moment.astimezone(competition.zone)
    return f"{date_format(local, 'l j F Y, H:i')} ({competition.time_zone} time, {local.tzname()})"


@register.filter
def ordinal_place(place):
    """1 -> "First place", 4 -> "4th place"."""
    names = {1: "First", 2: "Second", 3: "Third"}
    if place in names:
        return f"{names[place]} place"
    suffix = "th" if 10 <= place % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(place % 10, "th")
    return f"{place}{suffix} place"
