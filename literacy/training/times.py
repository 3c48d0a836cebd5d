"""How a session's time reads on the pages and in the emails: always in its own time zone."""

import zoneinfo

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext


def local(session, moment):
    return timezone.localtime(moment, zoneinfo.ZoneInfo(session.time_zone))


def session_when(session):
    """e.g. "Tuesday 1 December 2026, 10:00 to 11:30 (Europe/Paris time, CET)"."""
    start, end = local(session, session.starts_at), local(session, session.ends_at)
    day = date_format(start, "l j F Y")
    end_text = date_format(end, "H:i") if end.date() == start.date() else date_format(end, "l j F Y, H:i")
    return gettext("%(day)s, %(start)s to %(end)s (%(zone)s time, %(abbreviation)s)") % {
        "day": day,
        "start": date_format(start, "H:i"),
        "end": end_text,
        "zone": session.time_zone,
        "abbreviation": start.tzname(),
    }


def session_date(session):
    """The day, for cards and headings: e.g. "Tue 1 Dec 2026"."""
    return date_format(local(session, session.starts_at), "D j M Y")


def session_closes(session):
    """When registration closes, in the session's time zone: e.g. "Monday 30 November 2026, 17:00 (CET)"."""
    closes = local(session, session.closes_at)
    return f"{date_format(closes, 'l j F Y, H:i')} ({closes.tzname()})"
