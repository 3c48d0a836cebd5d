"""The datasets' interface in French and Arabic: form labels and validation errors, a block's
template, the pre-release email and Arabic's plural forms come from the app's catalogues."""

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.translation import ngettext, override

from datasets import slices
from datasets.admin_previews import preview_link_message
from datasets.forms import ImportForm
from datasets.models import Release, RevisionKind
from portal.contacts.tests.factories import ContactFactory

from .factories import PreviewGrantFactory


def test_import_form_labels_in_french_and_arabic():
    with override("fr"):
        assert str(ImportForm.base_fields["reason"].label) == "Pourquoi ils changent"
        assert str(ImportForm.base_fields["note"].help_text) == "Pourquoi ?"
    with override("ar"):
        assert str(ImportForm.base_fields["reason"].label) == "سبب تغيّرها"
    assert str(ImportForm.base_fields["reason"].label) == "Why they change"


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Indiquez au moins un code de zone, par exemple NAT."),
        ("ar", "أدخل رمز منطقة واحدًا على الأقل، مثلًا NAT."),
        ("en", "Give at least one area code, e.g. NAT."),
    ],
)
def test_a_chart_block_error_in_each_language(language, message):
    with override(language), pytest.raises(ValidationError) as raised:
        slices.check_areas(None, [])
    assert raised.value.messages == [message]


def test_model_choices_and_help_texts_are_translated():
    with override("fr"):
        assert str(RevisionKind.REVISION.label) == "Révision courante"
        assert str(Release.Status.POSTPONED.label) == "Reportée"
        assert str(Release._meta.get_field("summary").help_text) == (
            "Ce que contiendra la publication, en une ou deux phrases."
        )
    with override("ar"):
        assert str(Release.Status.CANCELLED.label) == "ملغى"


def test_a_key_figure_not_yet_published_says_so_in_french_and_arabic():
    context = {"figure": None, "value": {"label": "Population"}}
    with override("fr"):
        assert "Population : ce chiffre n\u2019est pas encore publié." in render_to_string(
            "datasets/blocks/indicator_key_figure.html", context
        )
    with override("ar"):
        assert "Population: لم يُنشر هذا الرقم بعد." in render_to_string(
            "datasets/blocks/indicator_key_figure.html", context
        )
    assert "Population: this figure is not published yet." in render_to_string(
        "datasets/blocks/indicator_key_figure.html", context
    )


@pytest.mark.django_db
def test_the_pre_release_email_in_french():
    ContactFactory(email="camille@news.example", preferred_language="fr")
    grant = PreviewGrantFactory(
        journalist_name="Camille Martin", email="camille@news.example", release__title="Population 2026"
    )
    message = preview_link_message(grant, "token")
    assert message.subject == "SOUS EMBARGO : accès avant publication à Population 2026"
    assert "Bonjour Camille Martin," in message.body
    assert "Ne transférez pas ce courriel : le lien vous est strictement réservé." in message.body
    html = message.alternatives[0][0]
    assert "Vous disposez d\u2019un accès avant publication à <strong>Population 2026</strong>." in html
    with override("fr"):
        english = preview_link_message(PreviewGrantFactory(release=grant.release), "token")
    assert english.subject == "EMBARGOED: pre-release access to Population 2026"


def test_arabic_plural_forms_for_three_and_eleven_releases():
    with override("ar"):
        three = ngettext("%(counter)s release", "%(counter)s releases", 3) % {"counter": 3}
        eleven = ngettext("%(counter)s release", "%(counter)s releases", 11) % {"counter": 11}
    assert three == "3 إصدارات"
    assert eleven == "11 إصدارًا"
    with override("fr"):
        assert ngettext("%(counter)s release", "%(counter)s releases", 1) % {"counter": 1} == "1 publication"
