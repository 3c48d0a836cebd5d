"""Setting the record straight: fact-checks of claims about official figures, the listing that
carries them, and the misuse reports that people send in and staff answer.
"""

import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.core.pages import SharingMixin, SubpageViewsMixin

from .blocks import RightFigureBlocks
from .storage import report_storage

CLAIM_MAX_LENGTH = 600
REPORT_TEXT_MAX_LENGTH = 2000


class Verdict(models.TextChoices):
    """The fixed scale every fact-check uses, from best to worst."""

    CORRECT = "correct", _("Correct")
    MISLEADING = "misleading", _("Misleading")
    INCORRECT = "incorrect", _("Incorrect")
    UNSUPPORTED = "unsupported", _("Unsupported by the data")


# schema.org's ClaimReview rating: 1 (false) to 5 (true), with the words of our scale as the name.
VERDICT_RATINGS = {
    Verdict.CORRECT: 5,
    Verdict.MISLEADING: 2,
    Verdict.UNSUPPORTED: 2,
    Verdict.INCORRECT: 1,
}

VERDICT_MEANINGS = {
    Verdict.CORRECT: _("The claim matches the official figures."),
    Verdict.MISLEADING: _("The figure is right, but the way it is used gives a wrong picture."),
    Verdict.INCORRECT: _("The claim contradicts the official figures."),
    Verdict.UNSUPPORTED: _("No official figure supports the claim, or the figures cannot show it."),
}


class FactCheckIndexPage(SubpageViewsMixin, Page):
    """ "Setting the record straight": every fact-check, newest first, filterable by verdict, with
    its Atom and RSS feeds (``trust.urls.fact_check_index_urls``, served by trust.views)."""

    intro = models.TextField(max_length=600, blank=True)
    report_page = models.ForeignKey(
        "trust.MisuseReportPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the listing and every fact-check: where people report a misuse."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("report_page")]
    subpage_types = ["trust.FactCheckPage"]
    max_count = 1
    cache_anonymous_responses = True
    subpage_urls = "trust.urls.fact_check_index_urls"

    class Meta:
        verbose_name = _("fact-check listing")

    def get_cached_paths(self):
        return ["/", "feed/", "feed/atom/"]

    def fact_checks(self, verdict=""):
        checks = (
            FactCheckPage.objects.live().public().descendant_of(self).order_by("-first_published_at", "-pk")
        )
        if verdict in Verdict.values:
            checks = checks.filter(verdict=verdict)
        return checks


class FactCheckPage(SharingMixin, SubpageViewsMixin, Page):
    """One claim about official figures, set straight: what was said, where and when, the verdict
    on a fixed scale, the right figure from the data layer, and why."""

    cache_anonymous_responses = True
    collects_feedback = True

    claim = models.TextField(
        max_length=CLAIM_MAX_LENGTH, help_text=_("The claim as it was made, word for word.")
    )
    claimant = models.CharField(
        _("who made it"),
        max_length=200,
        blank=True,
        help_text=_("A person or organisation; empty if unknown."),
    )
    appeared_in = models.CharField(
        _("where it appeared"),
        max_length=200,
        help_text=_("e.g. “A post on a social network”, “Evening news”."),
    )
    appeared_url = models.URLField(_("link to where it appeared"), blank=True, max_length=500)
    appeared_on = models.DateField(_("when it appeared"))
    verdict = models.CharField(max_length=20, choices=Verdict.choices)
    summary = models.TextField(
        _("the verdict in one or two sentences"),
        max_length=300,
        help_text=_("Shown on the listing and the share card."),
    )
    right_figure = StreamField(
        RightFigureBlocks(),
        blank=True,
        help_text=_(
            "The figure from the data layer that sets the record straight (a key figure or a chart)."
        ),
    )
    explanation = RichTextField(features=["bold", "italic", "link", "ol", "ul", "h2", "h3"])

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("claim"),
                FieldPanel("claimant"),
                FieldRowPanel([FieldPanel("appeared_in"), FieldPanel("appeared_on")]),
                FieldPanel("appeared_url"),
            ],
            heading=_("The claim"),
        ),
        FieldRowPanel([FieldPanel("verdict")]),
        FieldPanel("summary"),
        FieldPanel("right_figure"),
        FieldPanel("explanation"),
        InlinePanel(
            "related_modules", heading=_("Learn more: related e-learning modules"), label=_("Module")
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("claim", boost=2),
        index.SearchField("summary"),
        index.SearchField("explanation"),
        index.FilterField("verdict"),
    ]
    parent_page_types = ["trust.FactCheckIndexPage"]
    subpage_types = []
    subpage_urls = "trust.urls.fact_check_urls"

    class Meta:
        verbose_name = _("fact-check")

    def clean(self):
        super().clean()
        if self.appeared_on and self.appeared_on > timezone.localdate():
            raise ValidationError({"appeared_on": _("A claim cannot have appeared in the future.")})

    @property
    def verdict_meaning(self):
        return VERDICT_MEANINGS.get(self.verdict, "")

    def get_cached_paths(self):
        return ["/", "card/"]

    def card_url(self):
        return self.url + self.reverse_subpage("card")

    def get_share_image_url(self, request):
        if self.social_image is not None:
            return request.build_absolute_uri(self.social_image.get_rendition("fill-1200x630").url)
        return request.build_absolute_uri(self.card_url())

    def get_share_image_alt(self):
        if self.social_image is not None:
            return self.social_image.description or self.social_image.title
        from .cards import card_alt_text

        return card_alt_text(self)

    def get_context(self, request, *args, **kwargs):
        """Read only when the page is drawn, not when it comes from the fragment cache
        (``{% body_cache %}``). A figure under embargo appears once its release is published,
        which purges the cache."""
        context = super().get_context(request, *args, **kwargs)
        from .structured_data import claim_review_json

        context["index_page"] = SimpleLazyObject(lambda: self.get_parent().specific)
        context["claim_review"] = SimpleLazyObject(lambda: claim_review_json(self, request))
        context["modules"] = SimpleLazyObject(
            lambda: [
                item.module
                for item in self.related_modules.select_related("module")
                if item.module and item.module.live
            ]
        )
        return context


