"""Corrections and revisions in the open.

When a version becomes public (``datasets.signals.version_published``, sent after the commit),
two things happen here:

1. If it changes or removes figures of the version the public saw before, a ``RevisionNotice``
   records what changed (counts and examples from ``datasets.diff``), why (the kind and reason
   the editor gave at import), when (the version's publication) and by whom (the importer).
2. Every page that quotes the dataset (the ``FigureUsage`` registry, kept up to date each time a
   page is published) has its charts drawn with the new figures, then is purged from the page
   cache, and from a CDN in front, at once: the next visitor sees the new figures and the notice,
   and waits for no chart.

A notice of a version that is not public yet shows nowhere (``RevisionNotice.objects.public()``).
"""

import logging

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.fields import StreamField
from wagtail.models import Page

from portal.core.caching.pagecache import purge_urls
from portal.core.charts.pages import draw_page_charts

from .blocks import indicators_used
from .diff import EXAMPLES, diff_versions, revised_indicator_ids
from .figures import new_data_generation
from .models import FigureUsage, Indicator, RevisionKind, RevisionNotice

logger = logging.getLogger(__name__)


def record_notice(version, previous):
    """The notice for ``version`` replacing ``previous`` for the public, or None when no published
    figure changed (a first version, or only new figures). Safe to call again."""
    if previous is None or previous.pk == version.pk:
        return None
    existing = RevisionNotice.objects.filter(version=version).first()
    if existing is not None:
        return existing
    diff = diff_versions(previous, version, examples=EXAMPLES)
    if not (diff.changed or diff.removed):
        return None
    with transaction.atomic():
        notice = RevisionNotice.objects.create(
            dataset=version.dataset,
            version=version,
            previous=previous,
            kind=version.revision_kind or RevisionKind.REVISION,
            reason=version.revision_reason,
            made_by=version.created_by,
            changed=diff.changed,
            removed=diff.removed,
            added=diff.added,
            examples={"changed": diff.changed_examples, "removed": diff.removed_examples},
        )
        notice.indicators.set(revised_indicator_ids(previous, version))
    return notice


def pages_quoting(dataset):
    """Live pages that show figures of ``dataset``, from the registry."""
    page_ids = FigureUsage.objects.filter(indicator__dataset=dataset).values("page")
    return Page.objects.live().filter(pk__in=page_ids).specific()


def purge_pages_quoting(dataset):
    """Retire the cached copies (here and at a CDN) of every page that shows the dataset."""
    batch = PurgeBatch()
    batch.add_pages(pages_quoting(dataset))
    batch.purge()
    return batch


def on_version_published(sender, version, previous, **kwargs):
    """Receiver of ``version_published``: record the notice, draw the charts of the pages quoting
    the dataset with the new figures, then purge those pages and the data finder, which lists the
    current versions (the area pages purge their own: areas.page_cache)."""
    try:
        record_notice(version, previous)
        draw_page_charts(pages_quoting(version.dataset))
    finally:
        purge_pages_quoting(version.dataset)
        purge_urls([reverse("datasets:finder")])


def on_translation_changed(sender, instance, **kwargs):
    """Receiver of a dataset's or indicator's translation saved or deleted: the cached pages
    showing its names (the dataset's page and the finder, in every language, and the pages
    quoting its figures) are retired."""
    dataset = instance.parent if hasattr(instance, "dataset_id") else instance.parent.dataset
    urls = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls += [dataset.get_absolute_url(), reverse("datasets:finder")]
    purge_urls(urls)
    purge_pages_quoting(dataset)
    transaction.on_commit(new_data_generation)  # what is kept per data generation (area pages)


# The registry of figures on pages


def page_indicators(page):
    """The indicators whose figures the page's StreamFields show (top-level data blocks)."""
    found = set()
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            found |= indicators_used(getattr(page, field.name))
    return found


def record_usage(page):
    """Rewrite the page's rows in the registry from what it shows now."""
    page = page.specific
    wanted = page_indicators(page) if page.live else set()
    wanted &= set(Indicator.objects.filter(pk__in=wanted).values_list("pk", flat=True)) if wanted else set()
    current = set(FigureUsage.objects.filter(page=page).values_list("indicator_id", flat=True))
    if current - wanted:
        FigureUsage.objects.filter(page=page, indicator_id__in=current - wanted).delete()
    if wanted - current:
        FigureUsage.objects.bulk_create(
            [FigureUsage(page=page, indicator_id=pk) for pk in wanted - current], ignore_conflicts=True
        )
    return wanted


def on_page_published(sender, instance, **kwargs):
    record_usage(instance)


def on_page_unpublished(sender, instance, **kwargs):
    FigureUsage.objects.filter(page=instance).delete()


def record_all_usage():
    """Rebuild the registry from every live page (after deploying, or to repair it)."""
    count = 0
    FigureUsage.objects.exclude(page__live=True).delete()
    for page in Page.objects.live().specific().iterator():
        count += len(record_usage(page))
    return count
