# ruff: noqa: RUF001 (French typography writes the apostrophe as a curly quote)
"""The newsletters' interface text in French and Arabic: forms, the confirmation email, pages
and Arabic's plural forms come out of the newsletters' catalogues (newsletters/locale)."""

from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from newsletters import alert_text, views
from newsletters.emails import confirmation_message
from newsletters.forms import AlertSignupForm, SignupForm
from newsletters.models import Sending, SignupRequest

AREAS = [(f"R{number}", f"Region {number}") for number in range(1, 13)]


def alert_form(chosen, max_areas):
    return AlertSignupForm(
        {"areas": chosen, "email": "reader@example.org", "consent": "on"},
        topics=["Prices"],
        areas=AREAS,
        max_areas=max_areas,
        consent_wording="I agree.",
    )


def test_the_signup_form_speaks_french_and_arabic(lists):
    with translation.override("fr"):
        form = SignupForm({"lists": [lists["monthly"].pk]}, consent_wording="J’accepte.")
        assert not form.is_valid()
        assert str(form.fields["email"].label) == "Adresse électronique"
        assert form.errors["email"] == ["Saisissez votre adresse e-mail."]
        assert form.errors["consent"] == [
            "Veuillez donner votre accord pour que nous puissions vous envoyer la lettre d’information."
        ]
    with translation.override("ar"):
        form = SignupForm({"email": "reader@example.org", "consent": "on"}, consent_wording="أوافق.")
        assert not form.is_valid()
        assert form.errors["lists"] == ["اختر نشرة إخبارية واحدة على الأقل."]


def test_arabic_chooses_the_plural_form_for_3_and_for_11_areas():
    with translation.override("ar"):
        form = alert_form([code for code, _name in AREAS[:4]], max_areas=3)
        assert not form.is_valid()
        assert form.errors["areas"] == ["اختر 3 مناطق على الأكثر."]
        form = alert_form([code for code, _name in AREAS], max_areas=11)
        assert not form.is_valid()
        assert form.errors["areas"] == ["اختر 11 منطقة على الأكثر."]
    with translation.override("fr"):
        form = alert_form([code for code, _name in AREAS[:4]], max_areas=3)
        assert form.errors["areas"] == ["Choisissez au plus 3 zones."]


def test_the_confirmation_email_is_in_the_active_language(lists, newsletter_index):
    signup_request = SignupRequest.objects.create(email="reader@example.org", consent_wording="I agree.")
    signup_request.lists.set([lists["monthly"]])
    with translation.override("fr"):
        message = confirmation_message(signup_request)
    assert message.subject == "Confirmez votre inscription à la lettre d’information"
    assert message.body.startswith("Bonjour,\n\nQuelqu’un, vous-même nous l’espérons,")
    assert "Pour confirmer, ouvrez ce lien dans un délai de" in message.body
    html = message.alternatives[0].content
    assert '<html lang="fr" dir="ltr">' in html and "Confirmer mon inscription</a>" in html
    with translation.override("ar"):
        message = confirmation_message(signup_request)
    assert message.subject == "أكّد اشتراكك في النشرة الإخبارية"
    assert message.body.startswith("مرحبًا،")


def test_the_english_confirmation_email_is_unchanged(lists, newsletter_index, settings):
    signup_request = SignupRequest.objects.create(email="reader@example.org", consent_wording="I agree.")
    signup_request.lists.set([lists["monthly"]])
    message = confirmation_message(signup_request)
    hours = settings.NEWSLETTER_CONFIRMATION_MAX_AGE // 3600
    assert message.subject == "Confirm your newsletter sign-up"
    assert f"To confirm, open this link within {hours} hours:" in message.body
    assert '<html lang="en-GB" dir="ltr">' in message.alternatives[0].content


def test_arabic_hours_in_the_confirmation_text_follow_the_number():
    context = {
        "lists": [],
        "topics": [],
        "areas": [],
        "confirm_url": "https://example.org/c",
        "signup_url": "",
    }
    with translation.override("ar"):
        few = render_to_string("newsletters/email/confirm.txt", {**context, "hours": 3})
        many = render_to_string("newsletters/email/confirm.txt", {**context, "hours": 72})
    assert "للتأكيد، افتح هذا الرابط خلال 3 ساعات:" in few
    assert "للتأكيد، افتح هذا الرابط خلال 72 ساعة:" in many


def test_release_alert_subjects_are_translated():
    title = "Prix à la consommation"
    with translation.override("fr"):
        assert (
            alert_text.area_subject(title, ["Nord"]) == "Nouveaux chiffres pour Nord : Prix à la consommation"
        )
        assert (
            alert_text.area_subject(title, ["Nord", "Sud", "Est"])
            == "Nouveaux chiffres pour Nord et 2 autres : Prix à la consommation"
        )
    with translation.override("ar"):
        assert alert_text.area_subject(title, ["الشمال", "الجنوب"]) == (
            "أرقام جديدة عن الشمال ومنطقة أخرى: Prix à la consommation"
        )
    assert str(Sending.Status.PAUSED.label) == "Paused (mail server unavailable)"
    with translation.override("ar"):
        assert str(Sending.Status.PAUSED.label) == "متوقف مؤقتًا (خادم البريد غير متاح)"


def test_a_message_page_is_translated(newsletter_index):
    request = RequestFactory().get("/en/newsletter/check-email/")
    with translation.override("fr"):
        response = views.check_email(newsletter_index, request)
    content = response.content.decode()
    assert "<h1>Consultez vos courriels</h1>" in content