class FactCheckModule(Orderable):
    """An e-learning module that teaches what the claim got wrong (chosen in the page tree)."""

    page = ParentalKey(FactCheckPage, on_delete=models.CASCADE, related_name="related_modules")
    module = models.ForeignKey(Page, null=True, on_delete=models.SET_NULL, related_name="+")

    panels = [PageChooserPanel("module", page_type="modules.ModulePage")]


class MisuseReportPage(SubpageViewsMixin, Page):
    """The "Report a misuse of our figures" form and its confirmation
    (``trust.urls.report_urls``, served by trust.views)."""

    intro = models.TextField(max_length=1000, blank=True)
    response_time = models.CharField(
        max_length=200,
        default="We look at every report within two working days.",
        help_text=_("Shown beside the form and in the confirmation email."),
    )
    consent_text = models.TextField(
        default=(
            "I agree that the statistics office keeps my name, email address and this report to "
            "look into it and tell me what it did, as described in the privacy notice."
        ),
        help_text=_("The consent people give when they send a report; each report keeps a copy."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("response_time"),
        FieldPanel("consent_text"),
    ]
    subpage_types = []
    max_count = 1
    subpage_urls = "trust.urls.report_urls"

    class Meta:
        verbose_name = _("misuse report form")


def new_token():
    return secrets.token_urlsafe(32)


def attachment_name(report, filename):
    """A random name: never the reporter's, which could hold anything."""
    extension = {"pdf": ".pdf", "png": ".png", "jpeg": ".jpg"}.get(report.attachment_kind, "")
    return f"{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


class MisuseReport(models.Model):
    """A report that someone misused the office's figures, and what staff did about it."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        TRIAGED = "triaged", _("Triaged")
        ANSWERED = "answered", _("Answered")
        PUBLISHED = "published", _("Published as a fact-check")
        NO_ACTION = "no_action", _("No action")

    OPEN = (Status.NEW, Status.TRIAGED)
    CLOSED = (Status.ANSWERED, Status.PUBLISHED, Status.NO_ACTION)

    reference = models.CharField(max_length=20, unique=True, editable=False, blank=True)
    claim = models.TextField(_("what was claimed"), max_length=REPORT_TEXT_MAX_LENGTH)
    where = models.CharField(_("where it appeared"), max_length=500)
    seen_on = models.DateField(_("when it appeared"), null=True, blank=True)
    details = models.TextField(_("why it is wrong"), max_length=REPORT_TEXT_MAX_LENGTH, blank=True)
    attachment = models.FileField(upload_to=attachment_name, storage=report_storage, blank=True)
    attachment_kind = models.CharField(max_length=10, blank=True, editable=False)
    attachment_original_name = models.CharField(max_length=120, blank=True, editable=False)
    name = models.CharField(max_length=150)
    email = models.EmailField(help_text=_("Normalised: trimmed and lower case."))
    contact = models.ForeignKey(
        "contacts.Contact", null=True, on_delete=models.SET_NULL, related_name="misuse_reports"
    )

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    fact_check = models.ForeignKey(
        FactCheckPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    answered_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text=_("When it was first answered, published or closed.")
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["answered_at"]),
            models.Index(fields=["email", "created_at"]),
        ]

    def __str__(self):
        return self.reference or f"Report {self.pk}"

    @property
    def is_open(self):
        return self.status in self.OPEN


class MisuseReportEvent(models.Model):
    """One line of a report's history: received, or moved to a status with a message."""

    report = models.ForeignKey(MisuseReport, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(max_length=20, choices=MisuseReport.Status.choices)
    message = models.TextField(max_length=5000, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.report}: {self.get_status_display()}"
