"""Downloads of whole versions: immutable addresses, 304 on a second request, a spreadsheet with
its metadata sheet and no formulas, and flat memory however many rows stream."""

import io
import tracemalloc
from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from api.tests.helpers import BASE, body, expected_rows, from_csv
from datasets.models import Observation
from datasets.tests.factories import (
    AreaListFactory,
    CodeFactory,
    DatasetFactory,
    DatasetVersionFactory,
    IndicatorFactory,
)

pytestmark = pytest.mark.django_db
FORMATS = ["json", "csv", "xlsx", "json-stat", "sdmx-csv"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_immutable_and_304(client, published, fmt):
    url = f"{BASE}/versions/1/download/{fmt}"
    first = client.get(url)
    assert first.status_code == 200
    assert first["Cache-Control"] == "public, max-age=31536000, immutable"
    assert first["Content-Disposition"].startswith('attachment; filename="population-v1.')
    assert first["Access-Control-Allow-Origin"] == "*"
    assert body(first)
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and not body(again)
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"another"').status_code == 200


def test_csv_download_is_version_one(client, published):
    assert from_csv(body(client.get(f"{BASE}/versions/1/download/csv")).decode()) == expected_rows()


def test_unknown_format(client, published):
    response = client.get(f"{BASE}/versions/1/download/pdf")
    assert response.status_code == 404 and response["Content-Type"] == "application/problem+json"


def test_spreadsheet_has_its_metadata_and_no_formulas(client, published):
    published.title = '=HYPERLINK("http://evil.example","Click")'
    published.contact_name = "@SUM(A1)"
    published.save()
    book = load_workbook(io.BytesIO(body(client.get(f"{BASE}/versions/1/download/xlsx"))))
    data = list(book["Data"].iter_rows(values_only=True))
    assert data[0] == ("indicator", "period", "area", "age", "sex", "value", "status")
    assert ("POP", "2023", "NAT", "_T", "F", 1234.5, "A") in data
    assert ("BIRTHS", "2024", "R2", "15-64", "F", None, "C") in data
    assert len(data) == 9
    about = {row[0]: row[1] for row in book["About"].iter_rows(values_only=True) if row and row[0]}
    assert about["Dataset"] == '\'=HYPERLINK("http://evil.example","Click")'
    assert about["Contact"].startswith("'@SUM(A1)")
    assert about["Licence"] == "CC BY 4.0"
    assert "version 1, published" in about["How to cite"]
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f"


def _big_version(rows):
    """``rows`` observations: 100 months of rows / 100 areas (a cube's categories stay small)."""
    areas = AreaListFactory()
    codes = [CodeFactory(code_list=areas, code=f"A{n}") for n in range(rows // 100)]
    dataset = DatasetFactory(slug=f"big-{rows}", area_code_list=areas)
    indicator = IndicatorFactory(dataset=dataset, code="POP")
    version = DatasetVersionFactory(dataset=dataset, number=1, published_at=timezone.now(), row_count=rows)
    Observation.objects.bulk_create(
        (
            Observation(
                version=version,
                indicator=indicator,
                period=f"{2000 + n % 100 // 12}-{n % 100 % 12 + 1:02d}",
                period_start=date(2000 + n % 100 // 12, n % 100 % 12 + 1, 1),
                area=codes[n // 100],
                value=Decimal(n),
            )
            for n in range(rows)
        ),
        batch_size=2000,
    )
    return dataset


def _peak(client, dataset, fmt):
    response = client.get(f"/api/v1/datasets/{dataset.slug}/versions/1/download/{fmt}")
    assert response.streaming
    tracemalloc.start()
    size = sum(len(chunk) for chunk in response.streaming_content)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return size, peak


@pytest.mark.parametrize("fmt", ["csv", "json-stat"])
def test_streams_with_flat_memory(client, fmt):
    small, large = _big_version(2000), _big_version(20000)
    small_size, small_peak = _peak(client, small, fmt)
    large_size, large_peak = _peak(client, large, fmt)
    assert large_size > 5 * small_size
    # Ten times the rows: the peak grows by far less than the file (measured: see docs/api.md).
    assert large_peak < 2 * small_peak + large_size // 4
