"""Data charts other sites may show in an iframe. A chart is addressed by its page and its
block's id (``/data/embed/chart/<page id>/<block id>/``): Wagtail keeps a block's id across
revisions, so an embed keeps showing the same chart, with the figures of the version current for
the public, as long as the page keeps the block. Only a top-level "Chart from the data" block
of a live page anyone may see is embeddable, and only while some of its figures are public."""

import dataclasses

from django.urls import reverse
from django.utils.html import format_html
from wagtail.fields import StreamField
from wagtail.models import Page

from .blocks import IndicatorChartBlock

# What the snippet and oEmbed offer: tall enough for the title, the drawing (at most a third of
# the frame's height, core/chart_embed.html's style), the status notes, source and link back.
WIDTH, HEIGHT = 640, 760


@dataclasses.dataclass
class EmbeddableChart:
    page: Page
    block: object  # the StreamChild
    context: dict  # the block's context: chart (its ChartSpec), dataset, version...

    @property
    def title(self):
        return self.context["chart"].title


def stream_fields(page):
    return [field.name for field in page._meta.get_fields() if isinstance(field, StreamField)]


def chart_block_ids(page):
    """The ids of the page's top-level data charts, read from the raw data: no query."""
    found = []
    for name in stream_fields(page):
        value = getattr(page, name)
        if not value:
            continue
        child_blocks = value.stream_block.child_blocks
        for item in value.raw_data:
            if isinstance(child_blocks.get(item.get("type")), IndicatorChartBlock) and item.get("id"):
                found.append(item["id"])
    return found


def find(page_id, block_id):
    """The chart, or None when the page is not live, not public, has no such data chart, or none
    of the chart's figures are public yet."""
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None:
        return None
    page = page.specific
    if block_id not in chart_block_ids(page):
        return None
    for name in stream_fields(page):
        for child in getattr(page, name) or []:
            if child.id == block_id:
                context = child.block.get_context(child.value)
                return EmbeddableChart(page, child, context) if context.get("chart") else None
    return None


def embed_path(page_id, block_id):
    return reverse("datasets:embed_chart", kwargs={"page_id": page_id, "block_id": block_id})


def snippet(url, title, width=WIDTH, height=HEIGHT):
    """The iframe other sites paste (and oEmbed returns)."""
    return format_html(
        '<iframe src="{}" title="{}" width="{}" height="{}" loading="lazy" style="border:0;max-width:100%">'
        "</iframe>",
        url,
        title,
        width,
        height,
    )
