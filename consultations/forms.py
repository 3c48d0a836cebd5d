"""The public questionnaire: the editor's questions (Wagtail's form builder) followed by the
respondent's optional email address and optional agreement, and a honeypot for robots."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from portal.contacts.forms import ConsentMixin
from portal.core.sanitise import plain_user_text
from portal.core.submissions import HoneypotMixin

from .models import QUESTION_PREFIX

TEXT_ANSWER_MAX_LENGTH = 5000


class ConsultationFormBuilder(FormBuilder):
    """Questions as Wagtail builds them, with a length limit on long answers, on a form that
    adds the respondent's fields."""

    def create_multiline_field(self, field, options):
        options["max_length"] = TEXT_ANSWER_MAX_LENGTH
        options["widget"] = forms.Textarea(attrs={"rows": 5, "maxlength": TEXT_ANSWER_MAX_LENGTH})
        return forms.CharField(**options)

    def get_field_options(self, field):
        options = super().get_field_options(field)
        options["error_messages"] = {
            "required": _("Answer this question."),
            "invalid": _("Check this answer."),
        }
        return options

    def get_form_class(self):
        return type("ConsultationForm", (ResponseForm,), self.formfields)


class ResponseForm(HoneypotMixin, ConsentMixin, BaseForm):
    consent_required_message = ""  # the agreement is optional

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"] = forms.EmailField(
            label=_("Your email address"),
            required=False,
            max_length=254,
            help_text=_(
                "If you give it, we email you a confirmation. We keep it only if you tick the box below."
            ),
            widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
            error_messages={"invalid": _("Enter an email address like name@example.com.")},
        )
        self.add_consent(self.page.consent_text)
        self.fields["consent"].required = False

    def clean(self):
        cleaned_data = super().clean()
        for name, value in cleaned_data.items():
            if not name.startswith(QUESTION_PREFIX):
                continue
            if isinstance(value, str):
                cleaned_data[name] = plain_user_text(value)
            elif isinstance(value, list):
                cleaned_data[name] = [plain_user_text(item) for item in value]
        if cleaned_data.get("consent") and not cleaned_data.get("email") and "email" not in self.errors:
            self.add_error("email", _("Enter your email address, so that we can keep your answers with it."))
        return cleaned_data

    def answers(self):
        """The answers to the questions, and nothing about the person."""
        return {name: value for name, value in self.cleaned_data.items() if name.startswith(QUESTION_PREFIX)}

    @property
    def consented(self):
        return bool(self.cleaned_data.get("consent"))
