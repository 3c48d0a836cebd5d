"""Corrections and revisions in the open: a notice for every public version that changes figures
already published, and the registry of which pages quote which indicators (so that a new version
purges exactly those pages)."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .data import Dataset, DatasetVersion, Indicator, RevisionKind

REASON_MAX_LENGTH = 1000


# Read when a notice is shown, in the reader's language.
KIND_HELP = {
    RevisionKind.CORRECTION: _("an error in published figures was fixed"),
    RevisionKind.REVISION: _("provisional figures were updated as scheduled"),
}


class RevisionNoticeQuerySet(models.QuerySet):
    def public(self, at=None):
        """Notices of versions the public may see at ``at`` (now): a notice of an embargoed
        version never shows anywhere."""
        return self.filter(version__published_at__lte=at or timezone.now())

    def newest_first(self):
        return self.order_by("-version__published_at", "-pk")

    def latest_for(self, indicator, version):
        """The newest public notice that revised figures of ``indicator`` up to ``version`` (the
        version a block shows), or None: what a chart or key figure links to. One query."""
        return (
            self.public()
            .filter(indicators=indicator, dataset_id=version.dataset_id, version__number__lte=version.number)
            .select_related("version")
            .order_by("-version__number")
            .first()
        )


class RevisionNotice(models.Model):
    """What changed between the version the public saw (``previous``) and the one that replaced
    it, why, when and by whom. Written when the version becomes public, never edited."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="revision_notices")
    version = models.OneToOneField(DatasetVersion, on_delete=models.CASCADE, related_name="revision_notice")
    previous = models.ForeignKey(DatasetVersion, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=RevisionKind.choices)
    reason = models.TextField(blank=True, max_length=REASON_MAX_LENGTH)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    changed = models.PositiveIntegerField(default=0)
    removed = models.PositiveIntegerField(default=0)
    added = models.PositiveIntegerField(default=0)
    examples = models.JSONField(default=dict, blank=True, help_text=_("changed and removed: up to 10 each"))
    indicators = models.ManyToManyField(Indicator, blank=True, related_name="revision_notices")

    objects = RevisionNoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("correction or revision notice")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.dataset} version {self.version.number}"

    def get_absolute_url(self):
        return reverse("datasets:correction", kwargs={"pk": self.pk})

    @property
    def published_at(self):
        return self.version.published_at

    @property
    def kind_help(self):
        return KIND_HELP.get(self.kind, "")

    def changed_examples(self):
        return self.examples.get("changed", [])

    def removed_examples(self):
        return self.examples.get("removed", [])


class FigureUsage(models.Model):
    """A live page shows figures of this indicator (a chart or key-figure block). Rewritten each
    time the page is published, removed when it is unpublished or deleted."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="usages")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "indicator"], name="unique_figure_usage"),
        ]

    def __str__(self):
        return f"page {self.page_id} shows {self.indicator}"
