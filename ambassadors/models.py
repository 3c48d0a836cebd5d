"""The ambassadors programme: the page people apply on, the applications staff decide, the share
links approved ambassadors hand out and what came through them, and each campaign's toolkit."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from portal.core.pages import SubpageViewsMixin

from .blocks import ToolkitImageBlock, ToolkitPostBlock

TEXT_MAX_LENGTH = 2000
CODE_BYTES = 8  # 11 URL-safe characters: 2**64 codes, so guessing one is hopeless


class Role(models.TextChoices):
    TEACHER = "teacher", _("Teacher")
    JOURNALIST = "journalist", _("Journalist")
    STUDENT = "student", _("Student")
    CREATOR = "creator", _("Content creator")
    OTHER = "other", _("Something else")


class AmbassadorProgrammePage(SubpageViewsMixin, Page):
    """The programme: what it is, the application form, and (for approved ambassadors, signed
    in) their own page with their share links and reach (``ambassadors.urls.programme_urls``)."""

    intro = models.TextField(max_length=1000, blank=True)
    consent_text = models.TextField(
        default=(
            "I agree that the statistics office keeps my name, email address and this application "
            "to run the ambassadors programme and to count the visits my share links bring, as "
            "described in the privacy notice."
        ),
        help_text=_("The consent people give when they apply; each application keeps a copy."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("consent_text")]
    subpage_types = ["ambassadors.CampaignToolkitPage"]
    max_count = 1
    subpage_urls = "ambassadors.urls.programme_urls"

    class Meta:
        verbose_name = _("ambassadors programme")

    def toolkits(self):
        return CampaignToolkitPage.objects.child_of(self).live().public().order_by("-first_published_at")


class CampaignToolkitPage(SubpageViewsMixin, Page):
    """What ambassadors need to share one campaign: ready-made posts, images with their alt text,
    and the whole as a zip (``pack/``, built on request from what is published)."""

    intro = models.TextField(max_length=1000, blank=True)
    posts = StreamField([("post", ToolkitPostBlock())], blank=True, help_text=_("Ready-made posts to copy."))
    images = StreamField(
        [("image", ToolkitImageBlock())], blank=True, help_text=_("Each image needs its alt text.")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("posts"), FieldPanel("images")]
    parent_page_types = ["ambassadors.AmbassadorProgrammePage"]
    subpage_types = []
    subpage_urls = "ambassadors.urls.toolkit_urls"

    class Meta:
        verbose_name = _("campaign toolkit")

    def pack_url(self):
        return self.url + self.reverse_subpage("pack")


class Application(models.Model):
    """Someone's application to be an ambassador, and where staff took it."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SUSPENDED = "suspended", _("Suspended")

    name = models.CharField(max_length=150)
    email = models.EmailField(unique=True, help_text=_("Normalised: trimmed and lower case."))
    role = models.CharField(max_length=20, choices=Role.choices)
    organisation = models.CharField(max_length=200, blank=True)
    channels = models.TextField(
        _("channels and audience"),
        max_length=TEXT_MAX_LENGTH,
        help_text=_("Where they share, and with whom."),
    )
    motivation = models.TextField(max_length=TEXT_MAX_LENGTH)
    contact = models.ForeignKey(
        "contacts.Contact", null=True, on_delete=models.SET_NULL, related_name="ambassador_applications"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ambassador",
        help_text=_("The account that proved it owns the address (linked when it first signs in)."),
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.APPLIED)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED


class ApplicationEvent(models.Model):
    """One line of an application's history: applied, or moved to a status with a message."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(max_length=20, choices=Application.Status.choices)
    message = models.TextField(max_length=TEXT_MAX_LENGTH, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.application}: {self.get_status_display()}"


def new_code():
    return secrets.token_urlsafe(CODE_BYTES)


class ShareLink(models.Model):
    """An ambassador's short link to one public page: ``/s/<code>``. The code is random and
    says nothing about the ambassador or the page."""

    code = models.CharField(max_length=32, unique=True, default=new_code, editable=False)
    ambassador = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="links")
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["ambassador", "page"], name="one_link_per_page")]

    def __str__(self):
        return f"/s/{self.code}"


class ShareEvent(models.Model):
    """One visit through a link, or a sign-up or module completion that carried its code: a row
    each, so concurrent visits can never lose a count."""

    class Kind(models.TextChoices):
        VISIT = "visit", _("Visits")
        SIGNUP = "signup", _("Sign-ups")
        COMPLETION = "completion", _("Module completions")

    link = models.ForeignKey(ShareLink, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["link", "kind", "created_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} via {self.link}"
