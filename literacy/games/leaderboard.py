"""Leaderboards of a timed quiz: per ISO week (in the site's time zone) and of all time.

Ranking is total and deterministic: score (highest first), then time taken (fastest first),
then the earlier submission, then the entry's id.
"""

import datetime
import re

from django.utils import timezone

from .models import LeaderboardEntry

WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def monday_of(day):
    return day - datetime.timedelta(days=day.weekday())


def current_week():
    return monday_of(timezone.localdate())


def parse_week(text):
    """ "2026-W47" -> the Monday of that ISO week; None if it is not a week up to this one."""
    match = WEEK.match(text or "")
    if not match:
        return None
    try:
        monday = datetime.date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        return None
    return monday if monday <= current_week() else None


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
