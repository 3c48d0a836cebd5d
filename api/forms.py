from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .keys import keys_per_user
from .models import ApiKey


class NewKeyForm(forms.Form):
    """A name for a new API key; the key itself is made by ``keys.create_key``."""

    name = forms.CharField(
        label=_("Name of the key"),
        max_length=80,
        help_text=_("What you will use it for, e.g. “Council dashboard”. Only you and our staff see it."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name.isprintable():
            raise forms.ValidationError(_("Use letters, digits, spaces and punctuation only."))
        return name

    def clean(self):
        limit = keys_per_user()
        if ApiKey.objects.active().filter(user=self.user).count() >= limit:
            raise forms.ValidationError(
                ngettext(
                    "You already have %(limit)d API keys, the most an account can have: revoke one you "
                    "no longer use, then create the new one.",
                    "You already have %(limit)d API keys, the most an account can have: revoke one you "
                    "no longer use, then create the new one.",
                    limit,
                )
                % {"limit": limit}
            )
        return super().clean()
