"""What users tell the office: a verdict on a page, a request for data, and what changed as a result."""

import secrets

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Orderable, Page

from portal.core.languages import language_field
from portal.core.pages import SubpageViewsMixin
from portal.core.vocabularies import UserGroup

COMMENT_MAX_LENGTH = 2000
REQUEST_MAX_LENGTH = 4000


class FeedbackTheme(models.Model):
    """A subject that feedback and requests are tagged with, e.g. "Regional figures"; the
    "You said, we did" page links what changed to these."""

    name = models.CharField(max_length=80, unique=True)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class FeedbackType(models.TextChoices):
    DATA_ERROR = "data_error", _("Error in the data")
    HARD_TO_UNDERSTAND = "hard_to_understand", _("Hard to understand")
    MISSING_DATA = "missing_data", _("Missing data")
    SUGGESTION = "suggestion", _("Suggestion")
    OTHER = "other", _("Other")


class PageFeedback(models.Model):
    """One answer to "Was this page useful?". Anonymous: no person, address or IP is kept.

    The comment is plain text, shown escaped everywhere. The page's title and type are copied
    so that the record still says what it was about after the page is deleted.
    """

    page = models.ForeignKey(Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    page_title = models.CharField(max_length=255)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    useful = models.BooleanField()
    feedback_type = models.CharField(_("type"), max_length=30, choices=FeedbackType.choices, blank=True)
    comment = models.TextField(max_length=COMMENT_MAX_LENGTH, blank=True)
    themes = models.ManyToManyField(FeedbackTheme, blank=True, related_name="page_feedback")
    addressed = models.BooleanField(
        default=False, help_text=_("Tick once something was done about it (counts on “You said, we did”).")
    )
    staff_note = models.TextField(max_length=2000, blank=True, help_text=_("For staff only."))
    language = language_field(editable=False, help_text=_("The language of the site when it was written."))
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")
        indexes = [
            models.Index(fields=["created_at", "content_type"]),
            models.Index(fields=["content_type", "created_at"]),
        ]

    def __str__(self):
        return f"{'Useful' if self.useful else 'Not useful'}: {self.page_title}"


def new_token():
    return secrets.token_urlsafe(32)


class DataRequest(models.Model):
    """A request for figures the office has not published, triaged by staff with its history."""

    class Purpose(models.TextChoices):
        RESEARCH = "research", _("Research")
        JOURNALISM = "journalism", _("Journalism")
        POLICY = "policy", _("Policy making")
        STUDY = "study", _("Study or teaching")
        BUSINESS = "business", _("Business")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        IN_PROGRESS = "in_progress", _("In progress")
        ANSWERED = "answered", _("Answered")
        DECLINED = "declined", _("Declined")
        REDIRECTED = "redirected", _("Redirected to an existing product")

    CLOSED = (Status.ANSWERED, Status.DECLINED, Status.REDIRECTED)

    reference = models.CharField(max_length=20, unique=True, editable=False, blank=True)
    what = models.TextField(_("data needed"), max_length=REQUEST_MAX_LENGTH)
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    purpose_detail = models.TextField(_("how the data will be used"), max_length=1000, blank=True)
    deadline = models.DateField(null=True, blank=True)
    name = models.CharField(max_length=150)
    email = models.EmailField(help_text=_("Normalised: trimmed and lower case."))
    organisation = models.CharField(max_length=200, blank=True)
    user_group = models.CharField(max_length=40, choices=UserGroup.choices, blank=True)
    contact = models.ForeignKey(
        "contacts.Contact", null=True, on_delete=models.SET_NULL, related_name="data_requests"
    )

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RECEIVED)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_data_requests",
    )
    themes = models.ManyToManyField(FeedbackTheme, blank=True, related_name="data_requests")
    product_url = models.URLField(_("existing product"), blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    language = language_field(editable=False, help_text=_("The language of the site when it was written."))
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    closed_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text=_("When it was answered, declined or redirected.")
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["created_at", "status"]),
            models.Index(fields=["closed_at"]),
            models.Index(fields=["email", "created_at"]),
        ]

    def __str__(self):
        return self.reference or f"Request {self.pk}"

    @property
    def is_closed(self):
        return self.status in self.CLOSED


