"""Consultations in French and Arabic (the catalogues in consultations/locale)."""

import datetime
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import ngettext

from consultations.models import ConsultationPage, State
from consultations.responses import DuplicateResponse


def test_states_are_named_in_french_and_arabic():
    with translation.override("fr"):
        assert [str(state.label) for state in State] == [
            "Ouverture prochaine",
            "Ouverte",
            "Close",
            "Close : résultats publiés",
        ]
    with translation.override("ar"):
        assert str(State.OPEN.label) == "مفتوحة"


def test_the_dates_read_in_french():
    consultation = SimpleNamespace(
        opens_at=timezone.make_aware(datetime.datetime(2027, 3, 1, 9)),
        closes_at=timezone.make_aware(datetime.datetime(2027, 3, 31, 17)),
    )
    with translation.override("fr"):
        html = render_to_string("consultations/includes/dates.html", {"consultation": consultation})
    assert "Ouverte du <time" in html and "</time> au <time" in html
    assert "Open from" not in html


def test_arabic_counts_responses_with_its_own_plural_forms():
    def responses(count):
        return ngettext("%(counter)s response.", "%(counter)s responses.", count) % {"counter": count}

    with translation.override("ar"):
        assert responses(1) == "إجابة واحدة."
        assert responses(2) == "إجابتان."
        assert responses(3) == "3 إجابات."
        assert responses(11) == "11 إجابة."
    with translation.override("fr"):
        assert responses(1) == "1 réponse."
        assert responses(3) == "3 réponses."
    with translation.override("en"):
        assert responses(3) == "3 responses."


def test_a_second_answer_is_refused_in_french():
    with translation.override("fr"):
        message = str(DuplicateResponse())
    assert message.startswith("Vous avez déjà répondu à cette consultation avec cette adresse électronique")


def test_editors_read_the_page_fields_in_arabic():
    opens_at = ConsultationPage._meta.get_field("opens_at")
    with translation.override("ar"):
        assert str(ConsultationPage._meta.verbose_name) == "استشارة"
        assert str(opens_at.verbose_name) == "تاريخ الفتح"
        assert str(opens_at.help_text) == "تُقبل الإجابات ابتداءً من هذا الموعد."


@pytest.mark.django_db
def test_the_confirmation_email_in_french(consultation):
    with translation.override("fr"):
        subject = render_to_string("consultations/emails/received_subject.txt", {"page": consultation})
        body = render_to_string(
            "consultations/emails/received.txt",
            {"page": consultation, "url": "https://portal.example/c/", "consented": False},
        )
    assert subject.strip() == f"Nous avons bien reçu vos réponses : {consultation.title}"
    assert body.startswith("Bonjour,")
    assert f"Merci d\u2019avoir répondu à notre consultation « {consultation.title} »." in body
    assert "L\u2019office statistique" in body
