"""``<html {% html_language %}>``: the language and writing direction of the page being drawn.

A tag rather than the context's ``LANGUAGE_CODE``/``LANGUAGE_BIDI``, because the server-error
page and emails are rendered without a request's context processors."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_bidi, to_locale

register = template.Library()


def bcp47(language_code):
    """Django's ``en-gb`` as the ``en-GB`` that HTML and screen readers expect."""
    return to_locale(language_code or "en-gb").replace("_", "-")


@register.simple_tag
def html_language():
    return format_html('lang="{}" dir="{}"', bcp47(get_language()), "rtl" if get_language_bidi() else "ltr")
