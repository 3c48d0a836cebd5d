"""Area pages in the page cache (and the HTTP cache in front): they are the same for every
anonymous visitor, so a repeat visit costs no Python. A version that becomes public retires them:
the search, comparisons and map (every query string at once) and each area's page, and no other
page of the site."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from datasets import figures
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


def retire_on_name_change(sender, instance, **kwargs):
    """Receiver of an area's name translation saved or deleted: the area pages in every
    language (breadcrumbs, lists and comparisons name other areas too)."""
    urls = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls += area_addresses()
    purge_urls(urls)
    # The pages' kept parts (areas.rendered) are keyed on the data generation: a new one.
    transaction.on_commit(figures.new_data_generation)


def connect():
    from django.db.models.signals import post_delete, post_save

    from .models import AreaTranslation

    version_published.connect(retire_on_release, dispatch_uid="areas_retire_on_release")
    post_save.connect(retire_on_name_change, sender=AreaTranslation, dispatch_uid="areas_name_saved")
    post_delete.connect(retire_on_name_change, sender=AreaTranslation, dispatch_uid="areas_name_deleted")
