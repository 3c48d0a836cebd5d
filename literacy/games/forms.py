"""The games' forms: only what the player chooses or types. The question's id and the one-use
token travel as hidden inputs drawn by the templates and are checked by the views."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import timing
from .formatting import input_figure, with_unit
from .models import BlockedWord
from .nicknames import validate_nickname
from .templatetags.games_tags import seconds


def plain(number):
    """Decimal("100.000") -> "100", for HTML attributes."""
    return f"{number.normalize():f}"


class GuessForm(forms.Form):
    """A number within the question's range (a slider is added by script, on top of this field)."""

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, **kwargs)
        low, high = (
            input_figure(question.min_value, question.decimal_places),
            input_figure(question.max_value, question.decimal_places),
        )
        out_of_range = gettext("Enter a number from %(low)s to %(high)s.") % {"low": low, "high": high}
        self.fields["guess"] = forms.DecimalField(
            label=(
                gettext("Your estimate (%(unit)s)") % {"unit": question.unit}
                if question.unit
                else gettext("Your estimate")
            ),
            help_text=gettext("A number from %(low)s to %(high)s.")
            % {"low": with_unit(low, question.unit), "high": with_unit(high, question.unit)},
            min_value=question.min_value,
            max_value=question.max_value,
            max_digits=16,
            error_messages={
                "required": gettext("Enter your estimate."),
                "invalid": gettext(
                    "Enter a number, like 42 or 3.5 (digits only, with a full stop for decimals)."
                ),
                "min_value": out_of_range,
                "max_value": out_of_range,
                "max_digits": out_of_range,
            },
            widget=forms.NumberInput(
                attrs={
                    "step": "any",
                    "inputmode": "decimal",
                    "autocomplete": "off",
                    "data-slider-step": plain(Decimal(1).scaleb(-question.decimal_places)),
                }
            ),
        )
        # Django would write the limits as stored ("100.000"); people and browsers read "100".
        self.fields["guess"].widget.attrs.update(min=plain(question.min_value), max=plain(question.max_value))


class AreaGuessForm(forms.Form):
    """The player's area (one with a published figure) and their guess of its figure."""

    def __init__(self, *args, quiz, **kwargs):
        super().__init__(*args, **kwargs)
        self.quiz = quiz
        self.fields["area"] = forms.ChoiceField(
            label=gettext("Your area"),
            choices=[("", gettext("Choose an area")), *quiz.choices()],
            error_messages={
                "required": gettext("Choose your area."),
                "invalid_choice": gettext("Choose one of the areas in the list."),
            },
        )
        places = quiz.indicator.decimals
        low, high = input_figure(quiz.lowest, places), input_figure(quiz.highest, places)
        out_of_range = gettext("Enter a number from %(low)s to %(high)s.") % {"low": low, "high": high}
        self.fields["guess"] = forms.DecimalField(
            label=gettext("Your guess (%(unit)s)") % {"unit": quiz.unit}
            if quiz.unit
            else gettext("Your guess"),
            help_text=gettext("%(indicator)s, %(period)s. A number from %(low)s to %(high)s.")
            % {"indicator": quiz.indicator.name, "period": quiz.period_label, "low": low, "high": high},
            min_value=quiz.lowest,
            max_value=quiz.highest,
            max_digits=20,
            error_messages={
                "required": gettext("Enter your guess."),
                "invalid": gettext(
                    "Enter a number, like 42 or 3.5 (digits only, with a full stop for decimals)."
                ),
                "min_value": out_of_range,
                "max_value": out_of_range,
                "max_digits": out_of_range,
                "max_decimal_places": gettext("Use at most 6 decimal places."),
            },
            decimal_places=6,
            widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal", "autocomplete": "off"}),
        )
        self.fields["guess"].widget.attrs.update(min=plain(quiz.lowest), max=plain(quiz.highest))

    def clean_guess(self):
        guess = self.cleaned_data["guess"]
        if not guess.is_finite():
            raise forms.ValidationError(gettext("Enter a number, like 42 or 3.5."))
        return guess


class PairForm(forms.Form):
    choice = forms.ChoiceField(
        choices=[("first", _("first")), ("second", _("second"))],
        error_messages={
            "required": _("Choose one of the two."),
            "invalid_choice": _("Choose one of the two."),
        },
    )


class QuizAnswerForm(forms.Form):
    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer"] = forms.TypedChoiceField(
            label=question.prompt,
            choices=[(str(number), text) for number, text in question.options()],
            coerce=int,
            widget=forms.RadioSelect,
            error_messages={
                "required": gettext("Choose an answer."),
                "invalid_choice": gettext("Choose one of the answers shown."),
            },
        )


class NicknameForm(forms.Form):
    nickname = forms.CharField(
        label=_("Nickname"),
        max_length=24,
        required=False,
        help_text=_(
            "Shown on the leaderboard. Up to 24 letters, numbers and spaces; leave it blank to appear "
            "as “Anonymous player”. Please do not use your real name or email address."
        ),
        error_messages={"max_length": _("Use at most 24 characters (you used %(show_value)d).")},
        widget=forms.TextInput(attrs={"autocomplete": "nickname", "spellcheck": "false"}),
    )

    def clean_nickname(self):
        nickname = " ".join(self.cleaned_data["nickname"].split())
        if nickname:
            validate_nickname(nickname, BlockedWord.objects.all())
        return nickname


class TimerForm(forms.Form):
    """The timed quiz's time limit, chosen before the start or (more of it) during play. Left
    out, it is the standard time; anything but the choices shown is refused with a message."""

    timer = forms.ChoiceField(
        label=_("Time limit"),
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the time limits shown.")},
    )

    def __init__(self, *args, base_seconds, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["timer"]
        field.choices = timing.start_choices(base_seconds, seconds)
        field.initial = timing.STANDARD
        field.help_text = (
            gettext("Need more time? Choose it now, or ask for more during the quiz.")
            + " "
            + str(timing.UNRANKED)
        )

    def clean_timer(self):
        return self.cleaned_data["timer"] or timing.STANDARD
