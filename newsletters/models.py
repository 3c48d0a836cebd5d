"""Newsletter lists, the people subscribed to them, and what each issue sent to whom.

People live in the user database (portal.contacts.Contact); a Subscriber adds what only the
newsletters need: the lists, how often, the secret for their links, and whether their address
still takes mail. A sign-up waits as a SignupRequest until the person confirms it (double
opt-in). Each issue's send is a Sending, and each person it goes to one Delivery row.
"""

import secrets

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from portal.core.vocabularies import UserGroup

from .pages import NewsletterIndexPage, NewsletterIssuePage  # noqa: F401  (the app's page models)


def new_token():
    return secrets.token_urlsafe(32)


class NewsletterList(index.Indexed, models.Model):
    """One newsletter people can choose, e.g. the monthly round-up or the release alerts."""

    name = models.CharField(max_length=100, unique=True)
    description = models.CharField(max_length=300, help_text=_("One sentence: what it brings and how often."))
    offered_in_footer = models.BooleanField(
        default=False, help_text=_("The quick sign-up at the foot of every page subscribes to these lists.")
    )
    active = models.BooleanField(default=True, help_text=_("Inactive lists are no longer offered."))
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("offered_in_footer"),
        FieldPanel("active"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("description")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("newsletter list")

    def __str__(self):
        return self.name


class Frequency(models.TextChoices):
    EVERY_ISSUE = "every_issue", _("Every issue, as it comes out")
    MONTHLY = "monthly", _("At most one email a month")


class Subscriber(models.Model):
    """A confirmed newsletter reader: their lists, pace, link secret and mail status."""

    contact = models.OneToOneField(
        "contacts.Contact", on_delete=models.CASCADE, related_name="newsletter_subscriber"
    )
    lists = models.ManyToManyField(NewsletterList, through="Subscription", related_name="subscribers")
    frequency = models.CharField(max_length=20, choices=Frequency.choices, default=Frequency.EVERY_ISSUE)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    confirmed_at = models.DateTimeField(default=timezone.now, db_index=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    suppressed_at = models.DateTimeField(
        null=True, blank=True, help_text=_("The address bounced for good or complained: no more mail.")
    )
    suppression_reason = models.CharField(max_length=40, blank=True)
    soft_bounces = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-confirmed_at"]
        indexes = [models.Index(fields=["suppressed_at"])]

    def __str__(self):
        return str(self.contact)


class Subscription(models.Model):
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="subscriptions")
    newsletter_list = models.ForeignKey(
        NewsletterList, on_delete=models.CASCADE, related_name="subscriptions"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "newsletter_list"], name="newsletters_one_subscription"
            )
        ]

    def __str__(self):
        return f"{self.subscriber} → {self.newsletter_list}"


class SignupRequest(models.Model):
    """A sign-up waiting for its confirmation link to be clicked; used at most once."""

    email = models.EmailField(help_text=_("Normalised: trimmed and lower case."))
    lists = models.ManyToManyField(NewsletterList, related_name="+")
    user_group = models.CharField(max_length=40, choices=UserGroup.choices, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    frequency = models.CharField(max_length=20, choices=Frequency.choices, default=Frequency.EVERY_ISSUE)
    topics = models.JSONField(
        default=list, blank=True, help_text=_("Data topics whose releases the person asked to hear about.")
    )
    areas = models.JSONField(
        default=list, blank=True, help_text=_("Area codes whose new figures the person asked to hear about.")
    )
    consent_wording = models.TextField()
    source = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["created_at"])]

    def __str__(self):
        return f"{self.email} ({'confirmed' if self.confirmed_at else 'waiting'})"


