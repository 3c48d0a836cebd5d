"""Areas (code lists with their hierarchy) and correction notices: only what a published dataset
uses or a published version says, problem details for bad filters, queries that do not grow."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from api.tests.helpers import BASE, body, problem
from datasets.tests.factories import (
    AreaListFactory,
    CodeFactory,
    DatasetFactory,
    DatasetVersionFactory,
    RevisionNoticeFactory,
)

pytestmark = pytest.mark.django_db


def data(response, status=200):
    assert response.status_code == status, body(response)[:300]
    return json.loads(body(response))


@pytest.fixture
def hidden_list(published):
    """An area list only a dataset without a public version uses."""
    areas = AreaListFactory(slug="secret-areas", name="Secret areas")
    CodeFactory(code_list=areas, code="X1", label="Hidden town")
    DatasetFactory(slug="secret", area_code_list=areas)
    return areas


def test_area_lists_are_those_of_published_datasets(client, published, hidden_list):
    found = data(client.get("/api/v1/areas/lists"))
    assert [row["slug"] for row in found["results"]] == [published.area_code_list.slug]
    assert found["results"][0]["codes"] == 4 and found["count"] == 1
    assert "Hidden" not in json.dumps(data(client.get("/api/v1/areas")))
    problem(client.get("/api/v1/areas/secret-areas/X1"), 404)
    problem(client.get("/api/v1/areas", {"list": "secret-areas"}), 400)


def test_areas_have_their_level_parent_and_children(client, published):
    found = data(client.get("/api/v1/areas"))
    rows = {row["code"]: row for row in found["results"]}
    assert rows["NAT"] | {"url": ""} == {
        "list": published.area_code_list.slug,
        "code": "NAT",
        "name": "Country",
        "level": 0,
        "parent": None,
        "children_count": 2,
        "url": "",
    }
    assert (rows["R1"]["level"], rows["R1"]["parent"], rows["R1"]["children_count"]) == (1, "NAT", 1)
    assert (rows["M1"]["level"], rows["M1"]["parent"]) == (2, "R1")
    assert rows["M1"]["url"].endswith(f"/api/v1/areas/{published.area_code_list.slug}/M1")


def test_areas_filter_by_level_parent_and_list(client, published):
    slug = published.area_code_list.slug
    codes = lambda **query: [row["code"] for row in data(client.get("/api/v1/areas", query))["results"]]  # noqa: E731
    assert sorted(codes(level=1)) == ["R1", "R2"]
    assert codes(parent="R1") == ["M1"]
    assert codes(parent="NAT", level=2) == []
    assert len(codes(list=slug)) == 4
    page = data(client.get("/api/v1/areas", {"limit": 3}))
    assert page["count"] == 4 and len(page["results"]) == 3 and "offset=3" in page["next"]


def test_an_area_in_detail(client, published):
    slug = published.area_code_list.slug
    found = data(client.get(f"/api/v1/areas/{slug}/M1"))
    assert found["ancestors"] == ["NAT", "R1"] and found["children"] == [] and found["level"] == 2
    country = data(client.get(f"/api/v1/areas/{slug}/NAT"))
    assert sorted(child["code"] for child in country["children"]) == ["R1", "R2"]
    problem(client.get(f"/api/v1/areas/{slug}/NOPE"), 404)
    problem(client.get("/api/v1/areas/unknown-list/NAT"), 404)


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ({"parent": "NOPE"}, 400),
        ({"list": "<script>alert(1)</script>"}, 400),
        ({"level": "x"}, 422),
        ({"level": "-1"}, 422),
        ({"limit": "100000"}, 422),
        ({"parent": "R" * 51}, 422),
        ({"colour": "red"}, 400),
    ],
)
def test_bad_area_filters_are_problems(client, published, query, status):
    found = problem(client.get("/api/v1/areas", query), status)
    assert found["instance"] == "/api/v1/areas"  # JSON, never a page that would run the script


def test_area_queries_do_not_grow_with_the_hierarchy(client, published):
    def queries():
        with CaptureQueriesContext(connection) as context:
            client.get("/api/v1/areas")
            client.get(f"/api/v1/areas/{published.area_code_list.slug}/NAT")
        return len(context.captured_queries)

    few = queries()
    country = published.area_code_list.codes.get(code="NAT")
    for number in range(30):
        CodeFactory(code_list=published.area_code_list, code=f"Z{number}", parent=country)
    assert queries() == few


# Corrections


@pytest.fixture
def notices(published):
    """A public correction of the fixture's version 1 (as version 3), and a notice of an
    embargoed version that must show nowhere."""
    first = published.versions.get(number=1)
    now = timezone.now()
    public = RevisionNoticeFactory(
        previous=first, version=DatasetVersionFactory(dataset=published, number=3, published_at=now)
    )
    hidden = RevisionNoticeFactory(
        previous=first,
        version=published.versions.get(number=2),
        kind="revision",
        reason="The secret revision",
    )
    assert hidden.version.published_at > now
    return public


def test_public_corrections_are_listed(client, notices):
    found = data(client.get("/api/v1/corrections"))
    assert found["count"] == 1
    row = found["results"][0]
    assert row["id"] == str(notices.uid) and row["dataset"] == "population"
    assert (row["kind"], row["version"], row["previous_version"]) == ("correction", 3, 1)
    assert row["reason"] == notices.reason and row["url"].endswith(notices.get_absolute_url())
    assert "secret" not in json.dumps(found)
    assert data(client.get(f"{BASE}/corrections")) == found


def test_the_dataset_detail_lists_its_corrections(client, notices):
    found = data(client.get(BASE))
    assert [row["id"] for row in found["corrections"]] == [str(notices.uid)]
    assert "secret" not in json.dumps(found)


def test_corrections_filter_by_kind(client, notices):
    assert data(client.get("/api/v1/corrections", {"kind": "revision"}))["count"] == 0
    assert data(client.get("/api/v1/corrections", {"kind": "correction"}))["count"] == 1
    problem(client.get("/api/v1/corrections", {"kind": "typo"}), 400)
    problem(client.get("/api/v1/corrections", {"limit": "0"}), 422)
    problem(client.get("/api/v1/datasets/secret-survey/corrections"), 404)


def test_the_embargoed_notice_shows_once_its_version_is_public(client, notices, published):
    published.versions.filter(number=2).update(published_at=timezone.now() - timedelta(minutes=1))
    assert data(client.get("/api/v1/corrections"))["count"] == 2


def test_correction_queries_do_not_grow_with_the_notices(client, notices, published):
    def queries():
        with CaptureQueriesContext(connection) as context:
            client.get("/api/v1/corrections")
            client.get(BASE)
        return len(context.captured_queries)

    few = queries()
    first = published.versions.get(number=1)
    for number in range(4, 24):
        version = DatasetVersionFactory(dataset=published, number=number, published_at=timezone.now())
        RevisionNoticeFactory(previous=first, version=version)
    assert data(client.get("/api/v1/corrections"))["count"] == 21
    assert queries() == few
