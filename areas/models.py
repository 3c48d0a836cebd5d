"""Area levels and boundaries. The areas themselves (code, name, parent) are the codes of the
data layer's area code list, so every figure and every boundary share one hierarchy; this app
adds what a map needs: the level of each area and its outline, simplified for that level."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AreaLevel(models.Model):
    """A level of the hierarchy (country → region → municipality), configurable by data editors.
    The tolerance says how much detail the level's maps keep: a country drawn whole needs less
    than a municipality drawn on its own."""

    slug = models.SlugField(unique=True, help_text=_('As written in an import file\'s "level" property.'))
    name = models.CharField(max_length=100, help_text=_("Singular, lower case: region, municipality."))
    name_plural = models.CharField(max_length=100, help_text=_("regions, municipalities"))
    depth = models.PositiveSmallIntegerField(
        unique=True, help_text=_("0 for the top level (the country), 1 for the level below it, and so on.")
    )
    simplify_tolerance = models.FloatField(
        default=0.5,
        help_text=_("In kilometres: points closer than this to the simplified outline are dropped."),
    )

    class Meta:
        ordering = ["depth"]
        verbose_name = _("area level")

    def __str__(self):
        return self.name_plural.capitalize()


class AreaBoundary(models.Model):
    """An area's outline at its level's simplification: an SVG path in the map projection
    (kilometres east and south of the equator and meridian, ``areas.geometry``), ready to draw,
    and its bounding box to frame a map."""

    code = models.OneToOneField("datasets.Code", on_delete=models.CASCADE, related_name="boundary")
    level = models.ForeignKey(AreaLevel, on_delete=models.PROTECT, related_name="boundaries")
    path = models.TextField(help_text=_("SVG path data, kilometres, relative moves."))
    min_x = models.FloatField()
    min_y = models.FloatField()
    max_x = models.FloatField()
    max_y = models.FloatField()
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["level", "code"]
        verbose_name = _("area boundary")
        verbose_name_plural = _("area boundaries")

    def __str__(self):
        return str(self.code)
