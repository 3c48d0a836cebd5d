from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from portal.contacts.forms import ConsentMixin
from portal.contacts.models import ConsentWording, TouchpointKind
from portal.contacts.services import ConsentGiven, record_touchpoint
from portal.core.vocabularies import UserGroup


class SignupForm(ConsentMixin, AllauthSignupForm):
    """allauth's sign-up, plus who the person is and their consent, recorded as a contact."""

    # The account first, then what the person tells us about themselves; ConsentMixin adds the
    # consent that covers all of it last, right above the button.
    field_order = ["email", "password1", "password2", "name", "user_group"]

    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    user_group = forms.ChoiceField(
        label=_("Which best describes you?"),
        choices=[("", _("Prefer not to say")), *UserGroup.choices],
        required=False,
        help_text=_("It helps us offer material that fits what you do."),
    )
    consent_required_message = "Please agree to this so that we can create your account."

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_consent(ConsentWording.load().account_signup)
        # Every field has a visible label; placeholders repeating it only add noise.
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)

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
