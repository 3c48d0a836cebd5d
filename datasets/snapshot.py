"""The latest releases snapshot (home page, topic pages): the newest published release of each
dataset, with its headline figure (the first indicator's latest national value), the change on
the previous period, the methodology link and the contact. A fixed number of queries."""

from dataclasses import dataclass

from django.db.models import OuterRef, Subquery, prefetch_related_objects
from django.utils import timezone

from . import headlines
from .models import DatasetVersion, Indicator, Release


@dataclass
class Snapshot:
    release: Release
    headline: object  # headlines.Headline, or None when the dataset has no indicator

    @property
    def dataset(self):
        return self.release.dataset


def latest_releases(topic="", limit=4, at=None):
    """The newest published releases whose version is still its dataset's current one (so a
    revised dataset appears once), newest first; ``topic`` matches the release's topic in any case."""
    at = at or timezone.now()
    current = (
        DatasetVersion.objects.filter(dataset=OuterRef("dataset"), published_at__lte=at)
        .order_by("-number")
        .values("pk")[:1]
    )
    releases = Release.objects.filter(
        status=Release.Status.PUBLISHED, version__published_at__lte=at, version=Subquery(current)
    )
    if topic:
        releases = releases.filter(topic__iexact=topic)
    releases = list(
        releases.select_related("dataset__methodology_page", "version").order_by("-announced_at", "-pk")[
            :limit
        ]
    )
    if not releases:
        return []
    datasets = [release.dataset for release in releases]
    prefetch_related_objects(datasets, "breakdown_code_lists")
    first = {}
    for indicator in Indicator.objects.filter(dataset__in=datasets).order_by("dataset_id", "code"):
        first.setdefault(indicator.dataset_id, indicator)
    versions = {release.dataset_id: release.version for release in releases}
    figures = headlines.headlines(datasets, versions, list(first.values()))
    return [
        Snapshot(release, figures.get(first[release.dataset_id].pk) if release.dataset_id in first else None)
        for release in releases
    ]
