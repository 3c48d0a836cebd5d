from unittest import mock
from xml.etree import ElementTree

import pytest

from home.tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_lists_live_pages_only(client, home_page):
    StandardPageFactory(parent=home_page, title="About", slug="about")
    StandardPageFactory(parent=home_page, title="Embargoed", slug="embargoed", live=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = [loc.text for loc in ElementTree.fromstring(response.content).findall(".//s:loc", SITEMAP_NS)]
    assert "http://localhost/en/" in locations
    assert "http://localhost/en/about/" in locations
    assert not any("embargoed" in location for location in locations)


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_private_areas(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Disallow: /accounts/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_favicon_redirects_to_the_static_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/img/favicon.ico"


def test_health_reports_ok(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_health_reports_a_broken_database(client):
    with mock.patch("portal.views.connection.cursor", side_effect=RuntimeError("down")):
        response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_health_reports_a_broken_cache(client):
    with mock.patch("portal.views.cache.set", side_effect=ConnectionError("down")):
        response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json()["cache"] == "unavailable"


def test_security_headers_on_public_pages(client, home_page):
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_public_pages_have_no_inline_scripts_or_styles(client, home_page):
    from bs4 import BeautifulSoup

    StandardPageFactory(parent=home_page, title="About", slug="about", intro="Population figures.")
    for url in ("/en/", "/en/about/", "/en/search/?q=population", "/en/accounts/login/", "/en/no-such-page/"):
        html = BeautifulSoup(client.get(url).content, "html.parser")
        inline_scripts = [tag for tag in html.find_all("script") if not tag.get("src")]
        assert inline_scripts == [], url
        assert html.find_all("style") == [], url
        assert html.find_all(style=True) == [], url


def test_forms_carry_csrf_tokens(client):
    html = client.get("/en/accounts/login/").content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
