"""``<html {% html_language %}>``: the language and writing direction of the page being drawn.

A tag rather than the context's ``LANGUAGE_CODE``/``LANGUAGE_BIDI``, because the server-error
page and emails are rendered without a request's context processors."""

from django import template
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_bidi

from portal.core import translations
from portal.core.language_urls import url_prefix
from portal.core.languages import bcp47, interface_text

register = template.Library()


@register.simple_tag
def html_language():
    return format_html('lang="{}" dir="{}"', bcp47(get_language()), "rtl" if get_language_bidi() else "ltr")


@register.simple_tag(takes_context=True)
def page_languages(context):
    """The current page in each of the site's languages, for the switcher and ``hreflang``
    alternates (``portal.core.translations.page_languages``); kept on the request, so both read
    it once."""
    request = context.get("request")
    if request is None:
        return []
    if not hasattr(request, "_portal_page_languages"):
        request._portal_page_languages = translations.page_languages(request, context.get("page"))
    return request._portal_page_languages


@register.simple_tag(takes_context=True)
def content_language(context):
    """The language of the page's own content when it is not the interface's (a page not
    translated yet, shown in its original), else "": the content is then marked up in its own
    language and a notice says so."""
    code = translations.language_of_page(context.get("page"))
    return code if code and code != get_language() else ""


@register.simple_tag
def language_attributes(code):
    """``lang`` and ``dir`` for content written in ``code``."""
    bidi = translation.get_language_info(code)["bidi"]
    return format_html('lang="{}" dir="{}"', bcp47(code), "rtl" if bidi else "ltr")


@register.simple_tag
def language_name(code):
    """The name of the language ``code`` is written in, in the interface's language ("anglais"
    for ``en-gb``: the language, not its regional variety)."""
    return translation.get_language_info(url_prefix(code))["name_translated"]


@register.filter(name="interface_text")
def interface_text_filter(value):
    """``{{ settings.question|interface_text }}``: see ``portal.core.languages.interface_text``."""
    return interface_text(value)
