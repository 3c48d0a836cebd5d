"""Purging when pages change: the page itself (each address it serves), the pages that show it
(its ancestors, such as the home page and the section index with its topic pages and feeds),
the sitemap and the search results, and the pages that show it in their navigation (a lesson
shows its module and its sibling lessons: such page types say ``cache_purge_with_family``).
Through Wagtail's front-end cache purging, so that a CDN configured in WAGTAILFRONTENDCACHE is
purged with the site's own cache.

Purges run once the change is committed: before that, a visitor could still be shown, and
cache again, the old version.
"""

from django.db import transaction
from django.urls import reverse
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import get_page_models


def purge_page(sender, instance, **kwargs):
    batch = listings_batch(instance)
    batch.add_page(instance)
    transaction.on_commit(batch.purge)


def purge_moved_page(sender, instance, parent_page_before, url_path_before, url_path_after, **kwargs):
    """The page and everything under it leave their old addresses; the old and new parents'
    listings change. (A move among siblings keeps the address but reorders menus and listings.)"""
    batch = listings_batch(instance)
    batch.add_pages(parent_page_before.get_ancestors(inclusive=True).filter(depth__gt=1).specific())
    batch.add_pages(family_showing(parent_page_before.get_children()))  # the siblings it left
    site = instance.get_site()
    if site is not None and url_path_before != url_path_after:
        root_path = site.root_page.url_path
        for page in instance.get_descendants(inclusive=True).specific():
            batch.add_page(page)
            old_path = url_path_before + page.url_path.removeprefix(url_path_after)
            if old_path.startswith(root_path):
                batch.add_url(site.root_url + "/" + old_path.removeprefix(root_path))
    transaction.on_commit(batch.purge)


def listings_batch(page):
    batch = PurgeBatch()
    batch.add_pages(page.get_ancestors().filter(depth__gt=1).specific())
    batch.add_pages(family_showing(page.get_children() | page.get_siblings(inclusive=False)))
    site = page.get_site()
    if site is not None:
        batch.add_urls([site.root_url + reverse("sitemap"), site.root_url + reverse("search")])
    return batch


def family_showing(pages):
    """Those of these pages whose type shows its parent and siblings."""
    types = [model for model in get_page_models() if getattr(model, "cache_purge_with_family", False)]
    return pages.live().exact_type(*types).specific() if types else []
