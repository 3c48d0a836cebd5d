"""Areas' names in other languages (areas.AreaTranslation): shown on the area pages in the
reader's language with the original as fallback, flagged when the source name changes, edited on
admin screens guarded by the area codes' own permissions, and purging the area pages."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import override

from areas.models import AreaTranslation
from areas.tests.world import make_world
from datasets.models import Code
from tests.factories import StaffFactory
from tests.queries import counted_view

pytestmark = pytest.mark.django_db


def name(area, language, text):
    return AreaTranslation.objects.create(area=area, language=language, name=text)


def read(client, code, language):
    with override(language):
        url = reverse("areas:area", args=[code])
    client.cookies["django_language"] = language
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, (url, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def test_an_area_page_names_the_area_and_its_parents_in_the_readers_language(client, home_page):
    world = make_world()
    town = world.municipalities[0]
    name(town, "fr", "Ville 101")
    name(world.country, "fr", "Nordlande")
    french = read(client, town.code, "fr")
    assert french.h1.get_text(strip=True) == "Ville 101"
    crumbs = french.get_text()
    assert "Nordlande" in crumbs
    assert "Region 1" in crumbs  # no French name: the original
    arabic = read(client, town.code, "ar")
    assert arabic.h1.get_text(strip=True) == "Town 101"
    english = read(client, town.code, "en-gb")
    assert english.h1.get_text(strip=True) == "Town 101"


def test_an_arabic_name_in_arabic(client, home_page):
    world = make_world()
    name(world.regions[0], "ar", "المنطقة 1")
    assert read(client, world.regions[0].code, "ar").h1.get_text(strip=True) == "المنطقة 1"


def test_hostile_html_in_an_area_name_is_escaped(client, home_page):
    world = make_world()
    name(world.municipalities[0], "fr", "<script>alert(1)</script>")
    client.cookies["django_language"] = "fr"
    with override("fr"):
        url = reverse("areas:area", args=[world.municipalities[0].code])
    body = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "<script>alert(1)</script>" not in body and "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_an_area_name_is_out_of_date_once_the_label_changes(home_page):
    world = make_world()
    translation = name(world.municipalities[0], "fr", "Ville 101")
    assert not translation.is_out_of_date
    Code.objects.filter(pk=world.municipalities[0].pk).update(label="Town One-O-One")
    assert AreaTranslation.objects.get(pk=translation.pk).is_out_of_date


def test_empty_duplicate_and_default_language_names_are_refused(home_page):
    world = make_world()
    town = world.municipalities[0]
    with pytest.raises(ValidationError) as excinfo:
        AreaTranslation(area=town, language="fr", name="").full_clean()
    assert "name" in excinfo.value.message_dict
    with pytest.raises(ValidationError) as excinfo:
        AreaTranslation(area=town, language="en-gb", name="Town").full_clean()
    assert "language" in excinfo.value.message_dict
    name(town, "fr", "Ville")
    with pytest.raises(ValidationError) as excinfo:
        AreaTranslation(area=town, language="fr", name="Autre").full_clean()
    assert excinfo.value.message_dict["language"] == [
        "This record already has a translation in this language: edit that one."
    ]


def test_area_pages_cost_no_extra_query_for_names(client, home_page):
    world = make_world()

    def queries(language):
        with override(language):
            url = reverse("areas:area", args=[world.regions[0].code])
        client.cookies["django_language"] = language
        client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        return counted_view(client, url, HTTP_ACCEPT_LANGUAGE=language)[0]

    english, french = queries("en-gb"), queries("fr")
    assert french <= english + 2
    name(world.regions[0], "fr", "Région 1")
    for town in world.municipalities:
        name(town, "fr", f"Ville {town.code}")
    assert queries("fr") == french


def test_saving_an_area_name_purges_the_area_pages(client, home_page, page_cache_on, committed):
    world = make_world()
    town = world.municipalities[0]
    with override("fr"):
        url = reverse("areas:area", args=[town.code])
    client.cookies["django_language"] = "fr"
    assert "Town 101" in client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    with committed():
        name(town, "fr", "Ville 101")
    assert "<h1>Ville 101</h1>" in client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()


def test_data_editors_name_areas_and_see_when_a_name_is_out_of_date(client, home_page):
    world = make_world()
    client.force_login(StaffFactory(groups=["Data editors"]))
    town = world.municipalities[0]
    response = client.post(
        reverse("areas_areatranslation_modeladmin_create"),
        {"area": town.pk, "language": "fr", "name": "Ville 101", "up_to_date": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    Code.objects.filter(pk=town.pk).update(label="Renamed")
    listing = client.get(reverse("areas_areatranslation_modeladmin_index")).content.decode()
    assert "Out of date: the source changed" in listing


def test_staff_without_the_area_codes_permissions_are_refused(client, home_page):
    world = make_world()
    translation = name(world.municipalities[0], "fr", "Ville 101")
    client.force_login(StaffFactory())
    for view, args in (
        ("index", []),
        ("create", []),
        ("edit", [translation.pk]),
        ("delete", [translation.pk]),
    ):
        assert client.get(reverse(f"areas_areatranslation_modeladmin_{view}", args=args)).status_code == 302
    client.post(reverse("areas_areatranslation_modeladmin_delete", args=[translation.pk]))
    assert AreaTranslation.objects.filter(pk=translation.pk).exists()
