"""The sign-up form (full on the newsletter page, short in the footer) and the preference centre."""

from django import forms
from django.forms.boundfield import BoundField
from django.utils.translation import gettext, ngettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from portal.contacts.forms import ConsentMixin
from portal.core.languages import language_choice_field
from portal.core.mail import one_line
from portal.core.vocabularies import UserGroup

from .models import Frequency, NewsletterList

USER_GROUP_CHOICES = [("", _("Prefer not to say")), *UserGroup.choices]
LIST_ERRORS = {
    "required": _("Choose at least one newsletter."),
    "invalid_choice": _("One of the newsletters you chose is not offered any more. Please choose again."),
    "invalid_pk_value": _("One of the newsletters you chose is not offered any more. Please choose again."),
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
        label=_("Which newsletters would you like?"),
        queryset=NewsletterList.objects.filter(active=True),
        widget=forms.CheckboxSelectMultiple,
        required=required,
        error_messages=LIST_ERRORS,
    )


def frequency_field(required=True):
    return forms.ChoiceField(
        label=_("How often?"),
        choices=Frequency.choices,
        initial=Frequency.EVERY_ISSUE,
        widget=forms.RadioSelect,
        required=required,
    )


def user_group_field():
    return forms.ChoiceField(
        label=_("Which best describes you?"),
        choices=USER_GROUP_CHOICES,
        required=False,
        help_text=_("So that we can write for the people who read us."),
    )


class SignupForm(ConsentMixin, forms.Form):
    """Email, lists, who they are, and consent in the exact words shown.

    `short=True` is the footer's version: the lists offered there go as hidden fields and the
    optional questions are left for the newsletter page.
    """

    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={"required": _("Enter your email address.")},
    )
    consent_required_message = _("Please agree to this so that we can send you the newsletter.")

    def __init__(self, *args, consent_wording, short=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lists"] = list_field()
        if short:  # the caller sets the footer's lists as the initial value
            self.fields["lists"].widget = forms.MultipleHiddenInput()
        else:
            self.fields["frequency"] = frequency_field(required=False)  # the footer's sign-ups: every issue
            self.fields["user_group"] = user_group_field()
            self.fields["organisation"] = forms.CharField(
                label=_("Organisation"),
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
        label=_("Topics to follow"),
        choices=[(topic, topic) for topic in topics],
        widget=forms.CheckboxSelectMultiple,
        required=required,
        help_text=_("We email you when new or revised figures on a topic you chose are released."),
        error_messages={
            "required": _("Choose at least one topic."),
            "invalid_choice": _("One of the topics you chose is not offered any more. Please choose again."),
        },
    )


def area_field(areas, max_areas, required=False):
    """Areas to follow: ``areas`` is (code, name) pairs; an unknown code is refused by name."""
    return TopicChoiceField(
        label=_("Areas to follow"),
        choices=list(areas),
        widget=forms.CheckboxSelectMultiple,
        required=required,
        help_text=ngettext_lazy(
            "We email you when new figures for an area you chose are released, with that area's "
            "figures. Choose up to %(count)d.",
            "We email you when new figures for an area you chose are released, with that area's "
            "figures. Choose up to %(count)d.",
            "count",
        )
        % {"count": max_areas},
        error_messages={
            "invalid_choice": _(
                "One of the areas you chose is not one we publish figures for. Choose again."
            ),
        },
    )


class AlertSignupForm(ConsentMixin, forms.Form):
    """Release alerts: an email address, data topics and/or areas (at least one of them, at most
    ``max_areas`` areas), and consent in the words shown."""

    email = SignupForm.base_fields["email"]
    consent_required_message = _("Please agree to this so that we can send you release alerts.")

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
            raise forms.ValidationError(
                ngettext("Choose at most %(count)d area.", "Choose at most %(count)d areas.", self.max_areas)
                % {"count": self.max_areas}
            )
        return areas

    def clean(self):
        data = super().clean()
        if (
            "areas" in self.fields
            and "areas" not in self.errors
            and not data.get("topics")
            and not data.get("areas")
        ):
            self.add_error("topics", gettext("Choose at least one topic or area."))
        return data


class PreferencesForm(forms.Form):
    """The preference centre: lists, release-alert topics, pace and user group. No lists and no
    topics at all means unsubscribe."""

    frequency = frequency_field()
    user_group = user_group_field()
    preferred_language = language_choice_field()

    def __init__(self, *args, topics=(), areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lists"] = list_field(required=False)
        self.fields["lists"].help_text = _("Untick them all, and every topic and area, to stop every email.")
        if topics:
            self.fields["topics"] = topic_field(topics, required=False)
            self.fields["topics"].label = _("Release alerts: topics to follow")
        if areas:  # only those followed: a new area goes through the sign-up's double opt-in
            self.fields["areas"] = area_field(areas, len(areas))
            self.fields["areas"].label = _("Release alerts: areas you follow")
            self.fields["areas"].help_text = _("Untick an area to stop its emails.")
        self.order_fields(["lists", "topics", "areas", "frequency", "user_group", "preferred_language"])
