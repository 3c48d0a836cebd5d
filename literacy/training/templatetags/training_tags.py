"""Filters for the training templates: a session's times (see times.py), lengths, seats, materials."""

from django import template
from django.utils.translation import ngettext

from ..services import seats_left
from ..times import session_closes, session_date, session_when

register = template.Library()
register.filter("session_when", session_when)
register.filter("session_date", session_date)
register.filter("session_closes", session_closes)


@register.filter
def duration(minutes):
    """90 -> "1 hour 30 minutes"."""
    hours, rest = divmod(int(minutes), 60)
    parts = []
    if hours:
        parts.append(ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours})
    if rest:
        parts.append(ngettext("%(count)d minute", "%(count)d minutes", rest) % {"count": rest})
    return " ".join(parts) or ngettext("%(count)d minute", "%(count)d minutes", 0) % {"count": 0}


@register.filter
def places_left(session):
    """Free seats, from the listing's annotated count when there is one (no query per card)."""
    confirmed = getattr(session, "confirmed_count", None)
    if confirmed is None:
        return seats_left(session)
    return max(session.capacity - confirmed, 0)


@register.filter
def material_url(material):
    return material.document.url if material.document_id else material.url
