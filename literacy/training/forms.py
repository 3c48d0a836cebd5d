"""The public registration form for a training session."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.contacts.forms import ConsentMixin
from portal.core.mail import one_line
from portal.core.vocabularies import UserGroup


class RegistrationForm(ConsentMixin, forms.Form):
    """Who is coming, what they need, and their consent in the exact words the page showed."""

    name = forms.CharField(
        label=_("Your name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("We send your confirmation, the calendar invitation and any changes here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    organisation = forms.CharField(
        label=_("Organisation or outlet"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    role = forms.CharField(
        label=_("Your role"),
        max_length=120,
        required=False,
        help_text=_("For example: economics reporter, data editor."),
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    user_group = forms.ChoiceField(
        label=_("Which best describes you?"),
        choices=[("", _("Prefer not to say")), *UserGroup.choices],
        required=False,
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        max_length=1000,
        required=False,
        help_text=_("For example: step-free access, captions, a sign language interpreter, large print."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    questions = forms.CharField(
        label=_("Questions for the trainer"),
        max_length=2000,
        required=False,
        help_text=_("What would you like the session to cover?"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    consent_required_message = _("Please agree to this so that we can register you.")

    def __init__(self, *args, consent_wording, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_consent(consent_wording)

    def clean_name(self):
        return one_line(self.cleaned_data["name"], "name")

    def clean_organisation(self):
        return one_line(self.cleaned_data["organisation"], "organisation")

    def clean_role(self):
        return one_line(self.cleaned_data["role"], "role")

    def registration_details(self):
        """The keyword arguments for literacy.training.services.register()."""
        fields = ("name", "email", "organisation", "role", "user_group", "accessibility_needs", "questions")
        return {field: self.cleaned_data[field] for field in fields}
