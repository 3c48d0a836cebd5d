"""The survey's interface text in French and Arabic (satisfaction/locale)."""

from django.template.loader import render_to_string
from django.utils.translation import override

from satisfaction.forms import SurveyForm


def test_the_survey_questions_and_their_errors_in_french_and_arabic():
    with override("fr"):
        form = SurveyForm({})
        assert (
            form.fields["overall"].label
            == "Dans l\u2019ensemble, dans quelle mesure êtes-vous satisfait de ce site ?"
        )
        assert not form.is_valid()
        assert form.errors["overall"] == ["Choisissez une réponse de 1 à 5."]
        assert str(form.fields["ease"].choices[0][1]) == "1: Très difficile"
    with override("ar"):
        form = SurveyForm({"overall": "9"})
        assert form.fields["trust"].label == "ما مدى ثقتكم في الأرقام المنشورة على هذا الموقع؟"
        assert not form.is_valid()
        assert form.errors["overall"] == ["اختاروا إجابة من 1 إلى 5."]


def test_the_comment_limit_is_written_the_way_the_reader_writes_numbers():
    with override("fr"):
        form = SurveyForm({"overall": "4", "ease": "4", "trust": "4", "comment": "x" * 1001})
        assert not form.is_valid()
        assert form.errors["comment"] == ["Limitez ce texte à 1\xa0000 caractères (vous en avez saisi 1001)."]


def test_the_invitation_in_french_and_arabic():
    survey = {"rate": 0.05, "period_days": 90, "title": "Survey", "text": "Text", "link": "/en/survey/"}
    with override("fr"):
        html = render_to_string("satisfaction/invitation.html", {"survey": survey})
        assert "Répondre à l\u2019enquête" in html and "Non merci" in html
    with override("ar"):
        html = render_to_string("satisfaction/invitation.html", {"survey": survey})
        assert "المشاركة في الاستبيان" in html and "لا، شكرًا" in html
    with override("en"):
        assert "Take the survey" in render_to_string("satisfaction/invitation.html", {"survey": survey})
