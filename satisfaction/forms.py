"""The survey form: three scores from 1 to 5, the user group, a comment and where it was asked."""

from django import forms

from portal.core.sanitise import plain_user_text
from portal.core.submissions import HoneypotMixin
from portal.core.vocabularies import UserGroup

from .models import COMMENT_MAX_LENGTH, PATH_MAX_LENGTH

QUESTIONS = {
    "overall": (
        "Overall, how satisfied are you with this website?",
        (
            "Very dissatisfied",
            "Dissatisfied",
            "Neither satisfied nor dissatisfied",
            "Satisfied",
            "Very satisfied",
        ),
    ),
    "ease": (
        "How easy was it to find what you were looking for?",
        ("Very difficult", "Difficult", "Neither easy nor difficult", "Easy", "Very easy"),
    ),
    "trust": (
        "How much do you trust the figures on this website?",
        ("Not at all", "A little", "Somewhat", "Mostly", "Completely"),
    ),
}


def score_field(name):
    label, words = QUESTIONS[name]
    return forms.TypedChoiceField(
        label=label,
        choices=[(str(score), f"{score}: {word}") for score, word in enumerate(words, start=1)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose an answer from 1 to 5.",
            "invalid_choice": "Choose an answer from 1 to 5.",
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
        label="Which of these describes you best?",
        choices=UserGroup.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose one of the groups listed, or none."},
    )
    comment = forms.CharField(
        label="Anything else you would like to tell us?",
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        help_text="Please do not include personal details: we cannot reply to survey answers.",
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": COMMENT_MAX_LENGTH}),
        error_messages={
            "max_length": (
                f"Keep this to {COMMENT_MAX_LENGTH:,} characters or fewer (you wrote %(show_value)s)."
            )
        },
    )
    from_path = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_comment(self):
        return plain_user_text(self.cleaned_data["comment"])

    def clean_from_path(self):
        return safe_path(self.cleaned_data["from_path"])
