"""The standard short user satisfaction survey: its page (the form, which editors word), its
settings (how often it is offered, and how long a browser is left alone after answering or
saying no), and the answers, which hold nothing about the person."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Page

from portal.core.pages import SubpageViewsMixin
from portal.core.vocabularies import UserGroup

COMMENT_MAX_LENGTH = 1000
PATH_MAX_LENGTH = 255
SCORES = range(1, 6)
SATISFIED = (4, 5)


def score_field(verbose_name):
    return models.PositiveSmallIntegerField(
        verbose_name, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )


class SatisfactionSurveyPage(SubpageViewsMixin, Page):
    """The survey form and its thank-you (``satisfaction.urls.survey_urls``, served by
    satisfaction.views). Never cached: the form carries a CSRF token."""

    intro = models.TextField(
        max_length=600,
        blank=True,
        default="Four short questions, about a minute. We do not ask who you are.",
    )
    thank_you = models.CharField(
        max_length=300,
        default="Thank you. We read every answer and report what we change on “You said, we did”.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("thank_you")]
    subpage_types = []
    max_count = 1
    subpage_urls = "satisfaction.urls.survey_urls"

    class Meta:
        verbose_name = _("satisfaction survey")


@register_setting(icon="pick")
class SurveySettings(BaseGenericSetting):
    """How often the invitation is offered. The rate is written into every page (cached pages
    included) and each browser draws its own chance, so saving these purges the page cache."""

    sample_percent = models.DecimalField(
        _("share of visits invited (%)"),
        max_digits=5,
        decimal_places=2,
        default=5,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("0 offers the survey to nobody (the link in the footer stays); 100 to every visit."),
    )
    period_days = models.PositiveSmallIntegerField(
        _("days before asking the same browser again"),
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(730)],
        help_text=(
            _("After someone answers or says “No thanks”, their browser is not asked again for this long.")
        ),
    )
    invitation = models.CharField(
        max_length=200, default="Help us improve this site: four quick questions about your visit."
    )

    panels = [FieldPanel("sample_percent"), FieldPanel("period_days"), FieldPanel("invitation")]

    class Meta:
        verbose_name = _("satisfaction survey settings")


class SurveyResponse(models.Model):
    """One answer to the survey: scores, an optional user group and comment, and the path of the
    page it was answered from. No name, address, IP or cookie identifier."""

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    overall = score_field(_("overall satisfaction"))
    ease = score_field(_("ease of finding"))
    trust = score_field(_("trust in the figures"))
    user_group = models.CharField(max_length=40, choices=UserGroup.choices, blank=True)
    comment = models.TextField(
        max_length=COMMENT_MAX_LENGTH, blank=True, help_text=_("Plain text, cleaned by the site's sanitiser.")
    )
    from_path = models.CharField(_("answered from"), max_length=PATH_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("satisfaction survey response")
        permissions = [("view_survey_comments", _("Can read the free text of satisfaction survey answers"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(**{f"{name}__gte": 1, f"{name}__lte": 5}),
                name=f"satisfaction_{name}_1_to_5",
            )
            for name in ("overall", "ease", "trust")
        ]

    def __str__(self):
        return f"Survey answer of {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def satisfied(self):
        return self.overall in SATISFIED
