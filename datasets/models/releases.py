"""The release calendar: when each dataset version goes out, announced in advance.

Trust in official statistics rests on pre-announced dates and equal access at release time, so
every move of a date is logged in public, and a version stays embargoed until its release's
minute (``datasets.releasing`` publishes it then)."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from .data import Dataset, DatasetVersion

PUBLISH_PERMISSION = "datasets.publish_release"
REASON_MAX_LENGTH = 1000


class ReleaseQuerySet(models.QuerySet):
    def calendar_order(self, now=None):
        """Upcoming releases first (soonest first), then past ones (latest first)."""
        now = now or timezone.now()
        upcoming = models.Q(announced_at__gte=now)
        return self.annotate(
            _past=models.Case(models.When(upcoming, then=0), default=1, output_field=models.IntegerField()),
            _upcoming_at=models.Case(models.When(upcoming, then=models.F("announced_at")), default=None),
        ).order_by("_past", models.F("_upcoming_at").asc(nulls_last=True), "-announced_at", "pk")

    def topics(self):
        return sorted(set(self.exclude(topic="").values_list("topic", flat=True)), key=str.casefold)


class Release(ClusterableModel):
    """One announced release of a dataset's version. Its title and date are public from the
    announcement; nothing of the version is, until the status is published."""

    class Status(models.TextChoices):
        PROVISIONAL = "provisional", _("Provisional")
        CONFIRMED = "confirmed", _("Confirmed")
        PUBLISHED = "published", _("Published")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")

    NEEDS_REASON = {Status.POSTPONED, Status.CANCELLED}
    # Where each status may go next; publishing is done by the release run, never by hand.
    NEXT = {
        Status.PROVISIONAL: {Status.PROVISIONAL, Status.CONFIRMED, Status.POSTPONED, Status.CANCELLED},
        Status.CONFIRMED: {Status.CONFIRMED, Status.PROVISIONAL, Status.POSTPONED, Status.CANCELLED},
        Status.POSTPONED: {Status.POSTPONED, Status.PROVISIONAL, Status.CONFIRMED, Status.CANCELLED},
        Status.PUBLISHED: {Status.PUBLISHED},
        Status.CANCELLED: {Status.CANCELLED},
    }

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(max_length=255)
    summary = models.TextField(
        blank=True, help_text=_("What the release will contain, in a sentence or two.")
    )
    dataset = models.ForeignKey(Dataset, on_delete=models.PROTECT, related_name="releases")
    version = models.ForeignKey(
        DatasetVersion,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="releases",
        help_text=_("The imported version this release publishes; empty until it is imported."),
    )
    topic = models.CharField(
        max_length=100, blank=True, help_text=_("Left empty, the dataset's first topic is used.")
    )
    announced_at = models.DateTimeField("release date and time", db_index=True)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.PROVISIONAL, db_index=True
    )
    status_reason = models.TextField(
        "reason",
        max_length=REASON_MAX_LENGTH,
        blank=True,
        help_text=_("Shown to the public: required when the release is postponed or cancelled."),
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReleaseQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("dataset"), FieldPanel("version"), FieldPanel("topic")], heading=_("Data")
        ),
        MultiFieldPanel(
            [
                FieldPanel("announced_at"),
                FieldPanel("change_reason"),
                FieldPanel("status"),
                FieldPanel("status_reason"),
            ],
            heading=_("Date and status"),
        ),
        InlinePanel("linked_pages", heading=_("Pages published with the release"), label=_("page")),
    ]

    class Meta:
        ordering = ["announced_at", "pk"]
        permissions = [("publish_release", "Can confirm releases (they then go out at their minute)")]

    # What the database holds, to see a moved date or a change of status; and, for the date
    # change log, why and by whom (set by the admin form, or by code that moves a date).
    _stored_at = None
    _stored_status = None
    change_reason = ""
    changed_by = None

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        stored = dict(zip(field_names, values, strict=True))
        instance._stored_at, instance._stored_status = stored.get("announced_at"), stored.get("status")
        return instance

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("datasets:release", kwargs={"pk": self.pk})

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    def date_moved(self):
        return self.pk is not None and self._stored_at is not None and self.announced_at != self._stored_at

    def clean(self):
        errors = {}
        if self.announced_at:
            self.announced_at = self.announced_at.replace(second=0, microsecond=0)
        if self.status in self.NEEDS_REASON and not self.status_reason.strip():
            errors["status_reason"] = "Say why the release is postponed or cancelled: the public sees it."
        if self._stored_status and self.status not in self.NEXT[self._stored_status]:
            errors["status"] = (
                f"A {self.Status(self._stored_status).label.lower()} release cannot become "
                f"{self.Status(self.status).label.lower()}."
            )
        if self.status == self.Status.PUBLISHED and self._stored_status != self.Status.PUBLISHED:
            errors["status"] = "A release is published at its minute by the release run, not by hand."
        if self.date_moved() and self._stored_status in (self.Status.PUBLISHED, self.Status.CANCELLED):
            errors["announced_at"] = "A published or cancelled release keeps its date."
        elif (
            self.announced_at
            and (self.pk is None or self.date_moved())
            and self.announced_at < timezone.now()
        ):
            errors["announced_at"] = "Announce a date and time in the future."
        if (
            self.date_moved()
            and self._stored_status == self.Status.CONFIRMED
            and not (
                self.change_reason.strip()
                or (self.status in self.NEEDS_REASON and self.status_reason.strip())
            )
        ):
            errors["change_reason"] = "A confirmed date was moved: say why (the public sees it)."
        if len(self.change_reason) > REASON_MAX_LENGTH:
            errors["change_reason"] = f"Keep the reason under {REASON_MAX_LENGTH} characters."
        if self.version_id and self.dataset_id and self.version.dataset_id != self.dataset_id:
            errors["version"] = "This version belongs to another dataset."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        """Saving a moved date logs it (old, new, reason, by whom) in the same transaction."""
        if not self.topic and self.dataset_id:
            self.topic = (self.dataset.topic_list() or [""])[0][:100]
        with transaction.atomic():
            moved = self.date_moved()
            super().save(*args, **kwargs)
            if moved:
                self.date_changes.create(
                    old_at=self._stored_at,
                    new_at=self.announced_at,
                    reason=self.change_reason.strip() or self.status_reason.strip(),
                    changed_by=self.changed_by,
                )
        self._stored_at, self._stored_status, self.change_reason = self.announced_at, self.status, ""


class ReleaseDateChange(models.Model):
    """A move of a release's date, shown on the release page: dates are never moved silently."""

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="date_changes")
    old_at = models.DateTimeField("previous date")
    new_at = models.DateTimeField("new date")
    reason = models.TextField(blank=True)
    changed_at = models.DateTimeField(auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("release date change")

    def __str__(self):
        return f"{self.release}: {self.old_at:%Y-%m-%d %H:%M} → {self.new_at:%Y-%m-%d %H:%M}"


class ReleasePage(Orderable):
    """A page (a story, a notice) that goes live with the release, drafts included."""

    release = ParentalKey(Release, on_delete=models.CASCADE, related_name="linked_pages")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("page")]
