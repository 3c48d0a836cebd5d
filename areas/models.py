"""Area levels and boundaries. The areas themselves (code, name, parent) are the codes of the
data layer's area code list, so every figure and every boundary share one hierarchy; this app
adds what a map needs: the level of each area and its outline, simplified for that level."""

from django.db import models
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from datasets.translations import NameTranslation
from portal.core.languages import active_language


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


class AreaTranslation(NameTranslation):
    """An area's name in another language. Areas are the data layer's codes that figures point
    to, so the name is translated beside the code, never by copying it."""

    parent_field = "area"
    source_fields = {"name": "label"}

    area = models.ForeignKey(
        "datasets.Code",
        on_delete=models.CASCADE,
        related_name="area_translations",
        limit_choices_to={"code_list__kind": "area"},
    )
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["area", "language"]
        verbose_name = _("area name translation")
        constraints = [models.UniqueConstraint(fields=["area", "language"], name="unique_area_translation")]

    def __str__(self):
        return f"{self.name} ({self.language})"


def local_label():
    """An area's name in the active language, else its label: an expression for a query on
    ``datasets.Code`` (no extra query)."""
    found = AreaTranslation.objects.filter(area=OuterRef("pk"), language=active_language())
    return Coalesce(Subquery(found.values("name")[:1]), F("label"))
