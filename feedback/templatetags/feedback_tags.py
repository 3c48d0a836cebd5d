"""{% page_feedback_box %}: the "Was this page useful?" box, on pages whose type opts in;
{% feedback_pages %}: where people ask for data and read what changed, for the footer."""

from django import template
from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import get_language
from wagtail.models import Page

from portal.core.translations import in_language

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
    feedback_settings = FeedbackSettings.load(request_or_site=request)
    return {
        "show": True,
        "form": feedback_form(feedback_settings),
        "action": reverse("page_feedback", args=[page.pk]),
        "feedback_settings": feedback_settings,
    }


FOOTER_PAGES_KEY = "feedback:footer-pages"


@register.simple_tag
def feedback_pages():
    """The live data-request and "You said, we did" pages, found rather than configured so that
    they are never reachable only by their address; each in the reader's language where it has
    been translated. Kept in the cache per language (no query per page view); publishing,
    unpublishing or deleting one of them clears it (feedback.signals)."""
    language = get_language()
    key = footer_pages_key(language)
    links = cache.get(key)
    if links is None:
        pages = in_language(Page.objects.live().type(DataRequestPage, YouSaidWeDidPage), language).order_by(
            "path"
        )
        links = [(page.title, page.get_url()) for page in pages]
        cache.set(key, links, None)
    return links


def footer_pages_key(language):
    return f"{FOOTER_PAGES_KEY}:{language}"
