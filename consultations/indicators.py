"""Consultations on the engagement dashboard: responses received, and consultations open."""

from django.db.models import Count
from django.utils import timezone

from portal.engagement.registry import Indicator, constant_rows, count_rows, day_bounds

from .models import ConsultationPage, ConsultationResponse


def consultations(start, end, group_by, user_group=None):
    """Responses received in each period, and (live) consultations that opened in it."""
    begin, stop = day_bounds(start, end)
    received = ConsultationResponse.objects.filter(submit_time__gte=begin, submit_time__lt=stop)
    opened = ConsultationPage.objects.live().filter(opens_at__gte=begin, opens_at__lt=stop)
    return [
        *constant_rows(count_rows(received, "submit_time", group_by), "Responses"),
        *constant_rows(count_rows(opened, "opens_at", group_by), "Opened"),
    ]


def open_now(start, end, user_group=None):
    """A small table: the consultations open today, with their responses so far (one query)."""
    now = timezone.now()
    rows = (
        ConsultationPage.objects.live()
        .filter(opens_at__lte=now, closes_at__gt=now)
        .annotate(responses=Count("consultationresponse"))
        .order_by("closes_at")
        .values_list("title", "closes_at", "responses")
    )
    return (
        ["Open consultation", "Closes", "Responses so far"],
        [(title, f"{timezone.localtime(closes):%d %b %Y}", count) for title, closes, count in rows],
    )


def registered_indicators():
    return [
        Indicator(
            key="consultation_responses",
            title="Consultations",
            description=(
                "Responses to consultations received in each period, and consultations that opened "
                "in it; the table lists those open today with their responses so far."
            ),
            rows=consultations,
            segments=("Responses", "Opened"),
            summary=open_now,
            order=67,
        ),
    ]
