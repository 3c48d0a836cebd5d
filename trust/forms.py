"""The public "Report a misuse of our figures" form."""

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from portal.contacts.forms import ConsentMixin
from portal.core.formats import format_number_lazy
from portal.core.mail import one_line
from portal.core.submissions import HoneypotMixin
from portal.core.uploads import check_upload

from .models import CLAIM_MAX_LENGTH, REPORT_TEXT_MAX_LENGTH

MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
# filesizeformat translates its units: worked out when the help text is shown.
lazy_size = lazy(filesizeformat, str)


def too_long_message(limit):
    return format_lazy(
        _("Keep this to {limit} characters or fewer (you wrote %(show_value)s)."),
        limit=format_number_lazy(limit),
    )


def plain_text(text):
    """Control characters other than line breaks and tabs have no place in a report."""
    return "".join(ch for ch in text if ch in "\n\t" or ch.isprintable())


class MisuseReportForm(HoneypotMixin, ConsentMixin, forms.Form):
    claim = forms.CharField(
        label=_("What was claimed?"),
        max_length=CLAIM_MAX_LENGTH,
        help_text=_("Copy the words as they were said or written, if you can."),
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": CLAIM_MAX_LENGTH}),
        error_messages={
            "required": _("Tell us what was claimed."),
            "max_length": too_long_message(CLAIM_MAX_LENGTH),
        },
    )
    where = forms.CharField(
        label=_("Where did it appear?"),
        max_length=500,
        help_text=_("A link, or the name of the newspaper, programme or account."),
        widget=forms.TextInput(attrs={"maxlength": 500, "spellcheck": "false"}),
        error_messages={
            "required": _("Tell us where the claim appeared."),
            "max_length": too_long_message(500),
        },
    )
    seen_on = forms.DateField(
        label=_("When did it appear?"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a date, for example 2026-11-30.")},
    )
    details = forms.CharField(
        label=_("Why do you think it misuses our figures?"),
        max_length=REPORT_TEXT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": REPORT_TEXT_MAX_LENGTH}),
        error_messages={"max_length": too_long_message(REPORT_TEXT_MAX_LENGTH)},
    )
    attachment = forms.FileField(
        label=_("A screenshot or copy"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"}),
        help_text=format_lazy(_("A PNG, JPEG or PDF of up to {size}."), size=lazy_size(MAX_ATTACHMENT_BYTES)),
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Enter your name."), "max_length": too_long_message(150)},
    )
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("We email you what we did about your report."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.com."),
        },
    )
    consent_required_message = _("Please agree to this so that we can look into your report.")

    def __init__(self, *args, consent_wording, **kwargs):
        super().__init__(*args, **kwargs)
        self.checked_file = None
        self.add_consent(consent_wording)

    def clean_claim(self):
        return plain_text(self.cleaned_data["claim"])

    def clean_details(self):
        return plain_text(self.cleaned_data["details"])

    def clean_where(self):
        return plain_text(one_line(self.cleaned_data["where"], _("answer to “where”")))

    def clean_name(self):
        return plain_text(one_line(self.cleaned_data["name"], _("name")))

    def clean_seen_on(self):
        seen_on = self.cleaned_data["seen_on"]
        if seen_on and seen_on > timezone.localdate():
            raise ValidationError(_("The date cannot be in the future."))
        return seen_on

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        self.checked_file = check_upload(upload, max_bytes=MAX_ATTACHMENT_BYTES)
        return upload

    def report_details(self):
        """The report's fields, for trust.reports.submit()."""
        data = self.cleaned_data
        details = {field: data[field] for field in ("claim", "where", "seen_on", "details", "name", "email")}
        if self.checked_file is not None:
            details.update(
                attachment=data["attachment"],
                attachment_kind=self.checked_file.kind,
                attachment_name=self.checked_file.name,
            )
        return details
