"""How a competition's dates read on its pages and in emails: always in its own time zone."""

from django import template
from django.utils.formats import date_format
from django.utils.translation import gettext

register = template.Library()


@register.filter
def in_zone(moment, competition):
    """e.g. "Monday 1 March 2027, 17:00 (Europe/Paris time, CET)"."""
    local = moment.astimezone(competition.zone)
    return gettext("%(moment)s (%(zone)s time, %(abbreviation)s)") % {
        "moment": date_format(local, "l j F Y, H:i"),
        "zone": competition.time_zone,
        "abbreviation": local.tzname(),
    }


@register.filter
def ordinal_place(place):
    """1 -> "First place", 4 -> "4th place"."""
    names = {1: gettext("First place"), 2: gettext("Second place"), 3: gettext("Third place")}
    if place in names:
        return names[place]
    suffix = "th" if 10 <= place % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(place % 10, "th")
    text = {
        "st": gettext("%(number)sst place"),
        "nd": gettext("%(number)snd place"),
        "rd": gettext("%(number)srd place"),
        "th": gettext("%(number)sth place"),
    }[suffix]
    return text % {"number": place}
