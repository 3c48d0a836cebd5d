"""Rate limits per address, CORS, the schema and the docs served from this site, the guide."""

import json
import re

import pytest

from api.tests.helpers import BASE, problem

pytestmark = pytest.mark.django_db


def test_rate_limit_per_address(client, published, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "api": "2/m/ip"}
    assert client.get(BASE).status_code == 200
    assert client.get(f"{BASE}/versions/1/download/csv").status_code == 200
    data = problem(client.get(f"{BASE}/observations"), 429)
    refused = client.get(BASE)
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert f"{refused['Retry-After']} seconds" in json.loads(refused.content)["detail"]
    assert "Too many requests" in data["detail"]
    # Another address is counted on its own.
    assert client.get(BASE, REMOTE_ADDR="10.9.9.9").status_code == 200


def test_cors_only_on_reads(client, published):
    assert client.get("/api/v1/releases")["Access-Control-Allow-Origin"] == "*"
    response = client.post("/api/v1/releases")
    assert response.status_code == 405
    assert "Access-Control-Allow-Origin" not in response


def test_openapi_schema(client, published):
    schema = json.loads(client.get("/api/v1/openapi.json").content)
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    for path in ["/api/v1/datasets", "/api/v1/datasets/{slug}/observations", "/api/v1/releases"]:
        assert path in paths
    assert "429" in paths["/api/v1/datasets/{slug}/observations"]["get"]["responses"]


def test_docs_load_nothing_from_elsewhere(client, published):
    html = client.get("/api/v1/docs/").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(source.startswith("/static/ninja/") for source in sources)
    assert "<script>" not in html  # no inline script: the site's CSP allows none


def test_guide_page(client, published):
    response = client.get("/api/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "http://testserver/api/v1/datasets/population/observations" in html
    assert 'href="/api/v1/docs/"' in html and 'href="/api/v1/openapi.json"' in html
    assert "import requests" in html
    assert 'href="/accounts/api-keys/"' in html and "Authorization: Bearer $PORTAL_API_KEY" in html
