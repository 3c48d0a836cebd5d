"""Headline figures: each indicator's latest value for the whole country (the area list's top
code) and the total of every breakdown, in a dataset's current public version. The one rule for
"the national total" on the site: the latest releases snapshot, the data finder and the release
alerts (``figures.headline_figures``) all read it here.

The total is the observation whose breakdown key is the importer's key for ``_T`` in every
breakdown column (``age=_T;sex=_T``, or ``sex=_T`` with one breakdown), or the empty key: what the
importer stores for a dataset without breakdowns, or for a file that had no breakdown columns.

Read in bulk for a list of datasets (the data finder, the releases snapshot): a fixed number of
queries whatever the number of datasets, indicators or observations."""

from dataclasses import dataclass

from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from . import slices
from .models import Code, DatasetVersion, Indicator, Observation

TOTAL = "_T"


@dataclass
class Headline:
    indicator: Indicator
    latest: Observation | None
    previous: Observation | None

    @property
    def text(self):
        return slices.cell_text(self.latest, self.indicator.decimals)

    @property
    def has_value(self):
        return slices.has_value(self.latest)

    @property
    def unit(self):
        return slices.unit_label(self.indicator)

    @property
    def period(self):
        return slices.period_label(self.latest.period) if self.latest else ""

    @property
    def status(self):
        return slices.FLAGS.get(self.latest.status, ("", ""))[1] if self.has_value else ""

    @property
    def change(self):
        return slices.change_text(self.latest, self.previous, self.indicator)


def current_versions(datasets, at=None):
    """{dataset id: its newest public version}, in one query."""
    found = {}
    versions = (
        DatasetVersion.objects.filter(
            dataset__in=[d.pk for d in datasets], published_at__lte=at or timezone.now()
        )
        .order_by("dataset_id", "-number")
        .only("pk", "dataset_id", "number", "published_at")
    )
    for version in versions:
        found.setdefault(version.dataset_id, version)
    return found


def total_key(dataset):
    """The breakdown key of the total of every breakdown, e.g. ``age=_T;sex=_T``; needs the
    dataset's ``breakdown_code_lists`` (prefetch them)."""
    return ";".join(
        f"{code_list.slug}={TOTAL}"
        for code_list in sorted(dataset.breakdown_code_lists.all(), key=lambda c: c.slug)
    )


def headlines(datasets, versions, indicators):
    """{indicator id: Headline} for ``indicators`` (of ``datasets``, with their current
    ``versions``): two queries (the top areas, the two newest observations of each)."""
    roots = dict(
        Code.objects.filter(code_list__in={d.area_code_list_id for d in datasets}, parent__isnull=True)
        .order_by("code_list_id", "-order", "-code")
        .values_list("code_list_id", "pk")
    )
    by_dataset = {d.pk: d for d in datasets}
    wanted = Q(pk__in=[])
    for indicator in indicators:
        dataset = by_dataset.get(indicator.dataset_id)
        version = versions.get(indicator.dataset_id)
        root = roots.get(dataset.area_code_list_id) if dataset else None
        if version is None or root is None:
            continue
        wanted |= Q(
            version_id=version.pk,
            indicator_id=indicator.pk,
            area_id=root,
            breakdown_key__in={total_key(dataset), ""},
        )
    found = {}
    if wanted.children:
        ranked = (
            Observation.objects.filter(wanted)
            .select_related("area")
            .annotate(
                rank=Window(RowNumber(), partition_by=[F("indicator_id")], order_by=F("period_start").desc())
            )
            .filter(rank__lte=2)
            .order_by("indicator_id", "rank")
        )
        for observation in ranked:
            found.setdefault(observation.indicator_id, []).append(observation)
    result = {}
    for indicator in indicators:
        latest, previous = [*found.get(indicator.pk, []), None, None][:2]
        result[indicator.pk] = Headline(indicator, latest, previous)
    return result
