"""Competitions: the page that describes a contest, its entries, and how judges score them."""

import uuid
import zoneinfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.core.pages import SubpageViewsMixin
from portal.core.validators import time_zone_choices, validate_time_zone
from portal.core.vocabularies import UserGroup, UserGroupsField

from .blocks import PrizeBlock, QuestionBlock
from .storage import entry_storage

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class CompetitionPage(SubpageViewsMixin, Page):
    """One contest: who may enter, the rules, prizes, rubric and dates; entries, gallery and results
    (``literacy.competitions.urls.competition_urls``, served by views.py)."""

    summary = models.TextField(
        max_length=400, help_text=_("One or two sentences for listings and search results.")
    )
    description = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    audience = models.CharField(
        max_length=200,
        help_text=_("Who the competition is for, in a few words, e.g. “Secondary school students”."),
    )
    eligible_groups = UserGroupsField(
        default=list,
        blank=True,
        help_text=_("Only people who describe themselves as one of these may enter. Tick none for everyone."),
    )
    eligibility = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, help_text=_("Who may enter, in full.")
    )
    rules = RichTextField(features=RICH_TEXT_FEATURES, help_text=_("Entrants accept these when they enter."))
    prizes = StreamField([("prize", PrizeBlock())], blank=True)
    faq = StreamField(
        [("question", QuestionBlock())], blank=True, verbose_name=_("frequently asked questions")
    )

    opens_at = models.DateTimeField(_("entries open"))
    closes_at = models.DateTimeField(
        _("entries close"), help_text=_("Entries are refused from this second on.")
    )
    winners_announced_at = models.DateTimeField(_("winners announced"))
    time_zone = models.CharField(max_length=64, default=settings.TIME_ZONE, validators=[validate_time_zone])
    max_entries_per_person = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    consent_text = models.TextField(
        default=(
            "I agree that the statistics office keeps the details I give here to run this competition "
            "and contact me about my entry, as described in the privacy notice."
        ),
        help_text=_("The consent people give when they enter; each entry keeps a copy."),
    )

    results_published = models.BooleanField(
        default=False, help_text=_("Show the winners (entries given a place) on the page and in the gallery.")
    )
    results_intro = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, help_text=_("Shown above the winners.")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("audience"), FieldPanel("eligible_groups"), FieldPanel("eligibility")],
            heading=_("Who may enter"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("opens_at"), FieldPanel("closes_at"), FieldPanel("winners_announced_at")]
                ),
                FieldPanel("time_zone", widget=forms.Select(choices=time_zone_choices)),
            ],
            heading=_("Key dates"),
        ),
        FieldPanel("rules"),
        InlinePanel("categories", heading=_("Categories"), label=_("Category")),
        FieldPanel("max_entries_per_person"),
        FieldPanel("prizes"),
        InlinePanel(
            "criteria",
            heading=_("Judging criteria"),
            label=_("Criterion"),
            min_num=1,
            help_text=_("Removing a criterion also removes the scores judges gave for it."),
        ),
        FieldPanel("faq"),
        FieldPanel("consent_text"),
        MultiFieldPanel([FieldPanel("results_published"), FieldPanel("results_intro")], heading=_("Results")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("audience"),
        index.FilterField("closes_at"),
    ]
    parent_page_types = ["games.GamesIndexPage"]
    subpage_types = []
    subpage_urls = "literacy.competitions.urls.competition_urls"

    class Meta:
        verbose_name = _("competition")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": gettext("Entries must close after they open.")})
        if self.closes_at and self.winners_announced_at and self.winners_announced_at < self.closes_at:
            raise ValidationError(
                {"winners_announced_at": gettext("Winners can only be announced after entries close.")}
            )

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    def is_open(self, now=None):
        """Open from opens_at up to, not including, closes_at: by the server's clock, to the second."""
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def has_opened(self, now=None):
        return (now or timezone.now()) >= self.opens_at

    def admits(self, user_group):
        return not self.eligible_groups or user_group in self.eligible_groups

    def eligible_group_labels(self):
        return [UserGroup(value).label for value in self.eligible_groups if value in UserGroup.values]

    def ineligible_message(self):
        return gettext("Sorry, this competition is open to %(groups)s only.") % {
            "groups": ", ".join(str(label) for label in self.eligible_group_labels())
        }


