"""Correction and revision notices in every download and API answer: JSON and JSON-stat carry
them as data, the spreadsheet's About sheet as lines, CSV and SDMX-CSV (which must stay plain
tables) as ``Link`` headers to the notice's page. An embargoed notice shows nowhere."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from api.tests.helpers import BASE, body
from datasets.importing import import_observations
from datasets.models import RevisionNotice
from datasets.tests.conftest import as_file

pytestmark = pytest.mark.django_db
FIRST = "indicator,period,area,value,status\nPOP,2023,NAT,1020,\nPOP,2024,NAT,1030,P\n"
SECOND = "indicator,period,area,value,status\nPOP,2023,NAT,1020,\nPOP,2024,NAT,1045,\n"
THIRD = SECOND + "POP,2025,NAT,1050,P\n"
REASON = "The 2024 figure counted a municipality twice."
FORMATS = ["json", "csv", "xlsx", "json-stat", "sdmx-csv"]


@pytest.fixture
def corrected(dataset, django_capture_on_commit_callbacks):
    """Version 1, version 2 correcting one of its figures (with a notice), version 3 adding one."""
    with django_capture_on_commit_callbacks(execute=True):
        import_observations(dataset, as_file(FIRST), publish=True)
        import_observations(dataset, as_file(SECOND), publish=True, revision_kind="correction", reason=REASON)
        import_observations(dataset, as_file(THIRD), publish=True)
    return RevisionNotice.objects.get()


def download(client, number, fmt):
    return client.get(f"{BASE}/versions/{number}/download/{fmt}")


def about_sheet(response):
    book = load_workbook(io.BytesIO(body(response)))
    return {row[0]: row[1] for row in book["About"].iter_rows(values_only=True) if row and row[0]}


@pytest.mark.parametrize("number", [2, 3])
def test_json_carries_the_notice(client, corrected, number):
    data = json.loads(body(download(client, number, "json")))
    [notice] = data["notices"]
    assert notice["kind"] == "correction" and notice["label"] == "Correction"
    assert notice["version"] == 2 and notice["reason"] == REASON
    assert notice["url"] == f"http://testserver/en/data/corrections/{corrected.pk}/"
    assert notice["published_at"] == corrected.published_at.isoformat()


def test_jsonstat_carries_the_notice_as_note_and_extension(client, corrected):
    data = json.loads(body(download(client, 2, "json-stat")))
    [line] = data["note"]
    assert line.startswith(f"{corrected.published_at:%Y-%m-%d} Correction in version 2: {REASON} — ")
    assert line.endswith(f"http://testserver/en/data/corrections/{corrected.pk}/")
    assert data["extension"]["notices"][0]["reason"] == REASON
    assert data["value"], "the figures are still there"


def test_spreadsheet_about_sheet_names_the_notice(client, corrected):
    about = about_sheet(download(client, 3, "xlsx"))
    assert about["Correction"] == (
        f"{corrected.published_at:%Y-%m-%d} Correction in version 2: {REASON} — "
        f"http://testserver/en/data/corrections/{corrected.pk}/"
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_download_links_the_notice_page(client, corrected, fmt):
    response = download(client, 2, fmt)
    assert response.status_code == 200
    assert response["Link"] == (
        f'<http://testserver/en/data/corrections/{corrected.pk}/>; rel="describedby"; '
        'title="Correction, version 2"'
    )


@pytest.mark.parametrize("fmt", ["csv", "sdmx-csv"])
def test_csv_stays_a_plain_table(client, corrected, fmt):
    text = body(download(client, 2, fmt)).decode()
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 3 and all(len(row) == len(rows[0]) for row in rows)
    assert REASON not in text and "corrections" not in text


def test_the_current_data_leads_to_a_download_with_the_notice(client, corrected):
    redirect = client.get(f"{BASE}/download/json")
    assert redirect.status_code == 302 and redirect["Location"].endswith("/versions/3/download/json")
    assert json.loads(body(client.get(redirect["Location"])))["notices"][0]["version"] == 2


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_version_without_notice_carries_none(client, corrected, fmt):
    response = download(client, 1, fmt)
    assert response.status_code == 200 and not response.has_header("Link")
    if fmt == "json":
        assert json.loads(body(response))["notices"] == []
    elif fmt == "json-stat":
        data = json.loads(body(response))
        assert "note" not in data and data["extension"]["notices"] == []
    elif fmt == "xlsx":
        assert "Correction" not in about_sheet(response)
    else:
        assert REASON not in body(response).decode()


def test_an_embargoed_notice_shows_nowhere(client, corrected):
    corrected.version.published_at = timezone.now() + timedelta(days=1)
    corrected.version.save(update_fields=["published_at"])
    assert download(client, 2, "json").status_code == 404
    response = download(client, 1, "json")
    assert json.loads(body(response))["notices"] == [] and not response.has_header("Link")


def test_a_new_notice_changes_the_etag(client, corrected):
    first = download(client, 2, "json")
    RevisionNotice.objects.all().delete()
    again = client.get(f"{BASE}/versions/2/download/json", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and again["ETag"] != first["ETag"]


def test_hostile_reason_is_text_everywhere(client, corrected):
    hostile = '=HYPERLINK("http://evil.example","x")\x07 <script>alert(1)</script>\r\nSet-Cookie: a=b'
    RevisionNotice.objects.filter(pk=corrected.pk).update(reason=hostile)
    response = download(client, 2, "csv")
    assert "evil" not in response["Link"] and "Set-Cookie" not in response["Link"]
    assert not response.has_header("Set-Cookie")
    book = load_workbook(io.BytesIO(body(download(client, 2, "xlsx"))))
    line = {row[0]: row[1] for row in book["About"].iter_rows(values_only=True) if row and row[0]}[
        "Correction"
    ]
    assert '=HYPERLINK("http://evil.example","x") <script>' in line and "\x07" not in line
    assert "\r" not in line and "\n" not in line
    for row in book["About"].iter_rows():
        for cell in row:
            assert cell.data_type != "f"
    data = json.loads(body(download(client, 2, "json")))
    assert data["notices"][0]["reason"] == hostile, "JSON carries the text as data, escaped by JSON"


def test_observations_endpoint_carries_the_notice(client, corrected):
    data = json.loads(body(client.get(f"{BASE}/observations?version=2&limit=1")))
    assert data["notices"][0]["version"] == 2 and data["next"]
    response = client.get(f"{BASE}/observations?version=2&limit=1&format=csv")
    assert 'rel="next"' in response["Link"] and 'rel="describedby"' in response["Link"]
    stat = json.loads(body(client.get(f"{BASE}/observations?version=3&format=json-stat")))
    assert stat["note"][0].startswith(f"{corrected.published_at:%Y-%m-%d} Correction in version 2")
    first = json.loads(body(client.get(f"{BASE}/observations?version=1")))
    assert first["notices"] == []
