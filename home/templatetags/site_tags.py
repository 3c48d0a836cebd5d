from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Site

from portal.core.caching.pagecache import chrome_generation
from portal.core.language_urls import with_language, without_language
from portal.core.routing import site_for_request
from portal.core.translations import each_in_language, language_of_page

register = template.Library()


@register.simple_tag(takes_context=True)
def chrome_cache(context):
    """What the menu and footer fragments are cached under (``{% cache %}`` in base.html): for how
    long, the chrome's generation with the site and the language, the menu entry the page is in
    (and whether it is that entry's own page) and the page's type (the newsletter page has its own
    sign-up)."""
    request = context["request"]
    site = Site.find_for_request(request)
    page = context.get("page")
    url_path = getattr(page, "url_path", "")
    section = "/".join(url_path.split("/")[:3]) + "/" if url_path.count("/") >= 3 else ""
    return {
        "seconds": settings.PAGE_CACHE["CHROME_SECONDS"],
        "key": f"{chrome_generation()}:{site.pk if site else 0}:{get_language()}",
        "section": f"{section}{'=' if url_path == section else ''}",
        "page_type": getattr(page, "content_type_id", 0) if page is not None else 0,
    }


@register.inclusion_tag("home/includes/primary_navigation.html", takes_context=True)
def primary_navigation(context):
    """The home page's children that editors marked 'show in menus', in tree order, each in the
    reader's language where it has been translated."""
    request = context["request"]
    site = site_for_request(request)
    items = each_in_language(list(site.root_page.get_children().live().in_menu()) if site else [])
    current_path = getattr(context.get("page"), "url_path", "")
    links = []
    for item in items:
        if current_path == item.url_path:
            state = "page"
        elif current_path.startswith(item.url_path):
            state = "true"
        else:
            state = ""
        links.append((item, state))
    return {"links": links, "request": request}


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The address a page should be known by: no tracking or filter parameters. An address a
    page serves below itself (a topic, a glossary term, a topic listing) is its own canonical
    address, not its page's; a view may name another with ``canonical_path``."""
    page = context.get("page")
    request = context["request"]
    path = context.get("canonical_path") or request.path
    original_language = language_of_page(page)
    if original_language and original_language != get_language():
        # A page not translated yet, shown under another language's prefix: its original.
        path = with_language(without_language(path), original_language)
    site = page.get_site() if page is not None and hasattr(page, "get_site") else None
    if site is not None:
        return site.root_url + path
    return request.build_absolute_uri(path)


@register.simple_tag(takes_context=True)
def social_image(context, site_settings):
    page = context.get("page")
    if hasattr(page, "get_share_image_url"):
        return page.get_share_image_url(context["request"])
    image = getattr(page, "social_image", None) or site_settings.default_social_image
    if image is None:
        return ""
    return context["request"].build_absolute_uri(image.get_rendition("fill-1200x630").url)


@register.simple_tag(takes_context=True)
def social_image_alt(context, site_settings):
    """The social card's text alternative (og:image:alt), from the same source as its image."""
    page = context.get("page")
    if hasattr(page, "get_share_image_alt"):
        return page.get_share_image_alt()
    image = getattr(page, "social_image", None) or site_settings.default_social_image
    return (image.description or image.title) if image is not None else ""


FOOTER_PAGES = ("about_page", "accessibility_page", "privacy_page", "contact_page")


@register.simple_tag
def footer_pages(site_settings):
    """The footer's standing pages (about, accessibility, privacy, contact), each in the reader's
    language where it is translated: one query for the four, none in the default language."""
    return each_in_language(
        [page for page in (getattr(site_settings, name) for name in FOOTER_PAGES) if page]
    )