class DataRequestEvent(models.Model):
    """One line of a request's history: received, assigned, tagged, status changed, replied."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("Received")
        STATUS = "status", _("Status changed")
        REPLY = "reply", _("Reply sent")
        ASSIGNED = "assigned", _("Assigned")
        THEMES = "themes", _("Themes changed")

    PUBLIC = (Kind.RECEIVED, Kind.STATUS, Kind.REPLY)

    request = models.ForeignKey(DataRequest, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(max_length=20, choices=DataRequest.Status.choices, blank=True)
    message = models.TextField(max_length=5000, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.request}: {self.get_kind_display()}"


@register_setting(icon="help")
class FeedbackSettings(BaseGenericSetting):
    """The words of the "Was this page useful?" box under stories, modules, lessons and games."""

    # The defaults are in the catalogues (gettext_noop): shown in the reader's language until an
    # editor changes them (portal.core.languages.interface_text).
    question = models.CharField(max_length=120, default=gettext_noop("Was this page useful?"))
    details_prompt = models.CharField(max_length=120, default=gettext_noop("Tell us more (optional)"))
    comment_hint = models.CharField(
        max_length=300,
        default=gettext_noop(
            "Please do not include personal details. We read every comment but cannot reply here; "
            "to ask for figures, make a data request."
        ),
    )
    thank_you = models.CharField(
        max_length=200, default=gettext_noop("Thank you for your feedback. It helps us improve the site.")
    )
    data_request_page = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the feedback box for people who need figures."),
    )

    panels = [
        FieldPanel("question"),
        FieldPanel("details_prompt"),
        FieldPanel("comment_hint"),
        FieldPanel("thank_you"),
        FieldPanel("data_request_page"),
    ]

    class Meta:
        verbose_name = _("feedback settings")


class DataRequestPage(SubpageViewsMixin, Page):
    """The data request form, its confirmation, and each request's status page
    (``feedback.urls.data_request_urls``, served by feedback.views)."""

    intro = models.TextField(max_length=1000, blank=True)
    response_time = models.CharField(
        max_length=200,
        default="We answer most requests within 10 working days.",
        help_text=_("Shown above the form and in the confirmation email."),
    )
    consent_text = models.TextField(
        default=(
            "I agree that the statistics office keeps the details I give here to answer my request "
            "and to understand who uses official statistics, as described in the privacy notice."
        ),
        help_text=_("The consent people give when they send a request; each request keeps a copy."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("response_time"),
        FieldPanel("consent_text"),
    ]
    subpage_types = []
    max_count = 1
    subpage_urls = "feedback.urls.data_request_urls"

    class Meta:
        verbose_name = _("data request page")


class YouSaidWeDidPage(SubpageViewsMixin, Page):
    """What users asked for and what changed as a result, with headline figures (counted from the
    requests and feedback by feedback.views.you_said_we_did, see ``feedback.urls``)."""

    intro = models.TextField(max_length=1000, blank=True)
    figures_heading = models.CharField(max_length=120, default="How we respond")
    figures_months = models.PositiveSmallIntegerField(
        default=12, help_text=_("The headline figures cover this many months up to today.")
    )
    entries_heading = models.CharField(max_length=120, default="You said, we did")

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("figures_heading"), FieldPanel("figures_months")], heading=_("Figures")),
        FieldPanel("entries_heading"),
        InlinePanel("entries", heading=_("Entries"), label=_("Entry")),
    ]
    subpage_types = []
    max_count = 1

    subpage_urls = "feedback.urls.you_said_we_did_urls"
    # Its entries are published with it; its headline figures are counts already kept for the
    # page cache's lifetime.
    cache_anonymous_responses = True

    class Meta:
        verbose_name = _("“You said, we did” page")


class YouSaidWeDidEntry(Orderable):
    page = ParentalKey(YouSaidWeDidPage, on_delete=models.CASCADE, related_name="entries")
    you_said = models.TextField(
        max_length=600, help_text=_("What users told us, in their words or close to them.")
    )
    we_did = models.TextField(max_length=1000, help_text=_("What we changed as a result."))
    theme = models.ForeignKey(
        FeedbackTheme, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    date = models.DateField(default=timezone.localdate, help_text=_("When the change was made."))
    link_page = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where to see the change, if it is on this site."),
    )

    panels = [
        FieldPanel("you_said"),
        FieldPanel("we_did"),
        FieldPanel("theme"),
        FieldPanel("date"),
        FieldPanel("link_page"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("entry")
        verbose_name_plural = _("entries")
