"""The games' interface in French and Arabic: form labels and errors, the feedback after an
answer, a page's text and the Arabic plural forms come from literacy/locale."""

from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils.translation import override

from literacy.games import scoring
from literacy.games.crowd import distribution
from literacy.games.forms import GuessForm, NicknameForm

pytestmark = pytest.mark.django_db


def test_the_guess_form_speaks_french_and_arabic(guess_game):
    question = guess_game.questions.first()
    with override("fr"):
        form = GuessForm(data={"guess": ""}, question=question)
        assert form.fields["guess"].label == "Votre estimation (%)"
        assert not form.is_valid()
        assert form.errors["guess"] == ["Saisissez votre estimation."]
    with override("ar"):
        form = GuessForm(data={"guess": "500"}, question=question)
        assert form.fields["guess"].label == "تقديرك (%)"
        assert not form.is_valid()
        assert form.errors["guess"] == ["أدخل رقماً من 0.0 إلى 100.0."]


def test_the_nickname_help_in_french():
    with override("fr"):
        form = NicknameForm()
        assert str(form.fields["nickname"].label) == "Pseudonyme"
        assert "« Joueur anonyme »" in str(form.fields["nickname"].help_text)


def test_the_feedback_after_an_answer_is_translated(guess_game):
    question = guess_game.questions.first()  # 76.4 %
    with override("fr"):
        assert scoring.describe_miss(question, Decimal("76.4")) == (
            "Dans le mille : votre estimation correspond au chiffre officiel."
        )
        assert scoring.describe_miss(question, Decimal("70")).endswith("au-dessous du chiffre officiel).")
    with override("ar"):
        assert scoring.describe_miss(question, Decimal("80")).startswith("أعلى بمقدار")


def test_the_progress_line_in_french_and_arabic():
    with override("fr"):
        html = render_to_string("games/includes/progress.html", {"number": 2, "total": 5})
    assert "Question 2 sur 5" in html
    with override("ar"):
        html = render_to_string("games/includes/progress.html", {"number": 2, "total": 5})
    assert "السؤال 2 من 5" in html


def test_arabic_chooses_the_plural_form_for_the_count(guess_game):
    def crowd_title(total):
        context = {"crowd": {"total": total, "buckets": []}, "question": guess_game.questions.first()}
        return render_to_string("games/includes/crowd_chart.html", context)

    with override("ar"):
        assert "كيف خمّن 3 لاعبين" in crowd_title(3)
        assert "كيف خمّن 11 لاعباً" in crowd_title(11)
    with override("fr"):
        assert "Estimations de 3 joueurs" in crowd_title(3)


def test_figures_follow_the_language_but_what_to_type_does_not():
    from literacy.games.areaquiz import number_text, range_label
    from literacy.games.formatting import format_figure, input_figure

    with override("fr"):
        assert format_figure(Decimal("38000.25"), 1) == "38\xa0000,2"
        assert number_text(Decimal("2100.50")) == "2\xa0100,5"
        assert range_label(Decimal("0.95"), Decimal("1.05")) == "95\N{EN DASH}105\u202f%"
        assert input_figure(Decimal("0.5"), 1) == "0.5"
    with override("ar"):
        assert format_figure(Decimal("-1.25"), 1) == "-1,2"
    assert format_figure(Decimal("38000.25"), 1) == "38,000.2"


def test_the_crowd_chart_markers_in_french_and_arabic(guess_game):
    question = guess_game.questions.first()
    with override("fr"):
        crowd = distribution(question, Decimal("72"))
        assert crowd["official"].label.startswith("Chiffre officiel : ")
        assert crowd["yours"].label == "Vous"
    with override("ar"):
        crowd = distribution(question, Decimal("72"))
        assert crowd["official"].label.startswith("الرقم الرسمي: ")
        assert crowd["yours"].label == "أنت"
    crowd = distribution(question)
    assert crowd["official"].label.startswith("Official ") and crowd["yours"] is None
