"""The "Data" menu for data editors: datasets with their indicators and versions."""

import pytest
from django.urls import reverse

from datasets.importing import import_observations
from datasets.models import CodeList
from datasets.tests.conftest import as_file
from tests.factories import StaffFactory


@pytest.fixture
def data_editor(client, db):
    client.force_login(StaffFactory(groups=["Data editors"]))
    return client


def test_data_editors_list_and_inspect_a_dataset_with_indicators_and_versions(data_editor, dataset):
    import_observations(
        dataset, as_file("indicator,period,area,value\nPOP,2024,NAT,1\n"), note="First release"
    )
    listing = data_editor.get(reverse("datasets_dataset_modeladmin_index"))
    assert listing.status_code == 200
    assert "v1 (1 rows)" in listing.content.decode()
    page = data_editor.get(reverse("datasets_dataset_modeladmin_inspect", args=[dataset.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Live births" in html
    assert "First release" in html


def test_a_dataset_without_versions_says_how_to_import(data_editor, dataset):
    page = data_editor.get(reverse("datasets_dataset_modeladmin_inspect", args=[dataset.pk]))
    assert "No version yet" in page.content.decode()


@pytest.mark.parametrize(
    ("name", "query"), [("indicator", "dataset"), ("codelist", "kind=area"), ("code", "code_list")]
)
def test_data_editors_list_indicators_and_code_lists(data_editor, dataset, name, query):
    url = reverse(f"datasets_{name}_modeladmin_index")
    assert data_editor.get(url).status_code == 200
    if "=" not in query:
        related = dataset if query == "dataset" else dataset.area_code_list
        query = f"{query}={related.pk}"
    assert data_editor.get(f"{url}?{query}").status_code == 200


def test_data_editors_add_a_code_list(data_editor):
    response = data_editor.post(
        reverse("datasets_codelist_modeladmin_create"),
        {"slug": "education", "name": "Education", "kind": "breakdown"},
    )
    assert response.status_code == 302
    assert CodeList.objects.filter(slug="education").exists()


def test_other_staff_do_not_see_the_data_menu(client, db, dataset):
    client.force_login(StaffFactory())
    response = client.get(reverse("datasets_dataset_modeladmin_index"))
    assert response.status_code == 302
