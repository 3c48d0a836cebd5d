"""What the engagement dashboard counts itself (page views) and what staff aim for (KPI targets)."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class PageViewCount(models.Model):
    """Views of one page on one day: a counter, nothing about who viewed it (no IP, no cookie)."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "day"], name="engagement_one_count_per_page_day")
        ]
        indexes = [models.Index(fields=["day", "content_type"]), models.Index(fields=["content_type", "day"])]

    def __str__(self):
        return f"{self.page_id} on {self.day}: {self.views}"


class KpiTarget(models.Model):
    """A target the communications team sets on one dashboard indicator, e.g. "+20% newsletter
    sign-ups this year" (growth on the period before) or "500 data requests answered" (a count)."""

    class TargetType(models.TextChoices):
        COUNT = "count", _("Reach a number")
        GROWTH = "growth", _("Grow by a percentage on the previous period of the same length")

    name = models.CharField(max_length=150)
    indicator = models.CharField(max_length=60, help_text=_("What is counted."))
    segment = models.CharField(
        max_length=100,
        blank=True,
        help_text=_("Count only this line of the indicator, e.g. “Newsletter sign-up”; blank counts all."),
    )
    target_type = models.CharField(max_length=10, choices=TargetType.choices, default=TargetType.COUNT)
    target = models.PositiveIntegerField(help_text=_("The number to reach, or the growth in per cent."))
    start_date = models.DateField()
    end_date = models.DateField()
    notes = models.TextField(max_length=1000, blank=True)

    class Meta:
        ordering = ["end_date", "name"]
        verbose_name = _("KPI target")
        permissions = [("view_dashboard", "Can see the engagement dashboard")]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        from .registry import get_indicator

        errors = {}
        indicator = get_indicator(self.indicator)
        if indicator is None:
            errors["indicator"] = "Choose one of the dashboard's indicators."
        elif not indicator.additive:
            errors["indicator"] = "This indicator is an average, and averages cannot add up to a target."
        elif self.segment and indicator.segments and self.segment not in indicator.segments:
            errors["segment"] = f"This indicator's lines are: {', '.join(indicator.segments)}."
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "The period must end after it starts."
        if self.target_type == self.TargetType.COUNT and self.target == 0:
            errors["target"] = "A target of zero is reached before it starts."
        if errors:
            raise ValidationError(errors)
