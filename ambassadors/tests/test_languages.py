"""The ambassadors programme in French and Arabic (the catalogues in ambassadors/locale)."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from ambassadors.emails import build_application_email
from ambassadors.forms import ApplicationForm, ShareLinkForm
from ambassadors.links import NotShareable, shareable_page
from ambassadors.models import Application, Role
from ambassadors.tests.factories import ApplicationFactory


def test_the_application_form_in_french_and_arabic():
    with translation.override("fr"):
        form = ApplicationForm({"role": "astronaut"}, consent_wording="J\u2019accepte.")
        assert str(form.fields["motivation"].label) == "Pourquoi souhaitez-vous devenir ambassadeur ?"
        assert not form.is_valid()
        assert form.errors["name"] == ["Saisissez votre nom."]
        assert form.errors["role"] == ["Choisissez une option de la liste."]
    with translation.override("ar"):
        form = ApplicationForm({}, consent_wording="أوافق.")
        assert not form.is_valid()
        assert form.errors["email"] == ["أدخل عنوان بريدك الإلكتروني."]
        assert str(Role.TEACHER.label) == "معلّم"


def test_the_share_link_form_limit_in_french():
    with translation.override("fr"):
        form = ShareLinkForm({"address": "https://portal.example/" + "a" * 600})
        assert not form.is_valid()
        [too_long] = form.errors["address"]
    assert too_long.startswith("Limitez-vous à 500 caractères au plus")


@pytest.mark.django_db
def test_a_link_to_nowhere_is_refused_in_arabic(home_page):
    request = RequestFactory().get("/en/")
    with translation.override("ar"), pytest.raises(NotShareable) as refused:
        shareable_page(request, "ftp://elsewhere.example/page/")
    assert str(refused.value) == "الصقوا عنوان صفحة على هذا الموقع."


@pytest.mark.django_db
def test_the_decision_email_in_french_and_arabic():
    application = ApplicationFactory(name="Tess Teacher", status=Application.Status.APPROVED)
    extra = {"message": "", "status": "approved", "status_label": "Approved"}
    with translation.override("fr"):
        message = build_application_email(application, "status", extra)
    assert message.subject == "Votre candidature d\u2019ambassadeur : approuvée"
    assert message.body.startswith("Bonjour Tess Teacher,")
    assert "Bienvenue : vous faites désormais partie de nos ambassadeurs." in message.body
    assert "Le programme des ambassadeurs de l\u2019office statistique" in message.body
    with translation.override("ar"):
        message = build_application_email(application, "received")
    assert message.subject == "لقد استلمنا طلبكم لتصبحوا سفراء"
    assert "بصفة معلّم" in message.body
