"""Dates for machines: the ``datetime`` attribute of ``<time>`` and structured data."""

import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def machine_datetime(value):
    """A valid HTML global date and time, to the second (Django's "c" format adds microseconds,
    which the HTML standard does not allow): 2026-12-05T18:30:24+00:00."""
    if not isinstance(value, datetime.datetime):
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0).isoformat()
