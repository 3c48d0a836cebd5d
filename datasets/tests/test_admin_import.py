"""The admin's import screen: preview (a dry run) first, then import; problems listed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from datasets.models import DatasetVersion
from tests.factories import StaffFactory

GOOD = b"indicator,period,area,value\nPOP,2024,NAT,10\n"


@pytest.fixture
def data_editor(client, db):
    editor = StaffFactory(groups=["Data editors"])
    client.force_login(editor)
    client.user = editor
    return client


def send(client, dataset, content, button, note=""):
    upload = SimpleUploadedFile("population.csv", content, content_type="text/csv")
    url = reverse("datasets_dataset_import", args=[dataset.pk])
    return client.post(url, {"file": upload, "format": "tidy", "note": note, button: ""})


def test_the_inspect_page_links_to_the_import_screen(data_editor, dataset):
    page = data_editor.get(reverse("datasets_dataset_modeladmin_inspect", args=[dataset.pk]))
    assert reverse("datasets_dataset_import", args=[dataset.pk]) in page.content.decode()
    assert data_editor.get(reverse("datasets_dataset_import", args=[dataset.pk])).status_code == 200


def test_preview_shows_the_changes_and_writes_nothing(data_editor, dataset):
    response = send(data_editor, dataset, GOOD, "preview")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Preview: 1 valid rows" in html
    assert "1 added, 0 removed, 0 changed" in html
    assert not DatasetVersion.objects.exists()


def test_import_makes_a_version_by_the_editor(data_editor, dataset):
    response = send(data_editor, dataset, GOOD, "import", note="From the admin")
    assert response.status_code == 302
    version = DatasetVersion.objects.get()
    assert (version.number, version.created_by, version.note, version.source_filename) == (
        1,
        data_editor.user,
        "From the admin",
        "population.csv",
    )


def test_problems_are_listed_with_line_and_column(data_editor, dataset):
    response = send(data_editor, dataset, GOOD + b"POP,2024-Q5,NAT,<script>\n", "import")
    html = response.content.decode()
    assert "line 3, column B (period): &#x27;2024-Q5&#x27;: the quarter must be Q1 to Q4" in html
    assert "&#x27;&lt;script&gt;&#x27; is not a number" in html
    assert "<script>" not in html.split("</form>")[0].split("help-critical")[-1]
    assert not DatasetVersion.objects.exists()


def test_staff_who_may_list_but_not_import_are_refused(client, dataset):
    client.force_login(StaffFactory(permissions=["datasets.view_dataset"]))
    url = reverse("datasets_dataset_import", args=[dataset.pk])
    refused = client.get(url)
    assert (refused.status_code, refused.url) == (302, reverse("wagtailadmin_home"))
    assert client.post(url, {"import": ""}).status_code == 302
    page = client.get(reverse("datasets_dataset_modeladmin_inspect", args=[dataset.pk]))
    assert url not in page.content.decode()
