"""{% page_feedback_box %}: the "Was this page useful?" box, on pages whose type opts in."""

from django import template
from django.urls import reverse

from ..models import FeedbackSettings
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
