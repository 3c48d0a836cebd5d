"""The survey form: three scores from 1 to 5, the user group, a comment and where it was asked."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from portal.core.formats import format_number_lazy
from portal.core.sanitise import plain_user_text
from portal.core.submissions import HoneypotMixin
from portal.core.vocabularies import UserGroup

from .models import COMMENT_MAX_LENGTH, PATH_MAX_LENGTH

QUESTIONS = {
    "overall": (
        _("Overall, how satisfied are you with this website?"),
        (
            _("Very dissatisfied"),
            _("Dissatisfied"),
            _("Neither satisfied nor dissatisfied"),
            _("Satisfied"),
            _("Very satisfied"),
        ),
    ),
    "ease": (
        _("How easy was it to find what you were looking for?"),
        (_("Very difficult"), _("Difficult"), _("Neither easy nor difficult"), _("Easy"), _("Very easy")),
    ),
    "trust": (
        _("How much do you trust the figures on this website?"),
        (_("Not at all"), _("A little"), _("Somewhat"), _("Mostly"), _("Completely")),
    ),
}


def score_field(name):
    label, words = QUESTIONS[name]
    return forms.TypedChoiceField(
        label=label,
        choices=[
            (str(score), format_lazy("{}: {}", score, word)) for score, word in enumerate(words, start=1)
        ],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose an answer from 1 to 5."),
            "invalid_choice": _("Choose an answer from 1 to 5."),
        },
    )


def safe_path(value):
    """A path on this site (``/stories/…``), or nothing: never another site's address, a
    protocol-relative ``//host`` or text with control characters."""
    value = (value or "").strip()
    if (
        not value.startswith("/")
        or value.startswith("//")
        or "\\" in value
        or len(value) > PATH_MAX_LENGTH
        or not value.isprintable()
    ):
        return ""
    return value


class SurveyForm(HoneypotMixin, forms.Form):
    overall = score_field("overall")
    ease = score_field("ease")
    trust = score_field("trust")
    user_group = forms.ChoiceField(
        label=_("Which of these describes you best?"),
        choices=UserGroup.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the groups listed, or none.")},
    )
    comment = forms.CharField(
        label=_("Anything else you would like to tell us?"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        help_text=_("Please do not include personal details: we cannot reply to survey answers."),
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": COMMENT_MAX_LENGTH}),
        error_messages={
            "max_length": format_lazy(
                _("Keep this to {limit} characters or fewer (you wrote %(show_value)s)."),
                limit=format_number_lazy(COMMENT_MAX_LENGTH),
            )
        },
    )
    from_path = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_comment(self):
        return plain_user_text(self.cleaned_data["comment"])

    def clean_from_path(self):
        return safe_path(self.cleaned_data["from_path"])
