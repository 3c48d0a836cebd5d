"""The base layer's one table: charts drawn once and kept."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DrawnChart(models.Model):
    """A chart's SVG or PNG as drawn for one chart spec (and data version: a data chart's spec
    holds its figures), kept in the database so that no visitor waits for matplotlib after a
    restart or a cache eviction. The key is the chart cache's key: it changes whenever the chart,
    its figures, the drawing engine or matplotlib change, so a row is never stale, only unused."""

    key = models.CharField(max_length=120, unique=True)
    svg = models.TextField(blank=True)
    png = models.BinaryField(null=True, blank=True)
    drawn_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("drawn chart")

    def __str__(self):
        return self.key
