"""The one user database: every person the office is in touch with, however they came."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from portal.core.languages import language_field
from portal.core.vocabularies import Tier, UserGroup


class TouchpointKind(models.TextChoices):
    ACCOUNT_SIGNUP = "account_signup", _("Account sign-up")
    NEWSLETTER_SIGNUP = "newsletter_signup", _("Newsletter sign-up")
    FORUM_JOIN = "forum_join", _("Joined a forum")
    TRAINING_REGISTRATION = "training_registration", _("Training registration")
    COMPETITION_ENTRY = "competition_entry", _("Competition entry")
    LEARNING = "learning", _("E-learning progress")
    DATA_REQUEST = "data_request", _("Data request")
    FEEDBACK = "feedback", _("Feedback")
    MISUSE_REPORT = "misuse_report", _("Misuse report")
    AMBASSADOR_APPLICATION = "ambassador_application", _("Ambassador application")
    CONSULTATION_RESPONSE = "consultation_response", _("Consultation response")


class ContactTopic(TaggedItemBase):
    content_object = models.ForeignKey("Contact", on_delete=models.CASCADE, related_name="topic_items")


class Contact(models.Model):
    email = models.EmailField(unique=True, help_text=_("Stored normalised: trimmed and lower case."))
    name = models.CharField(max_length=200, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact",
    )
    user_group = models.CharField(max_length=40, choices=UserGroup.choices, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    region = models.CharField(_("country or region"), max_length=100, blank=True)
    literacy_level = models.CharField(max_length=20, choices=Tier.choices, blank=True)
    topics = TaggableManager("topics of interest", through=ContactTopic, blank=True)
    preferred_language = language_field(
        _("language for emails"),
        help_text=_("Every email to this person is written in it. Set from the page of their first sign-up."),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.email


class Touchpoint(models.Model):
    """One moment a person engaged: what they did, when, and from which page."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="touchpoints")
    kind = models.CharField(max_length=40, choices=TouchpointKind.choices)
    source = models.CharField(_("from where"), max_length=500, blank=True)
    detail = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["kind", "created_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d})"


class Consent(models.Model):
    """A consent given or withdrawn, with the exact wording the person saw. Never edited."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(max_length=100)
    wording = models.TextField()
    granted = models.BooleanField()
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-recorded_at"]
        indexes = [models.Index(fields=["contact", "purpose", "recorded_at"])]

    def __str__(self):
        state = "granted" if self.granted else "withdrawn"
        return f"{self.purpose}: {state} {self.recorded_at:%Y-%m-%d}"


@register_setting(icon="clipboard-list")
class ConsentWording(BaseGenericSetting):
    """The exact consent texts people see; each recorded consent keeps a copy of it."""

    account_signup = models.TextField(
        _("account sign-up consent"),
        default=(
            "I agree that the statistics office keeps my email address and the details I give "
            "here to run my account, as described in the privacy notice. I can delete my "
            "account at any time."
        ),
    )

    class Meta:
        verbose_name = _("consent wording")
