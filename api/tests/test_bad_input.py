"""Bad input gets a problem-details answer that says what to change, never a 500."""

import pytest

from api.tests.helpers import BASE, problem

pytestmark = pytest.mark.django_db
URL = f"{BASE}/observations"


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({"colour": "red"}, 400, "Unknown parameter 'colour'"),
        ({"period_from": "2024-13"}, 400, "the month must be 01 to 12"),
        ({"period_to": "24"}, 400, "not a period"),
        ({"limit": "100000"}, 422, "limit"),
        ({"limit": "0"}, 422, "limit"),
        ({"limit": "ten"}, 422, "limit"),
        ({"version": "x"}, 422, "version"),
        ({"indicator": ",".join(str(n) for n in range(150))}, 400, "150 values"),
        ({"indicator": ",".join(f"I{n}" for n in range(1000))}, 400, "characters long"),
        ({"area": [f"A{n}" for n in range(1000)]}, 400, "1000 values"),
        ({"area": "NAT,<script>alert(1)</script>"}, 400, "Unknown area codes"),
        ({"indicator": "NOPE"}, 400, "Unknown indicator codes"),
        ({"breakdown": "colour=red"}, 400, "no breakdown 'colour'"),
        ({"breakdown": "sex=X"}, 400, "Unknown sex codes"),
        ({"breakdown": "sex"}, 400, "is not list=code"),
        ({"cursor": "!!!"}, 400, "cursor"),
        ({"cursor": "bm90LWFuLWlk"}, 400, "cursor"),
        ({"format": "xml"}, 400, "Unknown format"),
        ({"area": "N" * 3000}, 400, "characters long"),
        ({"version": "2"}, 404, "no published version 2"),
        ({"version": "99"}, 404, "no published version 99"),
    ],
)
def test_bad_parameters(client, published, params, status, words):
    data = problem(client.get(URL, params), status)
    assert words in data["detail"]
    assert data["instance"] == URL


def test_unknown_addresses(client, published):
    problem(client.get("/api/v1/datasets/nope"), 404)
    problem(client.get("/api/v1/datasets/nope/observations"), 404)
    problem(client.get("/api/v1/nowhere/at/all"), 404)
    problem(client.get("/api/v1/releases/999999"), 404)
    problem(client.get(f"{BASE}/versions/7"), 404)


def test_accept_that_cannot_be_served(client, published):
    data = problem(client.get(URL, HTTP_ACCEPT="application/xml"), 406)
    assert "json, csv, json-stat, sdmx-csv" in data["detail"]
    problem(client.get(URL, HTTP_ACCEPT="text/csv;q=0"), 406)


def test_accept_picks_the_best_quality(client, published):
    response = client.get(URL, HTTP_ACCEPT="application/json;q=0.5, text/csv")
    assert response["Content-Type"].startswith("text/csv")
    assert client.get(URL, HTTP_ACCEPT="*/*")["Content-Type"] == "application/json"


def test_nul_characters_are_refused(client, published):
    data = problem(client.get(URL, {"area": "NAT\x00"}), 400)
    assert "not allowed in text" in data["detail"]
    elsewhere = client.get("/en/data/releases/", {"month": "\x00"})
    assert elsewhere.status_code == 400 and elsewhere["Content-Type"].startswith("text/html")


def test_bad_list_parameters(client, published):
    problem(client.get("/api/v1/datasets", {"limit": "1000"}), 422)
    problem(client.get("/api/v1/datasets", {"search": "x"}), 400)
    problem(client.get("/api/v1/releases", {"status": "done"}), 400)
    problem(client.get("/api/v1/releases", {"announced_from": "yesterday"}), 422)
