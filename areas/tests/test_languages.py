"""The area pages' interface in French and Arabic: the find form's label and errors, the map
legend's template and Arabic's plural forms come from the app's catalogue."""

from django.template.loader import render_to_string
from django.utils.translation import override

from areas.forms import MAX_QUERY, FindForm
from areas.models import AreaLevel


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
