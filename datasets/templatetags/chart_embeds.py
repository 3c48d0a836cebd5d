"""The "Embed this chart" disclosure under a data chart, and the oEmbed discovery links in the
head of a page with data charts (``datasets.embeds``)."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.html import format_html_join

from .. import embeds

register = template.Library()


def _embeddable(page, block_id):
    return bool(page and block_id and getattr(page, "live", False) and getattr(page, "pk", None))


@register.simple_tag(takes_context=True)
def chart_embed(context, chart):
    """The embed address, snippet and oEmbed address of the chart being rendered, or None when
    it has no address: outside a live page (a newsletter, a preview of a draft), or when the
    chart is itself shown in an embed."""
    page, block_id, request = context.get("page"), context.get("block_id"), context.get("request")
    if context.get("embedded") or request is None or not _embeddable(page, block_id):
        return None
    url = request.build_absolute_uri(embeds.embed_path(page.pk, block_id))
    return {"id": block_id, "url": url, "snippet": embeds.snippet(url, chart.title)}


@register.simple_tag(takes_context=True)
def oembed_discovery(context, page):
    """A ``<link rel="alternate" type="application/json+oembed">`` per data chart of the page."""
    request = context.get("request")
    if request is None or not _embeddable(page, True):
        return ""
    oembed = reverse("api_oembed")
    links = []
    for block_id in embeds.chart_block_ids(page):
        url = request.build_absolute_uri(embeds.embed_path(page.pk, block_id))
        links.append((request.build_absolute_uri(f"{oembed}?{urlencode({'url': url, 'format': 'json'})}"),))
    return format_html_join(
        "\n", '<link rel="alternate" type="application/json+oembed" href="{}" title="Embed a chart">', links
    )
