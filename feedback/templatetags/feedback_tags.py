"""{% page_feedback_box %}: the "Was this page useful?" box, on pages whose type opts in;
{% feedback_pages %}: where people ask for data and read what changed, for the footer."""

from django import template
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import Page

from ..models import DataRequestPage, FeedbackSettings, YouSaidWeDidPage
from ..page_feedback import collects_feedback
from ..views import feedback_form

register = template.Library()


@register.inclusion_tag("feedback/includes/feedback_box.html", takes_context=True)
def page_feedback_box(context):
    request = context.get("request")
    page = context.get("page")
    if request is None or getattr(request, "is_preview", False) or not collects_feedback(page):
        return {"show": False}
    settings = FeedbackSettings.load(request_or_site=request)
    return {
        "show": True,
        "form": feedback_form(settings),
        "action": reverse("page_feedback", args=[page.pk]),
        "feedback_settings": settings,
    }


FOOTER_PAGES_KEY = "feedback:footer-pages"


@register.simple_tag
def feedback_pages():
    """The live data-request and "You said, we did" pages, found rather than configured so that
    they are never reachable only by their address. Kept in the cache (no query per page view);
    publishing, unpublishing or deleting one of them clears it (feedback.signals)."""
    links = cache.get(FOOTER_PAGES_KEY)
    if links is None:
        pages = Page.objects.live().type(DataRequestPage, YouSaidWeDidPage).order_by("path")
        links = [(page.title, page.get_url()) for page in pages]
        cache.set(FOOTER_PAGES_KEY, links, None)
    return links