class Category(Orderable):
    competition = ParentalKey(CompetitionPage, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(max_length=100)
    description = models.CharField(max_length=300, blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name


class Criterion(Orderable):
    """One line of the judging rubric: each judge gives 0 to max_points; weight says how much it counts."""

    competition = ParentalKey(CompetitionPage, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(max_length=100)
    description = models.CharField(max_length=400, blank=True, help_text=_("What judges look for."))
    max_points = models.PositiveSmallIntegerField(
        default=10, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    weight = models.PositiveSmallIntegerField(
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Relative importance, e.g. 1, 2 or 3."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("max_points"), FieldPanel("weight")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("judging criterion")
        verbose_name_plural = _("judging criteria")

    def __str__(self):
        return self.name


def entry_file_name(entry, filename):
    """A random name: nothing the entrant typed ends up in a path on the server."""
    extension = {"pdf": "pdf", "png": "png", "jpeg": "jpg"}.get(entry.file_kind, "bin")
    return f"competition-{entry.competition_id}/{uuid.uuid4().hex}.{extension}"


class Entry(models.Model):
    """What one person (or team) submitted. Text is kept as plain text and escaped wherever shown."""

    class Moderation(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    class FileKind(models.TextChoices):
        PDF = "pdf", _("PDF")
        PNG = "png", _("PNG image")
        JPEG = "jpeg", _("JPEG image")

    competition = models.ForeignKey(CompetitionPage, on_delete=models.CASCADE, related_name="entries")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="competition_entries",
        help_text=_(
            "Empty once the entrant's account is deleted; the entry stays on the competition's record."
        ),
    )
    contact = models.ForeignKey(
        "contacts.Contact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="competition_entries",
    )
    email = models.EmailField()
    display_name = models.CharField(max_length=80, help_text=_("The only name shown in public."))
    title = models.CharField(max_length=150)
    description = models.TextField(max_length=3000)
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.SET_NULL, related_name="entries"
    )
    team_members = models.TextField(max_length=1000, blank=True)
    organisation = models.CharField(_("school or organisation"), max_length=200, blank=True)
    user_group = models.CharField(max_length=40, choices=UserGroup.choices)
    file = models.FileField(storage=entry_storage, upload_to=entry_file_name, max_length=200, blank=True)
    file_kind = models.CharField(max_length=10, choices=FileKind.choices, blank=True)
    file_name = models.CharField(_("original file name"), max_length=120, blank=True)
    file_size = models.PositiveIntegerField(default=0)
    link = models.URLField(max_length=500, blank=True)
    consent_wording = models.TextField()

    moderation = models.CharField(max_length=20, choices=Moderation.choices, default=Moderation.PENDING)
    place = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("1 for the winner."),
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = _("entries")
        ordering = ["competition", "created_at", "pk"]
        permissions = [
            ("score_entry", "Can score entries as a judge"),
            ("moderate_entry", "Can moderate entries, see every score and choose winners"),
        ]
        indexes = [
            models.Index(fields=["competition", "moderation", "withdrawn_at"]),
            models.Index(fields=["competition", "user", "withdrawn_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(place__isnull=True) | models.Q(moderation="accepted"),
                name="competitions_only_accepted_entries_win",
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.display_name})"

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None

    @property
    def in_gallery(self):
        return self.moderation == self.Moderation.ACCEPTED and not self.is_withdrawn

    @property
    def is_image(self):
        return self.file_kind in (self.FileKind.PNG, self.FileKind.JPEG)


class ScoreSheet(models.Model):
    """One judge's marks for one entry; others' sheets stay hidden from them until it is submitted."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="score_sheets")
    judge = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="score_sheets")
    comment = models.TextField(max_length=2000, blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "judge"], name="competitions_one_sheet_per_judge")
        ]

    def __str__(self):
        return f"{self.judge} on {self.entry.title}"


class Score(models.Model):
    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    points = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["sheet", "criterion"], name="competitions_one_score_per_criterion"
            )
        ]


class ConflictOfInterest(models.Model):
    """A judge declares that they know the entrant (or similar): they may not score that entry."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="conflicts")
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="declared_conflicts"
    )
    reason = models.CharField(max_length=300)
    declared_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name_plural = _("conflicts of interest")
        constraints = [
            models.UniqueConstraint(fields=["entry", "judge"], name="competitions_one_conflict_per_judge")
        ]

    def __str__(self):
        return f"{self.judge} declared a conflict on {self.entry.title}"
