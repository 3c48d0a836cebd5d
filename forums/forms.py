"""The forms members fill in: rules, topics, replies, edits and reports."""

import secrets

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from portal.core.formats import format_number_lazy
from portal.core.vocabularies import UserGroup

from .models import Report
from .services import MAX_POST_LENGTH, visible_text

BODY_HELP = _(
    "Write in Markdown: **bold**, *italic*, > for a quote, - for a list, [text](https://link). "
    "Links are marked as user content."
)


class RulesForm(forms.Form):
    user_group = forms.ChoiceField(
        label=_("Which best describes you?"),
        choices=[("", _("Prefer not to say")), *UserGroup.choices],
        required=False,
        help_text=_("It helps us understand who uses the forums."),
    )
    accept = forms.BooleanField(
        label=_("I have read these rules and agree to follow them"),
        error_messages={"required": _("Tick the box to agree to the rules before you post.")},
    )


class PostForm(forms.Form):
    """The text of a post, with a one-time token against double submits and a honeypot field."""

    body = forms.CharField(
        label=_("Your message"),
        max_length=MAX_POST_LENGTH,
        help_text=BODY_HELP,
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={
            "required": _("Write your message before you post it."),
            "max_length": format_lazy(
                _("Your message is too long: keep it under {count} characters."),
                count=format_number_lazy(MAX_POST_LENGTH),
            ),
        },
    )
    subscribe = forms.BooleanField(label=_("Email me when someone replies"), required=False)
    form_token = forms.CharField(widget=forms.HiddenInput, max_length=40, required=False)
    # Hidden from people (see forums.css); robots that fill in every field fill this in too.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, with_subscribe=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("form_token", secrets.token_urlsafe(24))
        if not with_subscribe:
            del self.fields["subscribe"]

    def clean_body(self):
        body = self.cleaned_data["body"]
        if not visible_text(body):
            raise forms.ValidationError(_("Write your message before you post it."))
        return body.strip()

    def clean_form_token(self):
        token = self.cleaned_data["form_token"]
        if token and not token.replace("-", "").replace("_", "").isalnum():
            raise forms.ValidationError(_("This form is out of date: reload the page and try again."))
        return token


class TopicForm(PostForm):
    title = forms.CharField(
        label=_("Title"),
        max_length=150,
        help_text=_("A question or a short summary, e.g. “Why did the unemployment rate change method?”"),
        error_messages={"required": _("Give your topic a title.")},
    )
    field_order = ["title", "body", "subscribe"]

    def clean_title(self):
        title = " ".join(visible_text(self.cleaned_data["title"]).split())
        if not title:
            raise forms.ValidationError(_("Give your topic a title."))
        return title


class EditForm(PostForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, with_subscribe=False, **kwargs)
        del self.fields["website"]


class ReportForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["reason", "note"]
        labels = {
            "reason": _("What is wrong with this post?"),
            "note": _("Anything the moderators should know"),
        }
        widgets = {"reason": forms.RadioSelect, "note": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"reason": {"required": _("Choose a reason for your report.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = Report.Reason.choices  # radios need no blank "------" choice
