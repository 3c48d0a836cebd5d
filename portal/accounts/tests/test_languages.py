"""The account pages and emails in French and Arabic (portal/locale)."""

import pytest
from django.template.loader import render_to_string
from django.utils.translation import override

from portal.accounts.tests.helpers import sign_up
from portal.core.vocabularies import UserGroup

pytestmark = pytest.mark.django_db


def test_the_sign_up_confirmation_email_in_french(client, home_page, mailoutbox):
    with override("fr"):  # a French visitor signs up, on the French page
        sign_up(client)
    [email] = mailoutbox
    assert email.subject.endswith(
        "Confirmez votre adresse \u00e9lectronique pour terminer la cr\u00e9ation de votre compte"
    )
    assert "Quelqu\u2019un, sans doute vous, a utilis\u00e9 cette adresse \u00e9lectronique" in email.body


def test_the_sign_up_form_in_arabic(client, home_page):
    response = client.get("/ar/accounts/signup/")
    html = response.content.decode()
    assert "<h1>إنشاء حساب</h1>" in html
    assert "ما الوصف الأنسب لكم؟" in html
    assert "أفضّل عدم الإجابة" in html


def test_the_user_groups_in_french_and_arabic():
    with override("fr"):
        assert str(UserGroup.CIVIL_SOCIETY.label) == "Soci\u00e9t\u00e9 civile"
    with override("ar"):
        assert str(UserGroup.RESEARCHERS.label) == "الباحثون"


def test_the_no_email_warning_in_french():
    with override("fr"):
        html = render_to_string("account/snippets/warn_no_email.html")
    assert "Votre compte n\u2019a aucune adresse \u00e9lectronique." in html
