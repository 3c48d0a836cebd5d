"""The datasets' interface in French and Arabic: form labels and validation errors, a block's
template, the pre-release email and Arabic's plural forms come from the app's catalogues."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.translation import ngettext, override

from datasets import slices
from datasets.admin_previews import preview_link_message
from datasets.forms import ImportForm
from datasets.models import Observation, Release, RevisionKind
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


# The words drawn next to figures in Python (slices.py): whole phrases, in the reader's language.


def figure(value, period, status=Observation.NORMAL):
    return SimpleNamespace(value=None if value is None else Decimal(value), period=period, status=status)


def indicator(unit="persons", multiplier=0, decimals=0):
    return SimpleNamespace(unit=unit, unit_multiplier=multiplier, decimals=decimals)


@pytest.mark.parametrize(
    ("language", "rise", "fall", "same"),
    [
        ("en-gb", "up 10 persons (10.0%) on 2023", "down 10 persons (10.0%) on 2023", "unchanged on 2023"),
        (
            "fr",
            "en hausse de 10 persons (10,0\u202f%) par rapport à 2023",
            "en baisse de 10 persons (10,0\u202f%) par rapport à 2023",
            "inchangé par rapport à 2023",
        ),
        (
            "ar",
            "ارتفاع بمقدار 10 persons (10,0%) مقارنةً بـ2023",
            "انخفاض بمقدار 10 persons (10,0%) مقارنةً بـ2023",
            "دون تغيير مقارنةً بـ2023",
        ),
    ],
)
def test_a_change_is_said_in_each_language(language, rise, fall, same):
    with override(language):
        assert slices.change_text(figure(110, "2024"), figure(100, "2023"), indicator()) == rise
        assert slices.change_text(figure(90, "2024"), figure(100, "2023"), indicator()) == fall
        assert slices.change_text(figure(100, "2024"), figure(100, "2023"), indicator()) == same


def test_a_change_from_zero_has_no_percentage_in_french():
    with override("fr"):
        text = slices.change_text(figure(5, "2024"), figure(0, "2023"), indicator())
    assert text == "en hausse de 5 persons par rapport à 2023"


def test_percentage_points_take_the_plural_form_of_the_count():
    rate = indicator(unit="%", decimals=1)
    one = (figure("6.0", "2024"), figure("5.0", "2023"))
    two = (figure("3.0", "2024"), figure("5.0", "2023"))
    half = (figure("5.5", "2024"), figure("5.0", "2023"))
    assert slices.change_text(*one, rate) == "up 1.0 percentage point on 2023"
    assert slices.change_text(*half, rate) == "up 0.5 percentage points on 2023"
    with override("fr"):
        assert slices.change_text(*one, rate) == "en hausse de 1,0 point de pourcentage par rapport à 2023"
        assert slices.change_text(*two, rate) == "en baisse de 2,0 points de pourcentage par rapport à 2023"
    with override("ar"):
        assert slices.change_text(*two, rate) == "انخفاض بمقدار 2,0 نقطتين مئويتين مقارنةً بـ2023"
        assert slices.change_text(*half, rate) == "ارتفاع بمقدار 0,5 نقطة مئوية مقارنةً بـ2023"


def test_no_change_is_said_when_a_figure_is_missing_in_any_language():
    with override("ar"):
        missing = figure(None, "2024", Observation.MISSING)
        assert slices.change_text(missing, figure(1, "2023"), indicator()) == ""


def test_multipliers_statuses_and_missing_cells_in_french_and_arabic():
    with override("fr"):
        assert slices.unit_label(indicator(multiplier=6)) == "millions de persons"
        assert slices.cell_text(None, 0) == "non disponible"
        assert str(slices.FLAGS[Observation.PROVISIONAL][1]) == "provisoire"
    with override("ar"):
        assert slices.unit_label(indicator(multiplier=3)) == "ألف persons"
        assert slices.cell_text(None, 0) == "غير متاح"
        assert str(slices.FLAGS[Observation.BREAK][1]) == "انقطاع في السلسلة"
    assert slices.unit_label(indicator(multiplier=9)) == "billion persons"
    assert str(slices.FLAGS[Observation.ESTIMATED][1]) == "estimated"


def test_a_period_range_in_french_and_arabic_but_the_csv_column_stays_english():
    part = slices.Slice(indicator=indicator(), version=None, areas=[], periods=["2020", "2024"])
    with override("fr"):
        assert part.period_text() == "de 2020 à 2024"
        assert part.chart_data().columns == ("Period",)  # the CSV data link is language-free
    with override("ar"):
        assert part.period_text() == "من 2020 إلى 2024"
    assert part.period_text() == "2020 to 2024"
