"""The public forms: "Was this page useful?" and the data request."""

from django import forms
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.contacts.forms import ConsentMixin
from portal.core.mail import one_line
from portal.core.submissions import HoneypotMixin
from portal.core.vocabularies import UserGroup

from .models import COMMENT_MAX_LENGTH, REQUEST_MAX_LENGTH, DataRequest, FeedbackType


def _too_long_message(limit):
    # Django fills in show_value afterwards, so it stays a placeholder here.
    return gettext("Keep this to %(limit)s characters or fewer (you wrote %(show_value)s).") % {
        "limit": number_format(limit, force_grouping=True),
        "show_value": "%(show_value)s",
    }


# Lazy: the message is put together when it is shown, in the language of the moment.
too_long_message = lazy(_too_long_message, str)


class PageFeedbackForm(HoneypotMixin, forms.Form):
    useful = forms.TypedChoiceField(
        label=_("Was this page useful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes or no.")},
    )
    feedback_type = forms.ChoiceField(
        label=_("What is it about?"),
        choices=[("", _("Choose a type")), *FeedbackType.choices],
        required=False,
    )
    comment = forms.CharField(
        label=_("Your comment"),
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": COMMENT_MAX_LENGTH}),
        max_length=COMMENT_MAX_LENGTH,
        error_messages={"max_length": too_long_message(COMMENT_MAX_LENGTH)},
    )

    def __init__(self, *args, question=None, comment_hint="", **kwargs):
        super().__init__(*args, **kwargs)
        if question:
            self.fields["useful"].label = question
        self.fields["comment"].help_text = comment_hint

    def clean_comment(self):
        # Control characters other than line breaks and tabs have no place in a comment.
        comment = self.cleaned_data["comment"]
        return "".join(ch for ch in comment if ch in "\n\t" or ch.isprintable())


class DataRequestForm(HoneypotMixin, ConsentMixin, forms.Form):
    what = forms.CharField(
        label=_("What data do you need?"),
        max_length=REQUEST_MAX_LENGTH,
        help_text=_("For example: unemployment by district for 2020 to 2024, by sex."),
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": REQUEST_MAX_LENGTH}),
        error_messages={
            "required": _("Tell us what data you need."),
            "max_length": too_long_message(REQUEST_MAX_LENGTH),
        },
    )
    purpose = forms.ChoiceField(
        label=_("What is it for?"),
        choices=DataRequest.Purpose.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what the data is for.")},
    )
    purpose_detail = forms.CharField(
        label=_("How will you use it?"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        error_messages={"max_length": too_long_message(1000)},
    )
    deadline = forms.DateField(
        label=_("When do you need it by?"),
        required=False,
        help_text=_("We will tell you straight away if we cannot meet it."),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a date, for example 2027-03-31.")},
    )
    name = forms.CharField(
        label=_("Your name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("We send your reference number and our answer here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    user_group = forms.ChoiceField(
        label=_("Which best describes you?"),
        choices=[("", _("Prefer not to say")), *UserGroup.choices],
        required=False,
    )
    consent_required_message = _("Please agree to this so that we can answer your request.")

    def __init__(self, *args, consent_wording, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_consent(consent_wording)

    def clean_what(self):
        what = self.cleaned_data["what"]
        if len(what.split()) < 3:
            raise forms.ValidationError(
                _("Describe the data in a few words: what, where and for which years.")
            )
        return what

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline and deadline < timezone.localdate():
            raise forms.ValidationError(_("The deadline must be today or later."))
        return deadline

    def clean_name(self):
        return one_line(self.cleaned_data["name"], "name")

    def clean_organisation(self):
        return one_line(self.cleaned_data["organisation"], "organisation")

    def request_details(self):
        """The keyword arguments for feedback.data_requests.submit()."""
        fields = (
            "what",
            "purpose",
            "purpose_detail",
            "deadline",
            "name",
            "email",
            "organisation",
            "user_group",
        )
        return {field: self.cleaned_data[field] for field in fields}