class TopicAlert(models.Model):
    """A confirmed subscriber wants an email when a release of this data topic goes out."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="topic_alerts")
    topic = models.CharField(max_length=100)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["topic"]
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "topic"], name="newsletters_one_topic_alert")
        ]
        indexes = [models.Index(fields=["topic"])]

    def __str__(self):
        return f"{self.subscriber} → {self.topic}"


class AreaAlert(models.Model):
    """A confirmed subscriber wants an email when new figures for this area (by its code) are
    released. A code, not a key to the area: newsletters do not import the data layer's models,
    and a following survives the area list being re-imported."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="area_alerts")
    area_code = models.CharField(max_length=50)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["area_code"]
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "area_code"], name="newsletters_one_area_alert")
        ]
        indexes = [models.Index(fields=["area_code"])]

    def __str__(self):
        return f"{self.subscriber} → area {self.area_code}"


class Sending(models.Model):
    """One send, with its progress and aggregate counts: an issue to lists and groups, or a
    release alert (``alert``) to the subscribers of the released dataset's topics."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        PAUSED = "paused", _("Paused (mail server unavailable)")
        SENT = "sent", _("Sent")
        CANCELLED = "cancelled", _("Cancelled")

    issue = models.OneToOneField(
        "newsletters.NewsletterIssuePage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="sending",
        help_text=_("Empty for a release alert."),
    )
    alert_version_id = models.PositiveBigIntegerField(
        null=True,
        blank=True,
        help_text=_("For a release alert: the dataset version it announces (each version alerts once)."),
    )
    alert_key = models.CharField(
        max_length=300,
        blank=True,
        default="",
        help_text=_(
            "Empty for the topic alert; for an area alert, the area codes it covers (comma-separated)."
        ),
    )
    alert = models.JSONField(
        null=True,
        blank=True,
        help_text=_("For a release alert: what the email says, read from the public figures at release."),
    )
    lists = models.ManyToManyField(NewsletterList, related_name="sendings")
    user_groups = models.JSONField(default=list, blank=True, help_text=_("Empty: everyone on the lists."))
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    scheduled_for = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    resume_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True, help_text=_("Last sign of life of the send."))
    recipients_ready = models.BooleanField(default=False, help_text=_("Every recipient has a delivery row."))
    last_error = models.CharField(max_length=500, blank=True)
    created_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Counted in aggregate only: nobody's opens or clicks are recorded.
    opens = models.PositiveIntegerField(default=0)
    clicks = models.PositiveIntegerField(default=0)
    unsubscribes = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-scheduled_for"]
        indexes = [models.Index(fields=["status", "scheduled_for"])]
        constraints = [
            # Each version alerts once per audience: its topics' followers, and each set of areas.
            models.UniqueConstraint(
                fields=["alert_version_id", "alert_key"], name="newsletters_one_alert_per_key"
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.get_status_display()})"

    @property
    def title(self):
        """The issue's title, or the release alert's subject."""
        if self.issue_id:
            return self.issue.title
        from .alert_text import alert_subject

        return alert_subject(self.alert) or gettext("Release alert")


class Delivery(models.Model):
    """One issue to one person: claimed before it is sent, stamped once the server took it."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Skipped (unsubscribed or bounced meanwhile)")

    class Feedback(models.TextChoices):
        HARD_BOUNCE = "hard_bounce", _("Hard bounce")
        SOFT_BOUNCE = "soft_bounce", _("Soft bounce")
        COMPLAINT = "complaint", _("Complaint")

    sending = models.ForeignKey(Sending, on_delete=models.CASCADE, related_name="deliveries")
    contact = models.ForeignKey(
        "contacts.Contact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="newsletter_deliveries",
        help_text=_("Empty once the person had their data erased; the row still counts."),
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claim = models.CharField(
        max_length=32,
        blank=True,
        editable=False,
        help_text=_("The worker run that holds the row while sending."),
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    feedback = models.CharField(max_length=20, choices=Feedback.choices, blank=True)

    class Meta:
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["sending", "contact"], name="newsletters_one_delivery_per_person")
        ]
        indexes = [
            models.Index(fields=["sending", "status", "next_attempt_at"]),
            models.Index(
                fields=["contact", "status"],
                condition=Q(status="queued"),
                name="newsletters_queued_by_contact",
            ),
        ]

    def __str__(self):
        return f"{self.sending.title} → {self.contact or 'erased'} ({self.get_status_display()})"
