"""Draw a story's charts when it is published, so that no reader waits for one."""

from django.dispatch import receiver
from wagtail.signals import page_published

from portal.core import charts

from .models import DataStoryPage


@receiver(page_published, sender=DataStoryPage)
def draw_charts_on_publish(sender, instance, **kwargs):
    charts.warm_chart_cache(instance.chart_specs(), png_widths=())
