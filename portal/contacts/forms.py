"""Consent as forms ask for it: labelled with the exact wording that will be recorded."""

import hashlib

from django import forms

WORDING_CHANGED = (
    "The wording of this agreement changed while you were filling in the form. "
    "Please read it again and tick the box if you agree."
)


def wording_fingerprint(wording):
    return hashlib.sha256(wording.encode()).hexdigest()


class ConsentMixin:
    """Adds a consent checkbox, last, labelled with the wording the consent will be recorded with.

    A hidden fingerprint says which wording the page showed: if an editor changed it while the
    form was open, the box comes back unticked with the new words, so every stored consent
    matches what the person actually agreed to.
    """

    consent_required_message = "Please agree to this to go on."

    def add_consent(self, wording):
        self.consent_wording = wording
        self.fields["consent"] = forms.BooleanField(
            label=wording, error_messages={"required": self.consent_required_message}
        )
        self.fields["consent_version"] = forms.CharField(
            widget=forms.HiddenInput, required=False, initial=wording_fingerprint(wording)
        )

    def clean(self):
        cleaned_data = super().clean()
        shown = cleaned_data.get("consent_version")
        current = wording_fingerprint(self.consent_wording)
        if shown and shown != current:
            self.data = self.data.copy()
            self.data[self.add_prefix("consent_version")] = current
            self.data.pop(self.add_prefix("consent"), None)
            self.add_error("consent", WORDING_CHANGED)
        return cleaned_data
