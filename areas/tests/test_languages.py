"""The area pages' interface in French and Arabic: the find form's label and errors, the map
legend's template and Arabic's plural forms come from the app's catalogue."""

import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import override
from PIL import ImageDraw

from areas.forms import MAX_QUERY, FindForm
from areas.maps import LegendClass, build_map, render_png
from areas.models import AreaLevel
from tests.pdf import PdfObjects, drawn_glyphs, structure_elements

from .factories import level, mapped_indicator
from .test_profile import text_of


def test_the_find_form_label_and_errors_in_french():
    with override("fr"):
        form = FindForm({"q": "Fjell\x01by"})
        assert not form.is_valid()
        assert str(form.fields["q"].label) == "Nom ou code de la zone"
        assert form.errors["q"] == [
            "La recherche contient des caractères de contrôle : saisissez un nom ou un code."
        ]
        too_long = FindForm({"q": "x" * (MAX_QUERY + 1)})
        assert too_long.errors["q"] == [
            f"Saisissez au plus {MAX_QUERY} caractères : un nom de zone est plus court."
        ]
    english = FindForm({"q": "x" * (MAX_QUERY + 1)})
    assert english.errors["q"] == [f"Type at most {MAX_QUERY} characters: an area name is shorter."]


def test_the_find_form_error_in_arabic():
    with override("ar"):
        form = FindForm({"q": "Fjell\x01by"})
        assert form.errors["q"] == ["يحتوي البحث على أحرف تحكم: اكتب اسمًا أو رمزًا."]


def test_the_model_names_in_french():
    with override("fr"):
        assert str(AreaLevel._meta.verbose_name) == "niveau de zone"


def legend(count, missing):
    area_map = {
        "classes": [{"colour": "#eff3ff", "text": "0 to 10", "count": count}],
        "missing": missing,
        "source": "Population",
        "version": 2,
    }
    return render_to_string("areas/includes/map_legend.html", {"area_map": area_map})


def test_the_map_legend_in_french():
    with override("fr"):
        html = legend(1, 3)
    assert "Légende" in html
    assert "(1 zone)" in html
    assert "Non disponible" in html and "(3 zones)" in html
    assert "Source : Population, version 2." in html


def test_the_map_legend_chooses_arabic_plural_forms_for_three_and_eleven():
    with override("ar"):
        html = legend(3, 11)
    assert "مفتاح الخريطة" in html
    assert "(3 مناطق)" in html
    assert "(11 منطقةً)" in html
    assert "غير متاح" in html
    english = legend(3, 11)
    assert "(3 areas)" in english and "(11 areas)" in english


# Text drawn in Python: the map's title and legend, the PNG's words and the profile PDF.


@pytest.mark.django_db
def test_the_map_title_and_legend_in_french_and_arabic_english_unchanged():
    indicator = mapped_indicator(10, missing=())
    with override("fr"):
        french = build_map(indicator, level("municipality"), "2024")
        assert [legend.text for legend in french.classes][:2] == ["De 1 à 2", "plus de 2 à 4"]
    with override("ar"):
        arabic = build_map(indicator, level("municipality"), "2024")
        assert [legend.text for legend in arabic.classes][:2] == ["من 1 إلى 2", "أكثر من 2 إلى 4"]
    english = build_map(indicator, level("municipality"), "2024")
    assert french.title.endswith(", par municipality")
    assert arabic.title.endswith("، حسب municipality")
    assert english.title == "Residents, 2024, by municipality"
    assert [legend.text for legend in english.classes][:2] == ["1 to 2", "over 2 to 4"]


def test_a_one_figure_class_is_just_the_figure_in_any_language():
    with override("ar"):
        assert LegendClass(low="3", high="3", colour="#fff", count=1, first=True).text == "3"


@pytest.mark.django_db
def test_the_png_words_are_drawn_in_french(monkeypatch):
    indicator = mapped_indicator(4)
    drawn = []
    real = ImageDraw.ImageDraw.text
    monkeypatch.setattr(
        ImageDraw.ImageDraw,
        "text",
        lambda self, xy, text, *a, **k: drawn.append(text) or real(self, xy, text, *a, **k),
    )
    with override("fr"):
        render_png(build_map(indicator, level("municipality"), "2024"))
    assert "Non disponible (1 zone)" in drawn
    assert "1 (1 zone)" in drawn and "plus de 1 à 3 (1 zone)" in drawn
    assert any(text.startswith("Source : ") and ", version " in text for text in drawn)
    drawn.clear()
    with override("ar"):
        render_png(build_map(indicator, level("municipality"), "2024"))
    assert "غير متاح (1 منطقة)" in drawn


def profile_in(client, language, code="A0"):
    """The area profile PDF as a reader of ``language`` gets it (its address in that language)."""
    with override(language):
        address = reverse("areas:profile_pdf", args=[code])
    response = client.get(address, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return PdfObjects(response.content)


@pytest.mark.django_db
def test_the_profile_pdf_in_french(client, indicator):
    pdf = profile_in(client, "fr")
    assert pdf.entry(pdf.catalog(), "Lang") == "(fr)"
    text, _ = text_of(pdf)
    assert "Area 0 : profil de la zone" in text
    assert "Zone de niveau « municipality » dans Region. Code A0." in text
    assert "Chiffres clés" in text and "Sources et contacts" in text
    assert "(à comparer avec Region: 10; Country: 100)" in text


@pytest.mark.django_db
def test_the_profile_pdf_in_arabic_is_arabic_shaped_and_right_to_left(client, indicator):
    pdf = profile_in(client, "ar")
    catalog = pdf.catalog()
    assert pdf.entry(catalog, "Lang") == "(ar)"
    kinds = [kind for kind, _, _ in structure_elements(pdf, pdf.entry(catalog, "StructTreeRoot"))]
    assert kinds[:2] == ["H1", "Figure"] and "H2" in kinds and "P" in kinds
    text, leftovers = text_of(pdf)
    assert leftovers == [], "no text outside the structure tree"
    assert "area profile" not in text and "Headline figures" not in text  # not the English
    # Drawn from the left, glyph by glyph: Arabic words come back reversed, Latin ones as typed.
    for words in ("ملف المنطقة", "الرئيسية", "المصادر وجهات"):  # words without a ligature
        assert words[::-1] in text and words not in text
    assert "Area 0" in text and "A0" in text
    [page_ref, *_] = re.findall(r"\d+ 0 R", pdf.entry(pdf.get(pdf.entry(catalog, "Pages")), "Kids"))
    forms = {}
    for code, char, _ in drawn_glyphs(pdf, pdf.get(page_ref)):
        forms.setdefault(char, set()).add(code)
    assert len(forms["ل"]) > 1  # joined: one letter, several glyphs


@pytest.mark.django_db
def test_the_profile_pdf_is_cached_per_language(client, indicator):
    english, arabic, french = (profile_in(client, language) for language in ("en-gb", "ar", "fr"))
    assert [pdf.entry(pdf.catalog(), "Lang") for pdf in (english, arabic, french)] == [
        "(en-gb)",
        "(ar)",
        "(fr)",
    ]
    again = profile_in(client, "en-gb")
    assert again.data == english.data and "Area 0: area profile" in text_of(again)[0]
