"""The e-modules' interface in French and Arabic: form labels and errors, a learner's feedback,
a page's text and the Arabic plural forms come from literacy/locale."""

import pytest
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils.translation import ngettext, override

from literacy.modules.certificates import CertificateNameForm
from literacy.modules.scoring import AnswerError, parse_number

pytestmark = pytest.mark.django_db


def test_the_certificate_form_speaks_french_and_arabic():
    with override("fr"):
        form = CertificateNameForm(data={"name": "Ana <b>"})
        assert str(form.fields["name"].label) == "Votre nom tel qu'il doit figurer sur le certificat"
        assert not form.is_valid()
        assert form.errors["name"] == [
            "Utilisez uniquement des lettres, des espaces et la ponctuation propre aux noms."
        ]
    with override("ar"):
        form = CertificateNameForm(data={"name": "Ana <b>"})
        assert not form.is_valid()
        assert form.errors["name"] == ["استخدم فقط الحروف والمسافات وعلامات الترقيم المستخدمة في الأسماء."]


def test_an_answer_error_in_french():
    with override("fr"), pytest.raises(AnswerError) as error:
        parse_number(QueryDict("").get("answer"))
    assert str(error.value) == "Saisissez un nombre."


def test_the_feedback_on_an_answer_in_french_and_arabic():
    feedback = {
        "correct": False,
        "your_answer": ["12"],
        "right_answer": ["15"],
        "notes": [],
        "explanation": "x",
    }
    with override("fr"):
        html = render_to_string("modules/questions/feedback.html", {"feedback": feedback})
    assert "Pas tout à fait" in html
    assert "La bonne réponse :" in html
    with override("ar"):
        html = render_to_string("modules/questions/feedback.html", {"feedback": feedback})
    assert "الإجابة الصحيحة:" in html


def test_arabic_chooses_the_plural_form_for_the_count():
    def about(minutes):
        return ngettext("About %(counter)s minute", "About %(counter)s minutes", minutes) % {
            "counter": minutes
        }

    with override("ar"):
        assert about(3) == "نحو 3 دقائق"
        assert about(11) == "نحو 11 دقيقة"
        assert about(2) == "نحو دقيقتين"
    with override("fr"):
        assert about(3) == "Environ 3 minutes"
