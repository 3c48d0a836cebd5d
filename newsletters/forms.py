"""The sign-up form (full on the newsletter page, short in the footer) and the preference centre."""

from django import forms
from django.forms.boundfield import BoundField

from portal.contacts.forms import ConsentMixin
from portal.core.mail import one_line
from portal.core.vocabularies import UserGroup

from .models import Frequency, NewsletterList

USER_GROUP_CHOICES = [("", "Prefer not to say"), *UserGroup.choices]
LIST_ERRORS = {
    "required": "Choose at least one newsletter.",
    "invalid_choice": "One of the newsletters you chose is not offered any more. Please choose again.",
    "invalid_pk_value": "One of the newsletters you chose is not offered any more. Please choose again.",
}


class ChoicesBoundField(BoundField):
    """Drawn by the shared form template as a fieldset with a legend and one label per choice."""

    widget_type = "radioselect"


class ListChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}: {obj.description}"

    def get_bound_field(self, form, field_name):
        if isinstance(self.widget, forms.CheckboxSelectMultiple):
            return ChoicesBoundField(form, self, field_name)
        return super().get_bound_field(form, field_name)


def list_field(required=True):
    return ListChoiceField(
        label="Which newsletters would you like?",
        queryset=NewsletterList.objects.filter(active=True),
        widget=forms.CheckboxSelectMultiple,
        required=required,
        error_messages=LIST_ERRORS,
    )


def frequency_field(required=True):
    return forms.ChoiceField(
        label="How often?",
        choices=Frequency.choices,
        initial=Frequency.EVERY_ISSUE,
        widget=forms.RadioSelect,
        required=required,
    )


def user_group_field():
    return forms.ChoiceField(
        label="Which best describes you?",
        choices=USER_GROUP_CHOICES,
        required=False,
        help_text="So that we can write for the people who read us.",
    )


class SignupForm(ConsentMixin, forms.Form):
    """Email, lists, who they are, and consent in the exact words shown.

    `short=True` is the footer's version: the lists offered there go as hidden fields and the
    optional questions are left for the newsletter page.
    """

    email = forms.EmailField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={"required": "Enter your email address."},
    )
    consent_required_message = "Please agree to this so that we can send you the newsletter."

    def __init__(self, *args, consent_wording, short=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lists"] = list_field()
        if short:  # the caller sets the footer's lists as the initial value
            self.fields["lists"].widget = forms.MultipleHiddenInput()
        else:
            self.fields["frequency"] = frequency_field(required=False)  # the footer's sign-ups: every issue
            self.fields["user_group"] = user_group_field()
            self.fields["organisation"] = forms.CharField(
                label="Organisation",
                max_length=200,
                required=False,
                widget=forms.TextInput(attrs={"autocomplete": "organization"}),
            )
        self.add_consent(consent_wording)

    def clean_organisation(self):
        return one_line(self.cleaned_data["organisation"], "organisation")

    def signup_details(self):
        """Keyword arguments for newsletters.subscriptions.request_signup()."""
        data = self.cleaned_data
        return {
            "lists": list(data["lists"]),
            "user_group": data.get("user_group", ""),
            "organisation": data.get("organisation", ""),
            "frequency": data.get("frequency", ""),
            "consent_wording": self.consent_wording,
        }


class TopicChoiceField(forms.MultipleChoiceField):
    def get_bound_field(self, form, field_name):
        return ChoicesBoundField(form, self, field_name)


def topic_field(topics, required=True):
    return TopicChoiceField(
        label="Topics to follow",
        choices=[(topic, topic) for topic in topics],
        widget=forms.CheckboxSelectMultiple,
        required=required,
        help_text="We email you when new or revised figures on a topic you chose are released.",
        error_messages={
            "required": "Choose at least one topic.",
            "invalid_choice": "One of the topics you chose is not offered any more. Please choose again.",
        },
    )


def area_field(areas, max_areas, required=False):
    """Areas to follow: ``areas`` is (code, name) pairs; an unknown code is refused by name."""
    return TopicChoiceField(
        label="Areas to follow",
        choices=list(areas),
        widget=forms.CheckboxSelectMultiple,
        required=required,
        help_text=(
            f"We email you when new figures for an area you chose are released, with that area's "
            f"figures. Choose up to {max_areas}."
        ),
        error_messages={
            "invalid_choice": "One of the areas you chose is not one we publish figures for. Choose again.",
        },
    )


class AlertSignupForm(ConsentMixin, forms.Form):
    """Release alerts: an email address, data topics and/or areas (at least one of them, at most
    ``max_areas`` areas), and consent in the words shown."""

    email = SignupForm.base_fields["email"]
    consent_required_message = "Please agree to this so that we can send you release alerts."

    def __init__(self, *args, topics, consent_wording, areas=(), max_areas=5, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_areas = max_areas
        self.fields["topics"] = topic_field(topics, required=not areas)
        if areas:
            self.fields["areas"] = area_field(areas, max_areas)
        self.order_fields(["topics", "areas", "email"])
        self.add_consent(consent_wording)

    def clean_areas(self):
        areas = list(dict.fromkeys(self.cleaned_data["areas"]))  # ticked twice is once
        if len(areas) > self.max_areas:
            raise forms.ValidationError(f"Choose at most {self.max_areas} areas.")
        return areas

    def clean(self):
        data = super().clean()
        if (
            "areas" in self.fields
            and "areas" not in self.errors
            and not data.get("topics")
            and not data.get("areas")
        ):
            self.add_error("topics", "Choose at least one topic or area.")
        return data


class PreferencesForm(forms.Form):
    """The preference centre: lists, release-alert topics, pace and user group. No lists and no
    topics at all means unsubscribe."""

    frequency = frequency_field()
    user_group = user_group_field()

    def __init__(self, *args, topics=(), areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lists"] = list_field(required=False)
        self.fields["lists"].help_text = "Untick them all, and every topic and area, to stop every email."
        if topics:
            self.fields["topics"] = topic_field(topics, required=False)
            self.fields["topics"].label = "Release alerts: topics to follow"
        if areas:  # only those followed: a new area goes through the sign-up's double opt-in
            self.fields["areas"] = area_field(areas, len(areas))
            self.fields["areas"].label = "Release alerts: areas you follow"
            self.fields["areas"].help_text = "Untick an area to stop its emails."
        self.order_fields(["lists", "topics", "areas", "frequency", "user_group"])
