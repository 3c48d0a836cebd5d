"""Datasets' and indicators' names in other languages: a translation table per model, shown in
the reader's language with the original as fallback, flagged when the source changes, edited on
admin screens guarded by the record's own permissions, and purging the pages that show it."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import override

from datasets.models import Dataset, DatasetTranslation, Indicator, IndicatorTranslation
from datasets.tests.factories import DatasetTranslationFactory, IndicatorTranslationFactory
from datasets.tests.test_finder import prices
from tests.factories import StaffFactory
from tests.pages import in_language
from tests.queries import counted_view

pytestmark = pytest.mark.django_db


def read(client, url_name, language, **kwargs):
    """The page at ``url_name`` as a reader of ``language`` gets it."""
    with override(language):
        url = reverse(url_name, kwargs=kwargs)
    client.cookies["django_language"] = language
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, (url, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def test_the_dataset_page_shows_the_translation_in_french_and_falls_back_in_arabic(client):
    dataset = prices()
    DatasetTranslationFactory(
        dataset=dataset, language="fr", title="Prix", summary="Ce que paient les ménages."
    )
    IndicatorTranslationFactory(indicator=dataset.indicators.get(), language="fr", name="Taux d'inflation")
    french = read(client, "datasets:dataset", "fr", slug="prices")
    assert french.h1.get_text(strip=True) == "Prix"
    assert "Ce que paient les ménages." in french.get_text()
    assert "Taux d'inflation" in french.get_text()
    arabic = read(client, "datasets:dataset", "ar", slug="prices")
    assert arabic.h1.get_text(strip=True) == "Consumer prices"
    assert "Inflation rate" in arabic.get_text()
    english = read(client, "datasets:dataset", "en-gb", slug="prices")
    assert english.h1.get_text(strip=True) == "Consumer prices"


def test_an_arabic_translation_is_shown_in_arabic_only(client):
    dataset = prices()
    DatasetTranslationFactory(dataset=dataset, language="ar", title="أسعار المستهلك", summary="")
    assert read(client, "datasets:dataset", "ar", slug="prices").h1.get_text(strip=True) == "أسعار المستهلك"
    assert read(client, "datasets:dataset", "fr", slug="prices").h1.get_text(strip=True) == "Consumer prices"


def test_the_finder_lists_datasets_by_their_local_title(client):
    dataset = prices()
    DatasetTranslationFactory(dataset=dataset, language="fr", title="Prix à la consommation")
    french = read(client, "datasets:finder", "fr")
    assert [h3.get_text(strip=True) for h3 in french.select(".finder__title")] == ["Prix à la consommation"]
    english = read(client, "datasets:finder", "en-gb")
    assert [h3.get_text(strip=True) for h3 in english.select(".finder__title")] == ["Consumer prices"]


def test_machine_readable_outputs_keep_the_canonical_names():
    dataset = prices()
    DatasetTranslationFactory(dataset=dataset, language="fr", title="Prix")
    with override("fr"):
        shown = Dataset.objects.localized().get(pk=dataset.pk)
        assert shown.shown_title == "Prix"
        assert shown.title == str(shown) == "Consumer prices"  # what files and the API read


def test_hostile_html_in_a_translated_name_is_escaped(client):
    dataset = prices()
    DatasetTranslationFactory(dataset=dataset, language="fr", title="<script>alert(1)</script>")
    IndicatorTranslationFactory(indicator=dataset.indicators.get(), name="<img src=x onerror=alert(1)>")
    client.cookies["django_language"] = "fr"
    with override("fr"):
        for url in (dataset.get_absolute_url(), reverse("datasets:finder")):
            body = client.get(in_language(url, "fr")).content.decode()
            assert "<script>alert(1)</script>" not in body and "&lt;script&gt;" in body
            assert "<img src=x" not in body


def test_a_translation_is_out_of_date_once_the_source_changes():
    dataset = prices()
    translation = DatasetTranslationFactory(dataset=dataset)
    indicator_translation = IndicatorTranslationFactory(indicator=dataset.indicators.get())
    assert not translation.is_out_of_date and not indicator_translation.is_out_of_date
    dataset.summary = "What households pay, month by month."
    dataset.save()
    indicator = Indicator.objects.get(pk=indicator_translation.indicator_id)
    indicator.definition = "Now defined otherwise."
    indicator.save()
    assert DatasetTranslation.objects.get(pk=translation.pk).is_out_of_date
    assert IndicatorTranslation.objects.get(pk=indicator_translation.pk).is_out_of_date
    dataset.unit = "ignored"  # a field the translation does not cover changes nothing
    translation = DatasetTranslation.objects.get(pk=translation.pk)
    translation.mark_up_to_date()
    translation.save()
    assert not DatasetTranslation.objects.get(pk=translation.pk).is_out_of_date


def test_an_empty_name_is_refused():
    dataset = prices()
    with pytest.raises(ValidationError) as excinfo:
        DatasetTranslation(dataset=dataset, language="fr", title="").full_clean()
    assert "title" in excinfo.value.message_dict
    with pytest.raises(ValidationError) as excinfo:
        IndicatorTranslation(indicator=dataset.indicators.get(), language="fr", name="").full_clean()
    assert "name" in excinfo.value.message_dict


def test_the_default_language_and_unknown_ones_are_refused():
    dataset = prices()
    for language in ("en-gb", "de", ""):
        with pytest.raises(ValidationError) as excinfo:
            DatasetTranslation(dataset=dataset, language=language, title="Prices").full_clean()
        assert "language" in excinfo.value.message_dict


def test_a_second_translation_in_the_same_language_is_refused_with_a_clear_message():
    dataset = prices()
    DatasetTranslationFactory(dataset=dataset, language="fr")
    with pytest.raises(ValidationError) as excinfo:
        DatasetTranslation(dataset=dataset, language="fr", title="Autre").full_clean()
    assert excinfo.value.message_dict["language"] == [
        "This record already has a translation in this language: edit that one."
    ]
    DatasetTranslation(
        dataset=dataset, language="ar", title="الأسعار"
    ).full_clean()  # another language is fine


def test_too_long_a_name_is_refused():
    dataset = prices()
    with pytest.raises(ValidationError):
        DatasetTranslation(dataset=dataset, language="fr", title="x" * 256).full_clean()


# Queries


def grow(count, start=0):
    for n in range(start, start + count):
        dataset = prices(dataset_slug=f"prices-{n}", title=f"Prices {n}")
        DatasetTranslationFactory(dataset=dataset, language="fr", title=f"Prix {n}")
        IndicatorTranslationFactory(indicator=dataset.indicators.get(), language="fr", name=f"Taux {n}")


@pytest.mark.parametrize("url_name", ["datasets:finder"])
def test_localized_pages_cost_no_extra_query_and_stay_constant(client, url_name):
    grow(1)

    def queries(language):
        with override(language):
            url = reverse(url_name)
        client.cookies["django_language"] = language
        client.get(url, HTTP_ACCEPT_LANGUAGE=language)  # warm per-process caches
        return counted_view(client, url, HTTP_ACCEPT_LANGUAGE=language)[0]

    english_one, french_one = queries("en-gb"), queries("fr")
    assert french_one <= english_one + 2
    grow(9, start=1)
    assert queries("fr") == french_one
    assert queries("en-gb") == english_one


def test_the_dataset_page_costs_no_extra_query_with_ten_indicators(client):
    from datasets.tests.factories import IndicatorFactory

    dataset = prices()

    def queries(language):
        with override(language):
            url = dataset.get_absolute_url()
        client.cookies["django_language"] = language
        client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        return counted_view(client, url, HTTP_ACCEPT_LANGUAGE=language)[0]

    english_one, french_one = queries("en-gb"), queries("fr")
    assert french_one <= english_one + 2
    for n in range(9):
        indicator = IndicatorFactory(dataset=dataset, code=f"X{n}", name=f"Extra {n}")
        IndicatorTranslationFactory(indicator=indicator, language="fr", name=f"En plus {n}")
    assert queries("fr") == french_one


# Admin


@pytest.fixture
def data_editor(client):
    client.force_login(StaffFactory(groups=["Data editors"]))
    return client


def test_data_editors_translate_a_dataset_and_see_when_it_is_out_of_date(data_editor):
    dataset = prices()
    response = data_editor.post(
        reverse("datasets_datasettranslation_modeladmin_create"),
        {"dataset": dataset.pk, "language": "fr", "title": "Prix", "summary": "", "up_to_date": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    translation = DatasetTranslation.objects.get(dataset=dataset, language="fr")
    assert not translation.is_out_of_date
    dataset.title = "Consumer prices index"
    dataset.save()
    listing = data_editor.get(reverse("datasets_datasettranslation_modeladmin_index")).content.decode()
    assert "Out of date: the source changed" in listing
    edit = reverse("datasets_datasettranslation_modeladmin_edit", args=[translation.pk])
    assert data_editor.get(edit).status_code == 200
    response = data_editor.post(
        edit,
        {
            "dataset": dataset.pk,
            "language": "fr",
            "title": "Indice des prix",
            "summary": "",
            "up_to_date": "on",
        },
    )
    assert response.status_code == 302
    assert not DatasetTranslation.objects.get(pk=translation.pk).is_out_of_date


def test_saving_without_ticking_up_to_date_keeps_the_flag(data_editor):
    dataset = prices()
    translation = DatasetTranslationFactory(dataset=dataset)
    dataset.title = "Changed"
    dataset.save()
    edit = reverse("datasets_datasettranslation_modeladmin_edit", args=[translation.pk])
    response = data_editor.post(
        edit, {"dataset": dataset.pk, "language": "fr", "title": "Prix", "summary": ""}
    )
    assert response.status_code == 302
    assert DatasetTranslation.objects.get(pk=translation.pk).is_out_of_date


def test_a_duplicate_in_the_admin_is_refused_with_the_message(data_editor):
    dataset = prices()
    DatasetTranslationFactory(dataset=dataset, language="fr")
    response = data_editor.post(
        reverse("datasets_datasettranslation_modeladmin_create"),
        {"dataset": dataset.pk, "language": "fr", "title": "Encore", "summary": "", "up_to_date": "on"},
    )
    assert response.status_code == 200
    assert "This record already has a translation in this language" in response.content.decode()
    assert DatasetTranslation.objects.filter(dataset=dataset).count() == 1


@pytest.mark.parametrize("name", ["datasettranslation", "indicatortranslation"])
def test_staff_without_the_records_permissions_are_refused(client, name):
    translation = (
        DatasetTranslationFactory if name == "datasettranslation" else IndicatorTranslationFactory
    )()
    client.force_login(StaffFactory())
    for view, args in (
        ("index", []),
        ("create", []),
        ("edit", [translation.pk]),
        ("delete", [translation.pk]),
    ):
        response = client.get(reverse(f"datasets_{name}_modeladmin_{view}", args=args))
        assert response.status_code == 302, view
    response = client.post(reverse(f"datasets_{name}_modeladmin_delete", args=[translation.pk]))
    assert type(translation).objects.filter(pk=translation.pk).exists()


def test_data_editors_may_translate_indicators(data_editor):
    dataset = prices()
    indicator = dataset.indicators.get()
    response = data_editor.post(
        reverse("datasets_indicatortranslation_modeladmin_create"),
        {
            "indicator": indicator.pk,
            "language": "ar",
            "name": "معدل التضخم",
            "definition": "",
            "up_to_date": "on",
        },
    )
    assert response.status_code == 302
    assert data_editor.get(reverse("datasets_indicatortranslation_modeladmin_index")).status_code == 200


# Caches


def test_saving_a_translation_purges_the_pages_that_show_it(client, page_cache_on, committed):
    dataset = prices()
    url = dataset.get_absolute_url()
    client.cookies["django_language"] = "fr"
    first = client.get(in_language(url, "fr")).content.decode()
    assert "Consumer prices" in first
    with committed():
        translation = DatasetTranslationFactory(dataset=dataset, language="fr", title="Prix")
    assert "<h1>Prix</h1>" in client.get(in_language(url, "fr")).content.decode()
    finder = client.get(in_language(reverse("datasets:finder"), "fr")).content.decode()
    assert "Prix" in finder
    with committed():
        translation.delete()
    assert "<h1>Consumer prices</h1>" in client.get(in_language(url, "fr")).content.decode()
