"""{% chart_svg %}: a chart as inline SVG, from the chart cache; |csv_data_url: its data to download."""

import logging
from urllib.parse import quote

from django import template
from django.core.exceptions import ValidationError
from django.utils.safestring import mark_safe

from portal.core import charts

register = template.Library()
logger = logging.getLogger(__name__)


@register.simple_tag
def chart_svg(value):
    """The chart as inline SVG; ``value`` is a ChartSpec or a ChartBlock value.

    Only markup that portal.core.charts.render_svg produced is marked safe: it is drawn by
    matplotlib and serialised by ElementTree, which escapes every piece of text in it.
    """
    if value is None:
        return ""
    if not isinstance(value, charts.ChartSpec):
        from portal.core.charts.blocks import spec_from_value

        try:
            value = spec_from_value(value)
        except ValidationError:
            logger.warning("Chart %r has data that cannot be drawn", value.get("title"))
            return ""
    return mark_safe(charts.chart_svg(value))  # our renderer's SVG, with every text escaped


@register.filter
def csv_data_url(spec):
    """The chart's data as a CSV download carried in the page itself, for charts without a
    download address of their own (lessons, "You said, we did"): every chart offers its data."""
    if not isinstance(spec, charts.ChartSpec):
        return ""
    return "data:text/csv;charset=utf-8," + quote(charts.chart_csv(spec), safe="")
