"""Demo content for the engagement dashboard."""

import datetime

from django.utils import timezone

from .models import KpiTarget


def load_engagement_demo(created):
    """Create whatever of the engagement demo is missing; ``created`` gets a name for each thing made."""
    ensure_kpi_targets(created)


def ensure_kpi_targets(created):
    """Two targets, so that the demo dashboard shows progress."""
    if KpiTarget.objects.exists():
        return
    year = timezone.localdate().year
    KpiTarget.objects.create(
        name="+20% newsletter sign-ups this year",
        indicator="activity",
        segment="Newsletter sign-up",
        target_type=KpiTarget.TargetType.GROWTH,
        target=20,
        start_date=datetime.date(year, 1, 1),
        end_date=datetime.date(year, 12, 31),
    )
    KpiTarget.objects.create(
        name="Answer 40 data requests this year",
        indicator="data_requests",
        segment="Answered",
        target=40,
        start_date=datetime.date(year, 1, 1),
        end_date=datetime.date(year, 12, 31),
    )
    created.append("KPI targets")
