"""``{% share_code_field %}``: a hidden field that carries the share code of the address (or the
visitor's existing session) into a form, so the sign-up or completion it sends is attributed."""

from django import template
from django.utils.html import format_html

from portal.core.attribution import VIA_PARAM, share_code

register = template.Library()


@register.simple_tag(takes_context=True)
def share_code_field(context):
    request = context.get("request")
    code = share_code(request) if request is not None else ""
    if not code:
        return ""
    return format_html('<input type="hidden" name="{}" value="{}">', VIA_PARAM, code)
