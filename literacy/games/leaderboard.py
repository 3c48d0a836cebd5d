"""Leaderboards of a timed quiz: per ISO week (in the site's time zone) and of all time.

Ranking is total and deterministic: score (highest first), then time taken (fastest first),
then the earlier submission, then the entry's id.
"""

import datetime
import re

from django.db.models import Min
from django.utils import timezone

from .models import LeaderboardEntry

WEEK = re.compile(r"(\d{4})-W(\d{2})", re.ASCII)


def monday_of(day):
    return day - datetime.timedelta(days=day.weekday())


def current_week():
    return monday_of(timezone.localdate())


def parse_week(text, first=None):
    """ "2026-W47" -> the Monday of that ISO week; None if it is not a week from ``first`` (a
    Monday, if given) up to this one."""
    match = WEEK.fullmatch(text or "")
    if not match:
        return None
    try:
        monday = datetime.date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        return None
    if first is not None and monday < first:
        return None
    return monday if monday <= current_week() else None


def first_week(quiz):
    """The Monday of the week of the quiz's first visible score; this week's if it has none."""
    first = visible_entries(quiz).aggregate(first=Min("submitted_at"))["first"]
    return min(monday_of(timezone.localdate(first)), current_week()) if first else current_week()


def week_label(monday):
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def week_bounds(monday):
    """The week's first and last+1 instants, as aware datetimes in the site's time zone."""
    start = timezone.make_aware(datetime.datetime.combine(monday, datetime.time.min))
    end = timezone.make_aware(
        datetime.datetime.combine(monday + datetime.timedelta(days=7), datetime.time.min)
    )
    return start, end


def visible_entries(quiz):
    return LeaderboardEntry.objects.filter(quiz=quiz, hidden=False)


def top_of_week(quiz, monday, limit):
    start, end = week_bounds(monday)
    return list(
        visible_entries(quiz)
        .filter(submitted_at__gte=start, submitted_at__lt=end)
        .order_by(*LeaderboardEntry.RANKING)[:limit]
    )


def top_of_all_time(quiz, limit):
    return list(visible_entries(quiz).order_by(*LeaderboardEntry.RANKING)[:limit])
