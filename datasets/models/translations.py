"""The dataset's and indicator's translation tables (``datasets.translations`` says why)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..translations import NameTranslation


class DatasetTranslation(NameTranslation):
    parent_field = "dataset"
    source_fields = {"title": "title", "summary": "summary"}

    dataset = models.ForeignKey("datasets.Dataset", on_delete=models.CASCADE, related_name="translations")
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        ordering = ["dataset", "language"]
        verbose_name = _("dataset translation")
        constraints = [
            models.UniqueConstraint(fields=["dataset", "language"], name="unique_dataset_translation")
        ]

    def __str__(self):
        return f"{self.title} ({self.language})"


class IndicatorTranslation(NameTranslation):
    parent_field = "indicator"
    source_fields = {"name": "name", "definition": "definition"}

    indicator = models.ForeignKey("datasets.Indicator", on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(_("name"), max_length=255)
    definition = models.TextField(_("definition"), blank=True)

    class Meta:
        ordering = ["indicator", "language"]
        verbose_name = _("indicator translation")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "language"], name="unique_indicator_translation")
        ]

    def __str__(self):
        return f"{self.name} ({self.language})"
