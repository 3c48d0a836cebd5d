"""The admin's boundaries import: for data editors only, a check that lists every problem and
writes nothing, an import that writes, and CSRF protection; and the area levels' admin."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from areas.models import AreaBoundary, AreaLevel
from datasets.models import Code
from datasets.tests.factories import AreaListFactory
from tests.factories import StaffFactory, UserFactory

from .factories import geojson, hierarchy

pytestmark = pytest.mark.django_db
URL = "/admin/areas/boundaries/import/"


@pytest.fixture
def editor(client):
    client.force_login(StaffFactory(groups=["Data editors"]))
    return client


def upload(client, data, action="import", code_list="areas"):
    return client.post(
        URL, {"file": SimpleUploadedFile("areas.geojson", data), "code_list": code_list, action: ""}
    )


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/login/" in response.url


@pytest.mark.parametrize(
    "user",
    [
        lambda: UserFactory(),  # signed in, not staff
        lambda: StaffFactory(),  # staff without the permission
        lambda: StaffFactory(permissions=["areas.view_arealevel"]),  # may see levels, not import
    ],
)
def test_others_are_refused(client, user):
    AreaListFactory()
    client.force_login(user())
    for response in (client.get(URL), upload(client, geojson(hierarchy()))):
        assert response.status_code in (302, 403)
        assert response.status_code == 403 or "/login/" in response.url or response.url == "/admin/"
    assert not AreaBoundary.objects.exists()


def test_a_data_editor_checks_then_imports(editor):
    AreaListFactory()
    response = editor.get(URL)
    assert response.status_code == 200
    assert '<option value="areas">Areas</option>' in response.content.decode()
    checked = upload(editor, geojson(hierarchy()), action="check")
    assert "The file is valid: 4 areas (1 countries, 1 regions, 2 municipalities)" in checked.content.decode()
    assert not AreaBoundary.objects.exists()
    imported = upload(editor, geojson(hierarchy()))
    assert imported.status_code == 302
    assert AreaBoundary.objects.count() == 4
    page = editor.get(imported.url).content.decode()
    assert "Imported 4 areas" in page


def test_problems_are_listed_and_nothing_is_written(editor):
    AreaListFactory()
    features = hierarchy()
    features[3]["properties"]["parent"] = "<b>NOPE</b>"
    response = upload(editor, geojson(features))
    html = response.content.decode()
    assert response.status_code == 200
    assert "nothing was written" in html
    assert "Feature 4 (XM2): the parent &#x27;&lt;b&gt;NOPE&lt;/b&gt;&#x27; is unknown." in html
    assert not Code.objects.filter(code="XM1").exists() and not AreaBoundary.objects.exists()


def test_a_file_over_the_limit_is_refused(editor, monkeypatch):
    AreaListFactory()
    monkeypatch.setattr("areas.admin_views.MAX_FILE_BYTES", 10)
    response = upload(editor, geojson(hierarchy()))
    assert "The file is over 0 MB." in response.content.decode()
    assert not AreaBoundary.objects.exists()


def test_an_unknown_code_list_is_a_form_error(editor):
    AreaListFactory()
    response = upload(editor, geojson(hierarchy()), code_list="nope")
    assert "Select a valid choice" in response.content.decode()


def test_the_import_needs_the_csrf_token():
    AreaListFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(StaffFactory(groups=["Data editors"]))
    assert upload(client, geojson(hierarchy())).status_code == 403
    assert not AreaBoundary.objects.exists()


def test_data_editors_configure_levels(editor):
    assert list(AreaLevel.objects.values_list("slug", flat=True)) == ["country", "region", "municipality"]
    response = editor.get("/admin/areas/arealevel/")
    assert response.status_code == 200 and "municipalities" in response.content.decode()
    response = editor.get("/admin/")
    assert "Import boundaries" in response.content.decode()
