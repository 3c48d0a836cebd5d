"""The public application form, and the form where an ambassador makes a share link."""

from django import forms
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.contacts.forms import ConsentMixin
from portal.core.mail import one_line
from portal.core.sanitise import plain_user_text as plain_text
from portal.core.submissions import HoneypotMixin

from .models import TEXT_MAX_LENGTH, Role


def _too_long_message(limit):
    # Django fills in show_value afterwards, so it stays a placeholder here.
    return gettext("Keep this to %(limit)s characters or fewer (you wrote %(show_value)s).") % {
        "limit": number_format(limit, force_grouping=True),
        "show_value": "%(show_value)s",
    }


# Lazy: the message is put together when it is shown, in the language of the moment.
too_long_message = lazy(_too_long_message, str)


class ApplicationForm(HoneypotMixin, ConsentMixin, forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Enter your name."), "max_length": too_long_message(150)},
    )
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("Use the address of your account on this site, if you have one: you sign in with it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.com."),
        },
    )
    role = forms.ChoiceField(
        label=_("You are a…"),
        choices=[("", _("Choose one")), *Role.choices],
        error_messages={
            "required": _("Choose what describes you best."),
            "invalid_choice": _("Choose one of the list."),
        },
    )
    organisation = forms.CharField(
        label=_("School, newsroom or organisation"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        error_messages={"max_length": too_long_message(200)},
    )
    channels = forms.CharField(
        label=_("Where do you share, and with whom?"),
        max_length=TEXT_MAX_LENGTH,
        help_text=_(
            "Your channels (a class, a newspaper, social accounts) and roughly how many people they reach."
        ),
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": TEXT_MAX_LENGTH}),
        error_messages={
            "required": _("Tell us where you would share our figures."),
            "max_length": too_long_message(TEXT_MAX_LENGTH),
        },
    )
    motivation = forms.CharField(
        label=_("Why do you want to be an ambassador?"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": TEXT_MAX_LENGTH}),
        error_messages={
            "required": _("Tell us why you want to join."),
            "max_length": too_long_message(TEXT_MAX_LENGTH),
        },
    )
    consent_required_message = _("Please agree to this so that we can consider your application.")

    def __init__(self, *args, consent_wording, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_consent(consent_wording)

    def clean_name(self):
        name = plain_text(one_line(self.cleaned_data["name"], "name"))
        return self._required_text(name, _("Enter your name."))

    def clean_organisation(self):
        return plain_text(one_line(self.cleaned_data["organisation"], "organisation"))

    def clean_channels(self):
        return self._required_text(
            plain_text(self.cleaned_data["channels"]), _("Tell us where you would share our figures.")
        )

    def clean_motivation(self):
        motivation = plain_text(self.cleaned_data["motivation"])
        return self._required_text(motivation, _("Tell us why you want to join."))

    @staticmethod
    def _required_text(value, message):
        if not value:
            raise forms.ValidationError(message)
        return value

    def application_details(self):
        return {
            field: self.cleaned_data[field]
            for field in ("name", "email", "role", "organisation", "channels", "motivation")
        }


class ShareLinkForm(forms.Form):
    address = forms.CharField(
        label=_("Address of the page to share"),
        max_length=500,
        help_text=_("Copy it from your browser: a story, chart, e-module or game on this site."),
        widget=forms.TextInput(attrs={"spellcheck": "false", "inputmode": "url"}),
        error_messages={"required": _("Paste the address of a page."), "max_length": too_long_message(500)},
    )

    def clean_address(self):
        return one_line(self.cleaned_data["address"], "address")
