"""Area pages in the page cache (and the HTTP cache in front): they are the same for every
anonymous visitor, so a repeat visit costs no Python. A version that becomes public retires them:
the search, comparisons and map (every query string at once) and each area's page, and no other
page of the site."""

from django.urls import reverse

from datasets.signals import version_published
from portal.core.caching.pagecache import purge_urls

from .tree import Tree


def area_addresses():
    """The area pages' addresses: the fixed ones, then one per area."""
    fixed = [reverse(f"areas:{name}") for name in ("find", "compare", "map")]
    return fixed + [reverse("areas:area", args=[place.code]) for place in Tree.load().places]


def retire_on_release(sender, version, **kwargs):
    """Receiver of ``version_published`` (runs after the commit)."""
    purge_urls(area_addresses())


def connect():
    version_published.connect(retire_on_release, dispatch_uid="areas_retire_on_release")
