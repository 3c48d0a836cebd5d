"""gzip when the client accepts it: the same bytes once decompressed, downloads still streamed,
ETags (made weak by compression) still answered with 304; nothing compressed otherwise."""

import gzip

import pytest

from api.tests.helpers import BASE, body

pytestmark = pytest.mark.django_db
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.mark.parametrize("fmt", ["json", "csv", "json-stat", "sdmx-csv"])
def test_observations_in_every_format(client, published, fmt):
    url = f"{BASE}/observations?format={fmt}"
    plain = client.get(url)
    packed = client.get(url, **GZIP)
    assert "Content-Encoding" not in plain and "Accept-Encoding" in plain["Vary"]
    assert packed["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed["Vary"]
    assert packed["Content-Type"] == plain["Content-Type"]
    assert int(packed["Content-Length"]) == len(packed.content)
    assert gzip.decompress(packed.content) == plain.content


def test_public_answers_are_compressed_without_random_padding(client, published):
    """Public data holds no secret to guard with padding: the same bytes every time."""
    url = f"{BASE}/observations?format=csv"
    answers = {client.get(url, **GZIP).content for _ in range(5)}
    assert len(answers) == 1


@pytest.mark.parametrize("fmt", ["csv", "json", "json-stat", "sdmx-csv"])
def test_downloads_stream_compressed_and_answer_304(client, published, fmt):
    url = f"{BASE}/versions/1/download/{fmt}"
    plain = client.get(url)
    packed = client.get(url, **GZIP)
    assert packed.streaming and packed["Content-Encoding"] == "gzip"
    assert "Content-Length" not in packed
    assert gzip.decompress(body(packed)) == body(plain)
    assert packed["ETag"] == f"W/{plain['ETag']}"
    for etag in (packed["ETag"], plain["ETag"]):
        again = client.get(url, HTTP_IF_NONE_MATCH=etag, **GZIP)
        assert again.status_code == 304 and body(again) == b""
        assert "Content-Encoding" not in again


def test_spreadsheets_are_not_compressed_again(client, published):
    response = client.get(f"{BASE}/versions/1/download/xlsx", **GZIP)
    assert response.status_code == 200 and "Content-Encoding" not in response
    assert body(response)[:2] == b"PK"


def test_other_encodings_only_are_not_gzip(client, published):
    response = client.get(f"{BASE}/observations", HTTP_ACCEPT_ENCODING="br")
    assert "Content-Encoding" not in response


def test_html_pages_of_the_site_are_not_compressed(client, published):
    response = client.get("/api/", **GZIP)
    assert response.status_code == 200 and "Content-Encoding" not in response
