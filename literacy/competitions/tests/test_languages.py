"""The competitions' interface in French and Arabic: form labels and errors, an email, a page's
text and the Arabic plural forms come from literacy/locale."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils.translation import ngettext, override

from literacy.competitions.emails import build_entry_email
from literacy.competitions.forms import EntryForm

from .factories import CONSENT, EntryFactory

pytestmark = pytest.mark.django_db


def test_the_entry_form_speaks_french_and_arabic(competition):
    with override("fr"):
        form = EntryForm(data={}, competition=competition, consent_wording=CONSENT)
        assert str(form.fields["title"].label) == "Titre de votre participation"
        assert not form.is_valid()
        assert form.errors["accept_rules"] == [
            "Veuillez confirmer que votre participation respecte le règlement."
        ]
    with override("ar"):
        form = EntryForm(data={}, competition=competition, consent_wording=CONSENT)
        assert str(form.fields["title"].label) == "عنوان مشاركتك"
        assert str(form.fields["file"].help_text).startswith("ملف PDF أو PNG أو JPEG بحجم أقصاه")


def test_the_received_email_is_in_the_language_it_is_built_in(competition):
    entry = EntryFactory(competition=competition, display_name="Ana")
    with override("fr"):
        message = build_entry_email(entry, "received")
    assert message.subject == f"Nous avons bien reçu votre participation au concours {competition.title}"
    assert "Bonjour Ana," in message.body
    assert f"Merci de participer au concours {competition.title}." in message.body
    assert "Titre : Prices in one glance" in message.body
    with override("ar"):
        message = build_entry_email(entry, "received")
    assert message.subject == f"تلقّينا مشاركتك في {competition.title}"


def test_the_competition_page_status_and_dates_in_french(competition):
    request = RequestFactory().get(competition.url)
    with override("fr"):
        html = render_to_string(
            "competitions/includes/header.html", {"page": competition, "is_open": True}, request=request
        )
        dates = render_to_string(
            "competitions/includes/key_dates.html", {"page": competition}, request=request
        )
    assert "Participations ouvertes" in html
    assert 'aria-label="Fil d\u2019Ariane"' in html
    assert "Clôture des participations" in dates
    assert "Annonce des lauréats" in dates


def test_arabic_chooses_the_plural_form_for_the_count(competition):
    competition.max_entries_per_person = 3
    context = {"page": competition, "entering_status": "limit_reached"}
    with override("ar"):
        three = render_to_string("competitions/includes/entering_status.html", context)
        competition.max_entries_per_person = 11
        eleven = render_to_string("competitions/includes/entering_status.html", context)
        two = ngettext(
            "You have already sent %(count)d entry, the most this competition allows. "
            "You can edit or withdraw an entry until entries close.",
            "You have already sent %(count)d entries, the most this competition allows. "
            "You can edit or withdraw an entry until entries close.",
            2,
        )
    assert "أرسلت 3 مشاركات، وهو الحد الأقصى" in three
    assert "أرسلت 11 مشاركة، وهو الحد الأقصى" in eleven
    assert two.startswith("لقد أرسلت مشاركتين")
