"""Purging when pages change: the page itself (each address it serves), the pages that show it
(its ancestors, such as the home page and the section index with its topic pages and feeds),
the sitemap and the search results, and the pages that show it in their navigation (a lesson
shows its module and its sibling lessons: such page types say ``cache_purge_with_family``).
Through Wagtail's front-end cache purging, so that a CDN configured in WAGTAILFRONTENDCACHE is
purged with the site's own cache.

Purges run once the change is committed: before that, a visitor could still be shown, and
cache again, the old version.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import get_page_models

from portal.core.homes import home_in_language
from portal.core.language_urls import with_language, without_language


def purge_page(sender, instance, **kwargs):
    batch = listings_batch(instance)
    add_page_in_every_language(batch, instance)
    transaction.on_commit(batch.purge)


def add_page_in_every_language(batch, page):
    """The page's own addresses, and its original address under every other language's prefix,
    where it is shown until it is translated (portal.core.routing)."""
    batch.add_page(page)
    url = page.get_full_url()
    if url:
        scheme_and_host, path = url[: len(url) - len(urlsplit(url).path)], urlsplit(url).path
        for code, _name in settings.LANGUAGES:
            batch.add_url(scheme_and_host + with_language(without_language(path), code))


def purge_moved_page(sender, instance, parent_page_before, url_path_before, url_path_after, **kwargs):
    """The page and everything under it leave their old addresses; the old and new parents'
    listings change. (A move among siblings keeps the address but reorders menus and listings.)"""
    batch = listings_batch(instance)
    batch.add_pages(parent_page_before.get_ancestors(inclusive=True).filter(depth__gt=1).specific())
    batch.add_pages(family_showing(parent_page_before.get_children()))  # the siblings it left
    site = instance.get_site()
    if site is not None and url_path_before != url_path_after:
        code = instance.locale.language_code
        root_path = home_in_language(site, code).url_path
        for page in instance.get_descendants(inclusive=True).specific():
            add_page_in_every_language(batch, page)
            old_path = url_path_before + page.url_path.removeprefix(url_path_after)
            if old_path.startswith(root_path):
                old_address = "/" + old_path.removeprefix(root_path)
                for other, _name in settings.LANGUAGES:
                    batch.add_url(site.root_url + with_language(old_address, other))
    transaction.on_commit(batch.purge)


def listings_batch(page):
    batch = PurgeBatch()
    batch.add_pages(page.get_ancestors().filter(depth__gt=1).specific())
    batch.add_pages(family_showing(page.get_children() | page.get_siblings(inclusive=False)))
    site = page.get_site()
    if site is not None:
        batch.add_url(site.root_url + reverse("sitemap"))
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                batch.add_url(site.root_url + reverse("search"))
    return batch


def family_showing(pages):
    """Those of these pages whose type shows its parent and siblings."""
    types = [model for model in get_page_models() if getattr(model, "cache_purge_with_family", False)]
    return pages.live().exact_type(*types).specific() if types else []
