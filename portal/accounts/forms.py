import hashlib

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.db import transaction

from portal.contacts.models import ConsentWording, TouchpointKind, UserGroup
from portal.contacts.services import ConsentGiven, record_touchpoint

WORDING_CHANGED = (
    "The wording of this agreement changed while you were filling in the form. "
    "Please read it again and tick the box if you agree."
)


def wording_fingerprint(wording):
    return hashlib.sha256(wording.encode()).hexdigest()


def require_current_wording(form, wording):
    """Refuse a consent ticked under wording that has changed since the page showed it.

    For forms with a `consent` checkbox and a hidden `consent_version` holding the
    wording_fingerprint() of what the page showed; call it from clean().
    """
    shown = form.cleaned_data.get("consent_version")
    current = wording_fingerprint(wording)
    if shown and shown != current:
        # Show the new wording unticked, with its own fingerprint this time.
        form.data = form.data.copy()
        form.data[form.add_prefix("consent_version")] = current
        form.data.pop(form.add_prefix("consent"), None)
        form.add_error("consent", WORDING_CHANGED)


class SignupForm(AllauthSignupForm):
    """allauth's sign-up, plus who the person is and their consent, recorded as a contact."""

    # The account first, then what the person tells us about themselves, then the consent
    # that covers all of it, right above the button.
    field_order = ["email", "password1", "password2", "name", "user_group", "consent"]

    name = forms.CharField(
        label="Your name",
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    user_group = forms.ChoiceField(
        label="Which best describes you?",
        choices=[("", "Prefer not to say"), *UserGroup.choices],
        required=False,
        help_text="It helps us offer material that fits what you do.",
    )
    consent = forms.BooleanField(
        required=True,
        error_messages={"required": "Please agree to this so that we can create your account."},
    )
    # Which consent wording the page showed: a consent is recorded with the exact words the
    # person agreed to, so a wording edited in the meantime must be read and agreed again.
    consent_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_wording = ConsentWording.load().account_signup
        self.fields["consent"].label = self.consent_wording
        self.fields["consent_version"].initial = wording_fingerprint(self.consent_wording)
        # Every field has a visible label; placeholders repeating it only add noise.
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)

    def clean(self):
        cleaned_data = super().clean()
        require_current_wording(self, self.consent_wording)
        return cleaned_data

    def save(self, request):
        with transaction.atomic():
            user = super().save(request)
            name = self.cleaned_data["name"].strip()
            if name:
                user.first_name = name[:150]
                user.save(update_fields=["first_name"])
            record_touchpoint(
                user.email,
                kind=TouchpointKind.ACCOUNT_SIGNUP,
                source=request.get_full_path(),
                consent=ConsentGiven(purpose="account", wording=self.consent_wording),
                user=user,
                name=name,
                user_group=self.cleaned_data["user_group"],
            )
        return user
