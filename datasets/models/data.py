"""The statistics backbone: code lists, datasets, indicators, versions and observations.

Every figure the site shows comes from one versioned store: an import makes a new version and
older versions stay readable, so a correction never silently rewrites what was published."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _


class CodeList(models.Model):
    """A controlled vocabulary of an import's dimension: areas, or a breakdown such as sex."""

    AREA = "area"
    BREAKDOWN = "breakdown"
    KIND_CHOICES = [(AREA, "Areas"), (BREAKDOWN, "Breakdown")]

    slug = models.SlugField(
        unique=True, help_text=_("For a breakdown, the name of its column in a CSV file (e.g. sex).")
    )
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=KIND_CHOICES, default=BREAKDOWN)

    class Meta:
        ordering = ["name"]
        verbose_name = _("code list")

    def __str__(self):
        return self.name


class Code(models.Model):
    """One code of a list; ``parent`` builds hierarchies (country → region → municipality)."""

    code_list = models.ForeignKey(CodeList, on_delete=models.CASCADE, related_name="codes")
    code = models.CharField(max_length=50)
    label = models.CharField(max_length=200)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["code_list", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["code_list", "code"], name="unique_code_in_list")]

    def __str__(self):
        return f"{self.code} {self.label}"


class DatasetQuerySet(models.QuerySet):
    def localized(self):
        """Title and summary in the active language (``local_title``, ``local_summary``),
        the original where there is no translation; no extra query."""
        from ..translations import localized
        from .translations import DatasetTranslation

        return localized(
            self,
            DatasetTranslation,
            "dataset",
            local_title=("title", "title"),
            local_summary=("summary", "summary"),
        )


class IndicatorQuerySet(models.QuerySet):
    def localized(self):
        """Name and definition in the active language (``local_name``, ``local_definition``)."""
        from ..translations import localized
        from .translations import IndicatorTranslation

        return localized(
            self,
            IndicatorTranslation,
            "indicator",
            local_name=("name", "name"),
            local_definition=("definition", "definition"),
        )


class Dataset(models.Model):
    """What a journalist needs to cite a figure: source, methodology, licence and a contact."""

    ANNUAL, QUARTERLY, MONTHLY, IRREGULAR = "annual", "quarterly", "monthly", "irregular"
    FREQUENCY_CHOICES = [
        (ANNUAL, "Annual"),
        (QUARTERLY, "Quarterly"),
        (MONTHLY, "Monthly"),
        (IRREGULAR, "Irregular"),
    ]

    title = models.CharField(max_length=255)
    slug = models.SlugField(unique=True)
    summary = models.TextField(blank=True)
    topics = models.CharField(max_length=255, blank=True, help_text=_("Comma-separated topics."))
    methodology_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    contact_name = models.CharField(max_length=200, blank=True)
    contact_email = models.EmailField(blank=True)
    licence = models.CharField(max_length=100, default="CC BY 4.0")
    update_frequency = models.CharField(max_length=20, choices=FREQUENCY_CHOICES, default=ANNUAL)
    producer = models.CharField(max_length=200, blank=True)
    area_code_list = models.ForeignKey(
        CodeList,
        on_delete=models.PROTECT,
        related_name="area_datasets",
        limit_choices_to={"kind": CodeList.AREA},
    )
    breakdown_code_lists = models.ManyToManyField(
        CodeList,
        blank=True,
        related_name="breakdown_datasets",
        limit_choices_to={"kind": CodeList.BREAKDOWN},
    )

    objects = DatasetQuerySet.as_manager()

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("datasets:dataset", kwargs={"slug": self.slug})

    @property
    def shown_title(self):
        """The title people read: the localized one where the queryset annotated it."""
        return getattr(self, "local_title", None) or self.title

    @property
    def shown_summary(self):
        return getattr(self, "local_summary", self.summary)

    def topic_list(self):
        return [topic.strip() for topic in self.topics.split(",") if topic.strip()]

    def latest_version(self):
        """The newest version, published or not: what an import compares against."""
        return self.versions.order_by("-number").first()

    def current_version(self, at=None):
        """The newest version the public may see at ``at`` (now): what pages show."""
        return self.versions.public(at).order_by("-number").first()


class Indicator(models.Model):
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(max_length=50)
    name = models.CharField(max_length=255)
    definition = models.TextField(blank=True)
    unit = models.CharField(max_length=100, blank=True, help_text=_("e.g. persons, %, EUR"))
    unit_multiplier = models.SmallIntegerField(
        default=0, help_text=_("SDMX UNIT_MULT: the values are in units of 10 to this power (3: thousands).")
    )
    decimals = models.PositiveSmallIntegerField(default=0)
    glossary_url = models.URLField(blank=True)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["dataset", "code"]
        constraints = [
            models.UniqueConstraint(fields=["dataset", "code"], name="unique_indicator_in_dataset")
        ]

    def __str__(self):
        return f"{self.code} {self.name}"

    @property
    def shown_name(self):
        """The name people read: the localized one where the queryset annotated it."""
        return getattr(self, "local_name", None) or self.name

    @property
    def shown_definition(self):
        return getattr(self, "local_definition", self.definition)


