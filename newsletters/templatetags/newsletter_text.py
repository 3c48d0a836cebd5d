"""Filters for the plain-text part of emails."""

import re
from html import unescape

from django import template
from django.utils.html import strip_tags

register = template.Library()

LINK = re.compile(r'<a\s[^>]*href="([^"]+)"[^>]*>(.*?)</a>', re.IGNORECASE | re.DOTALL)
BLOCK_END = re.compile(r"</(p|li|h[1-6]|div)>|<br\s*/?>", re.IGNORECASE)


@register.filter
def plain_text(html):
    """Rich text as plain text: paragraphs kept apart, links written out as "text (address)"."""
    text = LINK.sub(lambda m: f"{m.group(2)} ({unescape(m.group(1))})", html)
    text = BLOCK_END.sub("\n\n", text)
    text = unescape(strip_tags(text))
    return "\n\n".join(" ".join(part.split()) for part in text.split("\n\n") if part.strip())


@register.filter
def underline(text, character="="):
    return character * len(str(text))


@register.filter
def pluck(items, key):
    """One value of each mapping, e.g. the names of a release alert's areas, to join in a sentence."""
    return [item[key] for item in items or ()]
