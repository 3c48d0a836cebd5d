"""Training sessions for journalists and other audiences (a statistical-literacy activity)."""

import datetime
import secrets

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.blocks import PageChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.core.pages import SubpageViewsMixin
from portal.core.validators import time_zone_choices, validate_time_zone
from portal.core.vocabularies import Tier, UserGroup


class SessionFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class TrainingIndexPage(SubpageViewsMixin, Page):
    """Upcoming and past sessions, with filters and a calendar feed
    (``literacy.training.urls.training_index_urls``, served by views.py)."""

    intro = models.TextField(max_length=500, blank=True)
    consent_text = models.TextField(
        default=(
            "I agree that the statistics office keeps the details I give here to run this training "
            "session, send me reminders and ask for my feedback afterwards, as described in the "
            "privacy notice."
        ),
        help_text=_("The consent people give when they register; each registration keeps a copy."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("consent_text")]
    subpage_types = ["training.TrainingSessionPage"]
    max_count = 1
    subpage_urls = "literacy.training.urls.training_index_urls"

    class Meta:
        db_table = "literacy_trainingindexpage"
        verbose_name = _("training index")

    def get_cached_paths(self):
        """The listings the page cache keeps (see page_cache.py): upcoming, past and the feed."""
        return ["/", "past/", "calendar/"]

    def sessions(self):
        """Live, public sessions under this index, past and future."""
        return TrainingSessionPage.objects.live().public().child_of(self)


class TrainingSessionPage(SubpageViewsMixin, Page):
    """One session: what, when, where and for whom; registering, cancelling and feedback are
    addresses below it (``literacy.training.urls.session_urls``, served by views.py and feedback.py)."""

    summary = models.TextField(max_length=400)
    description = RichTextField(blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])
    audience = models.CharField(
        max_length=40,
        choices=UserGroup.choices,
        default=UserGroup.MEDIA,
        blank=True,
        help_text=_("The user group the session is written for; leave empty for a session open to everyone."),
    )
    level = models.CharField(max_length=20, choices=Tier.choices, default=Tier.BASIC)
    format = models.CharField(max_length=20, choices=SessionFormat.choices, default=SessionFormat.IN_PERSON)

    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveIntegerField(default=120)
    time_zone = models.CharField(max_length=64, default=settings.TIME_ZONE, validators=[validate_time_zone])
    registration_deadline = models.DateTimeField(
        null=True, blank=True, help_text=_("Leave blank to accept registrations until the session starts.")
    )
    capacity = models.PositiveIntegerField(
        default=20, help_text=_("Seats; further registrations join the waitlist.")
    )
    requires_approval = models.BooleanField(
        default=False, help_text=_("Staff approve each registration, e.g. accredited media only.")
    )

    venue_name = models.CharField(max_length=200, blank=True)
    address = models.TextField(max_length=400, blank=True)
    map_url = models.URLField(_("map link"), blank=True)
    joining_link = models.URLField(
        blank=True, help_text=_("Online sessions: sent only to registered people.")
    )

    trainer_name = models.CharField(max_length=120)
    trainer_role = models.CharField(max_length=160, blank=True)
    preparation = StreamField(
        [("page", PageChooserBlock(help_text=_("An e-module or story to read beforehand")))],
        blank=True,
        verbose_name=_("prepare with"),
    )

    cancelled = models.BooleanField(default=False)
    cancellation_note = models.TextField(max_length=500, blank=True)
    sequence = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text=_("iCalendar SEQUENCE: goes up each time the time, place or status changes."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("audience"), FieldPanel("level"), FieldPanel("format")]),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("starts_at"),
                        FieldPanel("duration_minutes"),
                        FieldPanel("time_zone", widget=forms.Select(choices=time_zone_choices)),
                    ]
                ),
                FieldRowPanel([FieldPanel("registration_deadline"), FieldPanel("capacity")]),
                FieldPanel("requires_approval"),
            ],
            heading=_("When and how many"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("address"),
                FieldPanel("map_url"),
                FieldPanel("joining_link"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel([FieldPanel("trainer_name"), FieldPanel("trainer_role")], heading=_("Trainer")),
        FieldPanel("preparation"),
        InlinePanel("materials", heading=_("Materials"), label=_("Material")),
        MultiFieldPanel(
            [FieldPanel("cancelled"), FieldPanel("cancellation_note")], heading=_("Cancellation")
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("trainer_name"),
        index.FilterField("audience"),
        index.FilterField("level"),
        index.FilterField("format"),
        index.FilterField("starts_at"),
    ]
    parent_page_types = ["training.TrainingIndexPage"]
    subpage_types = []
    subpage_urls = "literacy.training.urls.session_urls"

    class Meta:
        db_table = "literacy_trainingsessionpage"
        verbose_name = _("training session")

    def clean(self):
        super().clean()
        errors = {}
        if self.format in (SessionFormat.IN_PERSON, SessionFormat.HYBRID) and not self.address:
            errors["address"] = gettext("Sessions in a room need an address.")
        if self.format in (SessionFormat.ONLINE, SessionFormat.HYBRID) and not self.joining_link:
            errors["joining_link"] = gettext(
                "Online sessions need a joining link (it is sent only to registrants)."
            )
        if self.registration_deadline and self.starts_at and self.registration_deadline > self.starts_at:
            errors["registration_deadline"] = gettext("Registration must close before the session starts.")
        if errors:
            raise ValidationError(errors)

    @property
    def ends_at(self):
        return self.starts_at + datetime.timedelta(minutes=self.duration_minutes)

    @property
    def closes_at(self):
        return self.registration_deadline or self.starts_at

    @classmethod
    def upcoming(cls, now=None):
        """Public sessions still to come and not cancelled, soonest first."""
        return (
            cls.objects.live()
            .public()
            .filter(cancelled=False, starts_at__gt=now or timezone.now())
            .order_by("starts_at", "pk")
        )

    def audience_label(self):
        """Who the session is for, in words: its user group, or everyone."""
        return self.get_audience_display() if self.audience else "Everyone"

    def is_open_for_registration(self, now=None):
        return not self.cancelled and (now or timezone.now()) < self.closes_at

    def with_content_json(self, content):
        """Publishing an older draft must not roll back SEQUENCE, which calendars need to only go up."""
        page = super().with_content_json(content)
        stored = TrainingSessionPage.objects.filter(pk=self.pk).values_list("sequence", flat=True).first()
        page.sequence = max(stored or 0, self.sequence)
        return page


class SessionMaterial(Orderable):
    """Slides, recordings and handouts that stay with a session after it has run."""

    class Visibility(models.TextChoices):
        REGISTRANTS = "registrants", _("People who registered")
        EVERYONE = "everyone", _("Everyone")

    session = ParentalKey(TrainingSessionPage, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(max_length=200)
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    url = models.URLField(blank=True, help_text=_("Or a link, e.g. to a recording"))
    visibility = models.CharField(max_length=20, choices=Visibility.choices, default=Visibility.EVERYONE)

    panels = [FieldPanel("title"), FieldPanel("document"), FieldPanel("url"), FieldPanel("visibility")]

    class Meta(Orderable.Meta):
        db_table = "literacy_sessionmaterial"

    def clean(self):
        if not self.document_id and not self.url:
            raise ValidationError(gettext("Choose a document or give a link."))


def new_token():
    return secrets.token_urlsafe(32)


class Registration(models.Model):
    """A person's place (or place in line) at a session."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waitlist")
        PENDING = "pending", _("Awaiting approval")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    ACTIVE = (Status.CONFIRMED, Status.WAITLISTED, Status.PENDING)

    session = models.ForeignKey(TrainingSessionPage, on_delete=models.CASCADE, related_name="registrations")
    contact = models.ForeignKey(
        "contacts.Contact", on_delete=models.PROTECT, related_name="training_registrations"
    )
    name = models.CharField(max_length=150)
    email = models.EmailField(help_text=_("Normalised: trimmed and lower case."))
    organisation = models.CharField(_("organisation or outlet"), max_length=200, blank=True)
    role = models.CharField(max_length=120, blank=True)
    user_group = models.CharField(max_length=40, choices=UserGroup.choices, blank=True)
    accessibility_needs = models.TextField(max_length=1000, blank=True)
    questions = models.TextField(_("questions for the trainer"), max_length=2000, blank=True)

    status = models.CharField(max_length=20, choices=Status.choices)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    status_changed_at = models.DateTimeField(default=timezone.now)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(null=True, blank=True)
    thank_you_sent_at = models.DateTimeField(null=True, blank=True)
    shared_calendar_uid = models.BooleanField(
        default=False,
        editable=False,
        help_text=_("Invited before each registration had its own calendar UID: keeps the session's."),
    )

    class Meta:
        db_table = "literacy_registration"
        ordering = ["session", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "email"],
                condition=Q(status__in=["confirmed", "waitlisted", "pending"]),
                name="literacy_one_active_registration_per_email",
            )
        ]
        indexes = [models.Index(fields=["session", "status", "created_at"])]

    def __str__(self):
        return f"{self.name}: {self.session.title} ({self.get_status_display()})"


class SessionFeedback(models.Model):
    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="feedback")
    rating = models.PositiveSmallIntegerField(choices=[(n, str(n)) for n in range(1, 6)])
    improve = models.TextField(_("what could be better"), max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        db_table = "literacy_sessionfeedback"
        verbose_name_plural = _("session feedback")

    def __str__(self):
        return f"{self.rating}/5 for {self.registration.session.title}"
