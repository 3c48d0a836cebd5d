"""Sending releases out at their minute: the one place that lifts an embargo on schedule.

Run every minute (``manage.py publish_due_releases`` from cron). Each release is published in its
own transaction with its row locked, so two overlapping runs never publish one twice, and a
release that fails leaves the others to go out."""

import logging

from django.db import transaction
from django.utils import timezone

from .models import Release
from .publication import awaits_approval
from .signals import publish_version

logger = logging.getLogger(__name__)


def due_releases(now=None):
    """Confirmed releases whose minute has come."""
    return Release.objects.filter(status=Release.Status.CONFIRMED, announced_at__lte=now or timezone.now())


def publish_release(release, now=None):
    """Publish the release's version at its announced minute, then its linked pages, and mark it
    published. Returns False (and changes nothing) when it has no version yet, its version
    awaits a Moderator's approval, or it is no longer confirmed."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = (
            Release.objects.select_for_update(of=("self",))
            .select_related("version__dataset")
            .filter(pk=release.pk, status=Release.Status.CONFIRMED)
            .first()
        )
        if locked is None:
            return False
        if locked.version is None:
            logger.warning("Release %s is due but has no imported version: not published.", locked.pk)
            return False
        if awaits_approval(locked.version):
            logger.warning("Release %s is due but its version is not approved yet: not published.", locked.pk)
            return False
        if locked.version.published_at is None or locked.version.published_at > now:
            publish_version(locked.version, at=locked.announced_at)
        for link in locked.linked_pages.select_related("page"):
            publish_page(link.page)
        locked.status, locked.published_at = Release.Status.PUBLISHED, now
        locked.save(update_fields=["status", "published_at", "updated_at"])
    return True


def publish_page(page):
    """Publish a page's latest revision (a draft story goes live; a live one with changes waiting
    gets them); a live page without changes is left alone."""
    page = page.specific
    if page.live and not page.has_unpublished_changes:
        return
    revision = page.get_latest_revision() or page.save_revision()
    revision.publish()


def publish_due_releases(now=None):
    """Publish every due release; returns those published. Safe to run again: a published release
    is no longer confirmed, so it is not due."""
    now = now or timezone.now()
    published = []
    for release in due_releases(now).order_by("announced_at", "pk"):
        try:
            if publish_release(release, now):
                published.append(release)
        except Exception:
            logger.exception("Release %s could not be published; the others go on.", release.pk)
    return published
