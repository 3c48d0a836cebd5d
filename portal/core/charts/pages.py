"""Draw every chart a page shows when it is published or when the figures it quotes change, so
that no visitor waits for matplotlib.

A block that draws charts says which with ``chart_specs(value)`` (a list of ChartSpec): pasted
tables (:class:`portal.core.charts.blocks.ChartBlock`) and the data layer's indicator charts both
do. This module walks a page's StreamFields for such blocks without knowing any feature app.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django_tasks import task
from wagtail.fields import StreamField
from wagtail.models import Page

from . import warm_chart_cache

SHARE_WIDTHS = (1200,)  # the PNG drawn for newsletters and social cards


def page_chart_specs(page):
    """The specs of the charts ``page`` shows in the top-level blocks of its StreamFields."""
    page = page.specific
    specs = []
    for field in page._meta.get_fields():
        if not isinstance(field, StreamField):
            continue
        for bound in getattr(page, field.name) or ():
            chart_specs = getattr(bound.block, "chart_specs", None)
            if chart_specs is None:
                continue
            try:
                specs.extend(chart_specs(bound.value))
            except ValidationError:
                continue  # a chart that cannot be drawn shows its table; nothing to draw ahead
    return specs


def draw_page_charts(pages):
    """Draw (SVG now, PNGs in the background) every chart of ``pages`` never drawn before.
    Returns how many SVGs were drawn."""
    drawn = 0
    page_ids = []
    for page in pages:
        drawn += warm_chart_cache(page_chart_specs(page), png_widths=())
        page_ids.append(page.pk)
    if page_ids:
        transaction.on_commit(lambda: draw_share_images.enqueue(page_ids))
    return drawn


@task()
def draw_share_images(page_ids):
    """The pages' charts as PNG, for newsletters and social cards, drawn by a worker."""
    for page in Page.objects.filter(pk__in=page_ids).live().specific():
        warm_chart_cache(page_chart_specs(page), png_widths=SHARE_WIDTHS)


def draw_on_publish(sender, instance, **kwargs):
    """Receiver of Wagtail's ``page_published``: draw the page's charts before anyone asks."""
    draw_page_charts([instance])
