"""Demo content for the engagement dashboard: this year's KPI targets, from
``demo_content/kpi_targets.json``, so that the demo dashboard shows progress."""

import datetime

from django.utils import timezone

from portal.core.demo import DemoFiles

from .models import KpiTarget

CONTENT = DemoFiles(__file__)


def load_engagement_demo(home, created):
    """Create the targets if there are none; ``created`` gets a name for what was made."""
    if KpiTarget.objects.exists():
        return
    year = timezone.localdate().year
    for target in CONTENT.json("kpi_targets.json"):
        KpiTarget.objects.create(
            **target, start_date=datetime.date(year, 1, 1), end_date=datetime.date(year, 12, 31)
        )
    created.append("KPI targets")
