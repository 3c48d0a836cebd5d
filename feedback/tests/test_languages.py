"""The feedback pages, forms and emails in French and Arabic (the catalogues in feedback/locale)."""

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation

from feedback.emails import build_request_email
from feedback.figures import compute_headline_figures
from feedback.forms import DataRequestForm, PageFeedbackForm
from feedback.models import DataRequest
from feedback.tests.factories import DataRequestFactory


def test_the_page_feedback_form_asks_and_complains_in_french_and_arabic():
    for language, question, required in (
        ("fr", "Cette page vous a-t-elle été utile ?", "Choisissez oui ou non."),
        ("ar", "هل كانت هذه الصفحة مفيدة؟", "اختاروا نعم أو لا."),
    ):
        with translation.override(language):
            form = PageFeedbackForm({})
            assert str(form.fields["useful"].label) == question
            assert not form.is_valid()
            assert form.errors["useful"] == [required]


def test_the_data_request_form_in_french_with_its_length_limit():
    with translation.override("fr"):
        form = DataRequestForm({"what": "x " * 2001}, consent_wording="J\u2019accepte.")
        assert str(form.fields["what"].label) == "De quelles données avez-vous besoin ?"
        assert dict(form.fields["purpose"].choices)["policy"] == "Élaboration des politiques"
        assert not form.is_valid()
        [too_long] = form.errors["what"]
        assert too_long.startswith("Limitez-vous à 4")
        assert too_long.endswith("caractères au plus (vous en avez saisi 4001).")
    with translation.override("en"):
        assert (
            "Keep this to 4,000 characters or fewer"
            in DataRequestForm({"what": "x " * 2001}, consent_wording="I agree.").errors["what"][0]
        )


def test_status_names_follow_the_language():
    with translation.override("fr"):
        assert str(DataRequest.Status.REDIRECTED.label) == "Orientée vers un produit existant"
    with translation.override("ar"):
        assert str(DataRequest.Status.IN_PROGRESS.label) == "قيد المعالجة"


@pytest.mark.django_db
def test_the_confirmation_email_in_french_and_arabic():
    data_request = DataRequestFactory(reference="DR-2026-00042")
    with translation.override("fr"):
        message = build_request_email(data_request, "received")
    assert message.subject == "Nous avons bien reçu votre demande de données DR-2026-00042"
    assert message.body.startswith("Bonjour Rosa Quant,")
    assert "Merci pour votre demande de données." in message.body
    assert "Vous avez demandé :" in message.body
    assert "Votre référence : DR-2026-00042" in message.body
    with translation.override("ar"):
        message = build_request_email(data_request, "received")
    assert message.subject == "لقد استلمنا طلب البيانات DR-2026-00042"
    assert "فريق طلبات البيانات في مكتب الإحصاء" in message.body


@pytest.mark.django_db
def test_a_status_email_names_the_new_status_in_french():
    data_request = DataRequestFactory(reference="DR-2026-00043", status=DataRequest.Status.IN_PROGRESS)
    with translation.override("fr"):
        message = build_request_email(data_request, "status", {"message": ""})
    assert message.subject == "Votre demande de données DR-2026-00043 : en cours"
    assert "Un statisticien traite votre demande." in message.body


@pytest.mark.django_db
def test_the_figures_charts_are_titled_in_the_language_of_the_page():
    with translation.override("fr"):
        figures = compute_headline_figures(12, timezone.now())
        html = render_to_string(
            "feedback/includes/figure_chart.html",
            {"chart": figures.requests_chart, "rows": figures.requests_table},
        )
    assert figures.requests_chart.title == "Demandes de données reçues et traitées, par mois"
    assert figures.requests_chart.data.columns == ("Mois", "Reçue", "Traitée")
    assert "Télécharger les données (CSV)" in html
    assert "Source : Demandes de données et avis sur les pages reçus par ce site" in html
    with translation.override("ar"):
        figures = compute_headline_figures(12, timezone.now())
    assert dict(figures.feedback_table)["لم يُحدَّد النوع"] is not None
