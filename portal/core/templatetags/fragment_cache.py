"""``{% body_cache page as cached %}``: what the part of a page that is the same for every
visitor is kept under in ``{% cache cached.seconds "name" cached.key %}``, so that an uncached
page (a signed-in visitor's, a new query string's, a purged one's) does not draw its blocks and
listings again: charts, tables, rich text, cards and image renditions were most of a render.
``{% body_cache page request.get_full_path as cached %}`` keeps one copy per address, for
listings whose filters and page number are in the query string; a view that is not a page (search)
passes ``None``."""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from portal.core.caching.pagecache import chrome_generation

register = template.Library()


@register.simple_tag(takes_context=True)
def body_cache(context, page, vary=""):
    """The key holds the page's revision, the chrome's generation (a new one whenever a page is
    published or purged, or a setting or snippet saved, so the figures, glossary terms and links
    in a body are never older than the cached page around them), the address it is served at
    (embed codes are absolute), the language and ``vary``. A preview is never kept: its body is
    the editor's unsaved draft."""
    request = context["request"]
    seconds = 0 if getattr(request, "is_preview", False) else settings.PAGE_CACHE["CHROME_SECONDS"]
    generation = chrome_generation()
    return {
        "seconds": seconds,
        "key": (
            f"{generation}:{getattr(page, 'pk', '-')}:{getattr(page, 'latest_revision_id', '-')}:"
            f"{request.get_host()}:{get_language()}"
            f"{':' + vary if vary else ''}"
        ),
    }