class RevisionKind(models.TextChoices):
    """Why a new version changes figures already published (chosen by the editor at import)."""

    CORRECTION = "correction", _("Correction")
    REVISION = "revision", _("Routine revision")


class DatasetVersionQuerySet(models.QuerySet):
    def public(self, at=None):
        """Versions anyone may see: published, at or before ``at`` (now). An embargoed version
        (not yet published, or published in the future) is invisible everywhere."""
        return self.filter(published_at__lte=at or timezone.now())


class DatasetVersion(models.Model):
    """One import. Versions are never edited: a correction is a new version. A version is
    embargoed until ``published_at``: every public way in goes through ``public()``."""

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True)
    source_filename = models.CharField(max_length=255, blank=True)
    row_count = models.PositiveIntegerField(default=0)
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text=_("When the version became public; empty while it is embargoed."),
    )
    revision_kind = models.CharField(
        max_length=20,
        blank=True,
        choices=RevisionKind.choices,
        help_text=_("When it changes published figures: an error fixed, or a scheduled revision."),
    )
    revision_reason = models.TextField(
        blank=True, max_length=1000, help_text=_("Why published figures change: shown in the public notice.")
    )

    objects = DatasetVersionQuerySet.as_manager()

    class Meta:
        ordering = ["dataset", "-number"]
        constraints = [models.UniqueConstraint(fields=["dataset", "number"], name="unique_version_number")]

    def __str__(self):
        return f"{self.dataset} v{self.number}"

    def is_public(self, at=None):
        return self.published_at is not None and self.published_at <= (at or timezone.now())


class Observation(models.Model):
    """One figure. Statuses follow SDMX OBS_STATUS, plus C from OBS_CONF (confidential):
    a missing or confidential figure has no value, and is never shown as 0."""

    NORMAL, PROVISIONAL, ESTIMATED, BREAK, MISSING, CONFIDENTIAL = "A", "P", "E", "B", "M", "C"
    STATUS_CHOICES = [
        (NORMAL, _("Normal")),
        (PROVISIONAL, _("Provisional")),
        (ESTIMATED, _("Estimated")),
        (BREAK, _("Break in series")),
        (MISSING, _("Not available")),
        (CONFIDENTIAL, _("Confidential")),
    ]
    WITHOUT_VALUE = {MISSING, CONFIDENTIAL}
    # Why a figure has no value: canonical (English) in stored records and logs, translated for
    # people (display_value).
    NO_VALUE_WORDS = {CONFIDENTIAL: gettext_noop("confidential"), MISSING: gettext_noop("not available")}

    # No foreign-key constraints in the database for these three (db_constraint=False): the
    # importer only writes ids it has looked up, and Django applies CASCADE and PROTECT itself.
    # A constraint would cost three look-ups and row locks per observation at commit, which
    # halved the speed of a large import (docs/datasets.md, "Large files").
    version = models.ForeignKey(
        DatasetVersion, on_delete=models.CASCADE, related_name="observations", db_constraint=False
    )
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="observations", db_constraint=False
    )
    period = models.CharField(max_length=10, help_text=_("SDMX period code: 2024, 2024-Q1, 2024-S1, 2024-01"))
    period_start = models.DateField()
    area = models.ForeignKey(Code, on_delete=models.PROTECT, related_name="observations", db_constraint=False)
    breakdown_key = models.CharField(max_length=255, blank=True, help_text=_("e.g. age=0-14;sex=F"))
    value = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    status = models.CharField(max_length=1, choices=STATUS_CHOICES, default=NORMAL)

    class Meta:
        ordering = ["version", "indicator", "area", "period_start", "breakdown_key"]
        indexes = [
            models.Index(fields=["version", "indicator", "area", "period"], name="datasets_obs_lookup"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "indicator", "period", "area", "breakdown_key"],
                name="unique_observation_key",
            ),
        ]

    def __str__(self):
        return self.display_value()

    def canonical_value(self):
        """The value as text in the same words in every language (the record of a correction's
        examples, the import command's output); a figure without value says why, never "0"."""
        if self.status == self.CONFIDENTIAL:
            return self.NO_VALUE_WORDS[self.CONFIDENTIAL]
        if self.value is None or self.status == self.MISSING:
            return self.NO_VALUE_WORDS[self.MISSING]
        return f"{Decimal(self.value).normalize():f}"

    def display_value(self):
        """The value for people: why a figure has none is said in the reader's language."""
        text = self.canonical_value()
        return gettext(text) if text in self.NO_VALUE_WORDS.values() else text
