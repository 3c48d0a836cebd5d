"""What the rest of the site listens to: a version became public (a release went out, or an
editor published an import at once). Receivers purge cached pages, file correction notices and
tell subscribers; they run after the commit, so nobody is told about a rollback."""

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

version_published = Signal()  # sender: DatasetVersion; kwargs: version, previous (or None)


def publish_version(version, at=None):
    """Make ``version`` public at ``at`` (now) and, once committed, announce it with the version
    it replaces for the public (the newest published before it, or None)."""
    at = at or timezone.now()
    previous = version.dataset.current_version(at)
    version.published_at = at
    version.save(update_fields=["published_at"])
    transaction.on_commit(
        lambda: version_published.send(sender=type(version), version=version, previous=previous),
        robust=True,
    )
    return previous
