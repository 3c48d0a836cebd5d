"""Training's interface in French and Arabic: the registration form, an email, a page's text and
the Arabic plural forms come from literacy/locale."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils.translation import override

from literacy.training import services as training
from literacy.training.emails import build_registration_email
from literacy.training.forms import RegistrationForm

pytestmark = pytest.mark.django_db


def test_the_registration_form_speaks_french_and_arabic():
    with override("fr"):
        form = RegistrationForm(data={}, consent_wording="I agree.")
        assert str(form.fields["organisation"].label) == "Organisation ou média"
        assert str(form.fields["email"].label) == "Adresse électronique"
    with override("ar"):
        form = RegistrationForm(data={}, consent_wording="I agree.")
        assert str(form.fields["name"].label) == "اسمكم"


def test_the_confirmation_email_in_french(session, person):
    registration = training.register(session, **person(name="Ana"))
    with override("fr"):
        message = build_registration_email(registration, "confirmed")
    assert message.subject == f"Votre place à {session.title} est confirmée"
    assert "Bonjour Ana," in message.body
    assert "Votre place est confirmée. L'invitation au calendrier est jointe." in message.body
    assert "L'équipe de formation" in message.body
    with override("ar"):
        message = build_registration_email(registration, "confirmed")
    assert message.subject == f"تأكّد مقعدك في {session.title}"


def test_a_registration_error_in_arabic(session, person):
    with override("ar"), pytest.raises(training.RegistrationError) as error:
        training.register(session, **person(email="not an address"))
    assert str(error.value) == "أدخل عنوان بريد إلكتروني بالصيغة الصحيحة، مثل name@example.com"


def test_arabic_chooses_the_plural_form_for_the_count(session):
    request = RequestFactory().get("/en/training/past/")
    request.user = AnonymousUser()

    def past_sessions(count):
        context = {"page": session.get_parent(), "sessions": FakePage(count)}
        return render_to_string("training/training_past.html", context, request=request)

    with override("ar"):
        three = past_sessions(3)
        eleven = past_sessions(11)
    assert "3 جلسات سابقة" in three
    assert "11 جلسة سابقة" in eleven
    with override("fr"):
        three = past_sessions(3)
    assert "Sessions de formation passées" in three
    assert "3 sessions passées" in three


class FakePage(list):
    """A page of sessions with only the paginator's count (the listing is empty)."""

    def __init__(self, count):
        super().__init__()
        self.paginator = type("Paginator", (), {"count": count})()
