"""How a session's time reads on the pages and in the emails: always in its own time zone."""

import zoneinfo

from django import template
from django.utils import timezone
from django.utils.formats import date_format

register = template.Library()


def local(session, moment):
    return timezone.localtime(moment, zoneinfo.ZoneInfo(session.time_zone))


@register.filter
def session_when(session):
    """e.g. "Tuesday 1 December 2026, 10:00 to 11:30 (Europe/Paris time, CET)"."""
    start, end = local(session, session.starts_at), local(session, session.ends_at)
    day = date_format(start, "l j F Y")
    end_text = date_format(end, "H:i") if end.date() == start.date() else date_format(end, "l j F Y, H:i")
    return f"{day}, {date_format(start, 'H:i')} to {end_text} ({session.time_zone} time, {start.tzname()})"


@register.filter
def session_date(session):
    """The day, for cards and headings: e.g. "Tue 1 Dec 2026"."""
    return date_format(local(session, session.starts_at), "D j M Y")


@register.filter
def session_closes(session):
    """When registration closes, in the session's time zone: e.g. "Monday 30 November 2026, 17:00 (CET)"."""
    closes = local(session, session.closes_at)
    return f"{date_format(closes, 'l j F Y, H:i')} ({closes.tzname()})"


@register.filter
def duration(minutes):
    """90 -> "1 hour 30 minutes"."""
    hours, rest = divmod(int(minutes), 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if rest:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts) or "0 minutes"


@register.filter
def places_left(session):
    """Free seats, from the listing's annotated count when there is one (no query per card)."""
    confirmed = getattr(session, "confirmed_count", None)
    if confirmed is None:
        from literacy.training.services import seats_left

        return seats_left(session)
    return max(session.capacity - confirmed, 0)


@register.filter
def material_url(material):
    return material.document.url if material.document_id else material.url
