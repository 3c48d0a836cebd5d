"""The shared interface text (layout, pagination, charts, uploads) in French and Arabic."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils.translation import override

from portal.core.charts import parse_chart_csv
from portal.core.uploads import check_upload
from portal.core.validators import validate_time_zone


def chart_errors(text):
    with pytest.raises(ValidationError) as excinfo:
        parse_chart_csv(text)
    return excinfo.value.messages


def test_chart_data_errors_in_french_and_arabic():
    with override("fr"):
        assert chart_errors("") == [
            "Il n\u2019y a aucune donn\u00e9e. Collez un tableau avec une ligne d\u2019en-t\u00eate, les "
            "cat\u00e9gories dans la premi\u00e8re colonne et une colonne de nombres par s\u00e9rie."
        ]
    with override("ar"):
        assert chart_errors("Year,Value\n2024,abc\n") == [
            'الصف 2، العمود 2 ("Value"): "abc" ليس رقمًا. '
            "استخدموا الأرقام فقط، مثل 1234.5 أو 1,234، أو اتركوا الخلية فارغة إن لم تتوفر بيانات."
        ]


def test_the_count_of_further_chart_problems_takes_arabic_plural_forms():
    def last_message(bad_rows):
        rows = "".join(f"{2020 + index},x\n" for index in range(bad_rows))
        return chart_errors("Year,Value\n" + rows)[-1]

    with override("ar"):
        assert last_message(13) == "… و3 مشكلات أخرى."
        assert last_message(21) == "… و11 مشكلة أخرى."
    with override("fr"):
        assert last_message(13) == "… et 3 autres probl\u00e8mes."
    assert last_message(13) == "… and 3 more problems."


def test_upload_errors_in_french():
    with override("fr"), pytest.raises(ValidationError) as excinfo:
        check_upload(SimpleUploadedFile("empty.pdf", b""))
    with override("fr"):
        assert excinfo.value.messages == ["Le fichier est vide."]


def test_a_time_zone_error_in_arabic():
    with override("ar"), pytest.raises(ValidationError) as excinfo:
        validate_time_zone("Mars/Olympus")
    assert excinfo.value.messages == ["«Mars/Olympus» ليس منطقة زمنية، مثل Europe/Paris أو UTC."]


def test_pagination_in_french_and_arabic():
    page = Paginator(range(30), 10).page(2)
    with override("fr"):
        html = render_to_string("includes/pagination.html", {"page_obj": page, "query_string": ""})
        assert "Page 2 sur 3" in html and "Pr\u00e9c\u00e9dente" in html and "Suivante" in html
    with override("ar"):
        html = render_to_string("includes/pagination.html", {"page_obj": page, "query_string": ""})
        assert "الصفحة 2 من 3" in html


def test_the_500_page_in_arabic():
    with override("ar"):
        html = render_to_string("500.html")
    assert "عذرًا، حدثت مشكلة في الخدمة" in html
