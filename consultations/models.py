"""Consultations: a questionnaire that editors build with Wagtail's form builder, open between
two dates, whose responses staff read as counts and free text, and whose outcome is published
on the same page as "We asked, you said, we did"; and the listing that carries them.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractFormField, AbstractFormSubmission, FormMixin
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.core.pages import SubpageViewsMixin

# The prefix of every question's key: the respondent's own fields (email, consent, the
# honeypot) can never share a name with a question an editor writes.
QUESTION_PREFIX = "q_"
CHOICE_FIELD_TYPES = ("dropdown", "radio", "checkboxes", "multiselect", "checkbox")
TEXT_FIELD_TYPES = ("singleline", "multiline", "email", "url", "number", "date", "datetime")
OUTCOME_PARTS = ("we_asked", "you_said", "we_did")


TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


def outcome_part(name, help_text):
    return RichTextField(name, features=TEXT_FEATURES, blank=True, help_text=help_text)


class State(models.TextChoices):
    UPCOMING = "upcoming", _("Opens soon")
    OPEN = "open", pgettext_lazy("consultation state", "Open")
    CLOSED = "closed", pgettext_lazy("consultation state", "Closed")
    OUTCOME = "outcome", _("Closed: outcome published")


class ConsultationIndexPage(SubpageViewsMixin, Page):
    """The listing: open consultations, those opening soon, and closed ones with their outcome
    (served by consultations.views.consultation_index, see ``consultations.urls``)."""

    intro = models.TextField(max_length=1000, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["consultations.ConsultationPage"]
    max_count = 1
    subpage_urls = "consultations.urls.index_urls"
    # A listing with no form; a consultation opening or closing by date shows within the page
    # cache's lifetime (PAGE_CACHE["SECONDS"]).
    cache_anonymous_responses = True

    class Meta:
        verbose_name = _("consultation listing")

    def consultations(self):
        return ConsultationPage.objects.live().child_of(self).specific().order_by("-closes_at")


class ConsultationFormField(AbstractFormField):
    page = ParentalKey("ConsultationPage", on_delete=models.CASCADE, related_name="form_fields")

    def get_field_clean_name(self):
        return QUESTION_PREFIX + get_field_clean_name(self.label)

    @property
    def is_choice(self):
        return self.field_type in CHOICE_FIELD_TYPES

    @property
    def is_text(self):
        return self.field_type in TEXT_FIELD_TYPES


class ConsultationPage(SubpageViewsMixin, FormMixin, Page):
    """One consultation. Its questionnaire is open from ``opens_at`` to ``closes_at``; before,
    the page says when it opens, after, when it closed and, once editors publish it, the
    outcome in three parts. The form and its confirmation are served by consultations.views."""

    opens_at = models.DateTimeField(_("opens"), help_text=_("Responses are accepted from this moment."))
    closes_at = models.DateTimeField(_("closes"), help_text=_("…until this moment."))
    summary = models.TextField(
        max_length=300, help_text=_("One or two sentences: what we are asking, for the listing.")
    )
    intro = RichTextField(features=TEXT_FEATURES, blank=True)
    consent_text = models.TextField(
        default=(
            "I agree that the statistics office keeps my email address with my answers, to "
            "contact me about this consultation and its outcome, as described in the privacy notice."
        ),
        help_text=_("The optional agreement under the questions; each response that ticks it keeps a copy."),
    )
    thank_you_text = models.TextField(
        max_length=1000,
        default="Thank you: we received your answers. We publish what we learned and what we changed here.",
    )
    we_asked = outcome_part(_("we asked"), _("What the consultation asked, and of whom."))
    you_said = outcome_part(_("you said"), _("What people told us: the main findings, with numbers."))
    we_did = outcome_part(_("we did"), _("What we changed or decided as a result."))

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")], heading=_("Open for responses")),
        FieldPanel("summary"),
        FieldPanel("intro"),
        InlinePanel("form_fields", heading=_("Questions"), label=_("Question")),
        FieldPanel("consent_text"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldPanel(part) for part in OUTCOME_PARTS],
            heading=_("Outcome: we asked, you said, we did"),
            help_text=_("Shown once the consultation has closed. Fill in all three parts, or none."),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("intro")]
    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types = []
    subpage_urls = "consultations.urls.consultation_urls"
    preview_modes = Page.DEFAULT_PREVIEW_MODES

    class Meta:
        verbose_name = _("consultation")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The consultation must close after it opens.")})
        filled = [part for part in OUTCOME_PARTS if (getattr(self, part) or "").strip()]
        if filled and len(filled) < len(OUTCOME_PARTS):
            raise ValidationError(
                {
                    part: _("Fill in this part too, or leave all three parts of the outcome empty.")
                    for part in OUTCOME_PARTS
                    if part not in filled
                }
            )

    @property
    def has_outcome(self):
        return all((getattr(self, part) or "").strip() for part in OUTCOME_PARTS)

    def state(self, now=None):
        now = now or timezone.now()
        if now < self.opens_at:
            return State.UPCOMING
        if now < self.closes_at:
            return State.OPEN
        return State.OUTCOME if self.has_outcome else State.CLOSED

    def is_open(self, now=None):
        return self.state(now) == State.OPEN

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["state"] = self.state()
        return context

    def get_submission_class(self):
        return ConsultationResponse

    def get_form_class(self):
        from .forms import ConsultationFormBuilder

        return ConsultationFormBuilder(self.get_form_fields()).get_form_class()

    def get_form_parameters(self):
        return {"page": self}


class ConsultationResponse(AbstractFormSubmission):
    """One person's answers (``form_data``: questions' keys to answers, nothing else). The
    contact is set only when the person agreed to be kept with their answers; otherwise nothing
    says who answered."""

    contact = models.ForeignKey(
        "contacts.Contact", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("consultation response")
        ordering = ["-submit_time"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "contact"],
                condition=Q(contact__isnull=False),
                name="one_response_per_contact",
            )
        ]

    def __str__(self):
        return f"Response {self.pk} to {self.page.title}"
