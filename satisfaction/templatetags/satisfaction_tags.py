"""{% survey_offer as survey %}: the survey's link from this page, and what the invitation's
script needs (rate, period), for the base template. The same for every visitor of a page, so
cached pages may carry it: each browser draws its own chance."""

from urllib.parse import urlencode

from django import template

from ..invitation import invitation
from ..models import SatisfactionSurveyPage

register = template.Library()


@register.simple_tag(takes_context=True)
def survey_offer(context):
    request = context.get("request")
    page = context.get("page")
    if request is None or getattr(request, "is_preview", False) or isinstance(page, SatisfactionSurveyPage):
        return None
    found = invitation()
    if found is None or request.path.startswith(found["url"]):
        return None
    return {**found, "link": f"{found['url']}?{urlencode({'from': request.path})}"}
