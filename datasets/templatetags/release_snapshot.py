"""``{% latest_releases %}``: the latest releases snapshot, for any page's template (the home page,
stories' topic pages). A template tag, so that apps show it without importing the data layer."""

from django import template
from django.utils.translation import gettext

from ..snapshot import latest_releases as read_latest_releases

register = template.Library()


@register.inclusion_tag("datasets/snapshot/latest_releases.html", takes_context=True)
def latest_releases(context, topic="", limit=4, heading=None, heading_id="latest-releases"):
    """``heading`` defaults to "Latest releases" in the reader's language."""
    return {
        "request": context.get("request"),
        "snapshots": read_latest_releases(topic=topic, limit=limit),
        "topic": topic,
        "heading": heading or gettext("Latest releases"),
        "heading_id": heading_id,
    }
