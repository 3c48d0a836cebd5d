"""The fact-checks' and misuse reports' interface text in French and Arabic (trust/locale)."""

import pytest
from django.template.loader import render_to_string
from django.utils.translation import override

from trust.cards import card_png
from trust.emails import build_report_email
from trust.forms import MisuseReportForm
from trust.models import MisuseReport, Verdict

from .factories import FactCheckPageFactory, MisuseReportFactory

pytestmark = pytest.mark.django_db


def test_the_report_form_in_french_and_arabic():
    with override("fr"):
        form = MisuseReportForm({}, consent_wording="J\u2019accepte.")
        assert form.fields["claim"].label == "Qu\u2019est-ce qui a été affirmé ?"
        assert not form.is_valid()
        assert form.errors["claim"] == ["Indiquez-nous ce qui a été affirmé."]
        assert (
            str(form.fields["attachment"].help_text)
            == "Un fichier PNG, JPEG ou PDF de 5,0\xa0Mio au maximum."
        )
    with override("ar"):
        form = MisuseReportForm({}, consent_wording="أوافق.")
        assert form.fields["where"].label == "أين ظهر الادعاء؟"
        assert not form.is_valid()
        assert form.errors["name"] == ["أدخل اسمك."]


def test_the_verdicts_in_french_and_arabic():
    with override("fr"):
        assert str(Verdict.MISLEADING.label) == "Trompeur"
    with override("ar"):
        assert str(Verdict.UNSUPPORTED.label) == "غير مدعوم بالبيانات"


def test_the_confirmation_email_in_french_and_arabic(home_page):
    report = MisuseReportFactory(reference="MR-2026-00042", name="Rosa Reader")
    with override("fr"):
        message = build_report_email(report, "received")
        assert message.subject == "Nous avons reçu votre signalement MR-2026-00042"
        assert "Bonjour Rosa Reader," in message.body
        assert "Votre référence : MR-2026-00042" in message.body
    with override("ar"):
        message = build_report_email(report, "status", {"status": "triaged", "message": ""})
        assert message.subject == "بلاغكم MR-2026-00042: قيد الفرز"
        assert "يعمل أحد الإحصائيين على دراسة بلاغكم." in message.body


def test_the_english_email_is_unchanged(home_page):
    report = MisuseReportFactory(reference="MR-2026-00043", name="Rosa Reader")
    message = build_report_email(report, "status", {"status": MisuseReport.Status.NO_ACTION, "message": ""})
    assert message.subject == "Your report MR-2026-00043: no action"
    assert message.body.startswith("Dear Rosa Reader,")


def test_the_open_reports_panel_counts_days_with_arabic_plurals():
    def panel(days):
        row = {"value": "new", "status": "x", "count": 1, "oldest_age": type("Age", (), {"days": days})()}
        return render_to_string("trust/admin/open_reports_panel.html", {"summary": [row], "index_url": "/"})

    with override("ar"):
        assert "3 أيام" in panel(3)
        assert "11 يومًا" in panel(11)
    with override("fr"):
        assert "1 jour" in panel(1) and "2 jours" in panel(2)


def test_the_share_card_is_drawn_in_each_language_and_cached_apart(client, index_page):
    """The card's own words are drawn into the image: a French reader's card is never served from
    the English one's cache entry."""
    page = FactCheckPageFactory(parent=index_page)
    english = card_png(page)
    with override("fr"):
        french = card_png(page)
    assert french != english
    assert card_png(page) == english


def test_the_length_limit_is_written_the_way_the_reader_writes_numbers():
    from trust.forms import too_long_message

    message = too_long_message(2000)
    with override("fr"):
        assert "2\xa0000" in str(message)
    assert "2,000" in str(message)
