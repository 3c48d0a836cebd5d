"""Observations through the API: every format read back and compared with what was imported,
the filters, the cursor, and the query count per page."""

import json

import pytest
from jsonstat_validator import validate_jsonstat

from api.tests.helpers import BASE, body, expected_rows, from_csv, from_json, from_jsonstat
from datasets.importing import import_observations
from datasets.tests.conftest import as_file

pytestmark = pytest.mark.django_db
URL = f"{BASE}/observations"


def test_json_round_trip(client, published):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    data = json.loads(body(response))
    assert data["version"] == 1 and data["next"] is None
    assert from_json(data) == expected_rows()


def test_csv_round_trip_through_the_importer(client, published):
    response = client.get(URL, {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    text = body(response).decode()
    assert from_csv(text) == expected_rows()
    # The project's own reader takes it back: against version 2 only its extra row differs.
    result = import_observations(published, as_file(text), dry_run=True)
    assert (result.diff.added, result.diff.removed, result.diff.changed) == (0, 1, 0)


def test_sdmx_csv_round_trip_through_the_importer(client, published):
    response = client.get(URL, HTTP_ACCEPT="application/vnd.sdmx.data+csv")
    assert response["Content-Type"].startswith("application/vnd.sdmx.data+csv")
    text = body(response).decode()
    assert text.startswith("DATAFLOW,INDICATOR,REF_AREA,AGE,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS,OBS_CONF")
    result = import_observations(published, as_file(text), fmt="sdmx-csv", dry_run=True)
    assert (result.diff.added, result.diff.removed, result.diff.changed) == (0, 1, 0)


def test_json_stat_is_valid_and_holds_every_figure(client, published):
    data = json.loads(body(client.get(URL, {"format": "json-stat"})))
    assert validate_jsonstat(data)
    assert data["id"][:3] == ["indicator", "area", "period"]
    assert data["dimension"]["indicator"]["category"]["unit"]["POP"]["label"] == "persons"
    assert from_jsonstat(data) == expected_rows()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"indicator": "BIRTHS"}, 2),
        ({"indicator": "BIRTHS,POP"}, 8),
        ({"area": ["R1", "R2"]}, 3),
        ({"period_from": "2024", "indicator": "POP"}, 4),
        ({"period_from": "2023", "period_to": "2023"}, 2),
        ({"breakdown": "sex=F"}, 4),
        ({"breakdown": ["sex=F", "sex=M"]}, 6),
        ({"breakdown": ["sex=F", "age=_T"]}, 3),
        ({"breakdown": "age=0-14"}, 1),
        ({"version": "1", "area": "M1"}, 0),
    ],
)
def test_filters(client, published, params, expected):
    data = json.loads(body(client.get(URL, params)))
    assert len(data["observations"]) == expected


def test_cursor_walks_every_row_once_in_order(client, published):
    seen, url, pages = [], URL + "?limit=3", 0
    while url:
        response = client.get(url)
        data = json.loads(body(response))
        seen += data["observations"]
        url = data["next"]
        if url:
            assert response["Link"] == f'<{url}>; rel="next"'
        pages += 1
    assert pages == 3 and len(seen) == 8
    assert from_json({"observations": seen}) == expected_rows()


def test_query_count_does_not_grow_with_the_page(client, published, django_assert_max_num_queries):
    with django_assert_max_num_queries(9) as small:
        client.get(URL, {"limit": 2, "format": "json-stat"})
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(URL, {"limit": 8, "format": "json-stat"})
