"""{% chart_svg %}: a data story chart as inline SVG, from the chart cache."""

import logging

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
