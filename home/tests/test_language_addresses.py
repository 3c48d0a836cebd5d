"""Addresses carry their language (``/en/``, ``/fr/``, ``/ar/``; portal/core/language_urls.py):
old addresses go on permanently to the visitor's language, an unknown language is a 404 in the
default language, and machines' addresses stay as they were."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from portal.core.language_urls import language_from_path, url_prefix, with_language, without_language

from .factories import StandardPageFactory
from .test_language_negotiation import visitor


def html_lang(response):
    return BeautifulSoup(response.content, "html.parser").html["lang"]


@pytest.fixture
def page(home_page):
    return StandardPageFactory(parent=home_page, title="Household income", slug="income")


def test_prefixes_are_the_first_part_of_each_language_code():
    assert [url_prefix(code) for code, _ in settings.LANGUAGES] == ["en", "fr", "ar"]
    assert language_from_path("/fr/income/") == "fr"
    assert language_from_path("/en/") == "en-gb"
    assert language_from_path("/en-gb/income/") is None
    assert language_from_path("/english/") is None
    assert language_from_path("/") is None
    assert without_language("/ar/data/") == "/data/"
    assert without_language("/ar") == "/"
    assert without_language("/data/") == "/data/"
    assert with_language("/data/", "en-gb") == "/en/data/"


@pytest.mark.django_db
def test_reversed_addresses_carry_the_active_language():
    assert reverse("search") == "/en/search/"
    with translation.override("ar"):
        assert reverse("search") == "/ar/search/"
    with translation.override("fr"):
        assert reverse("datasets:finder") == "/fr/data/"
        # Machines' addresses have none.
        assert reverse("sitemap") == "/sitemap.xml"
        assert reverse("health") == "/healthz/"


def test_a_page_is_served_in_the_language_of_its_address(page, client):
    for prefix, lang in [("en", "en-GB"), ("fr", "fr"), ("ar", "ar")]:
        response = client.get(f"/{prefix}/income/", HTTP_ACCEPT_LANGUAGE="fr")
        assert response.status_code == 200
        assert html_lang(response) == lang
        assert response["Content-Language"] == {"en": "en-gb"}.get(prefix, prefix)
        # The address alone decides, so caches need not vary on the visitor's headers.
        assert "Accept-Language" not in response.get("Vary", "")


@pytest.mark.parametrize(
    ("accept_language", "cookie", "prefix"),
    [
        (None, None, "en"),
        ("fr-CA,fr;q=0.9", None, "fr"),
        ("ar-EG", None, "ar"),
        ("de, es;q=0.5", None, "en"),
        ("x" * 500, None, "en"),
        ("fr", "ar", "ar"),  # the language cookie first
        (None, "klingon", "en"),
    ],
)
def test_an_old_address_goes_on_permanently_to_the_visitors_language(page, accept_language, cookie, prefix):
    response = visitor(accept_language, cookie).get("/income/?utm_source=old")
    assert response.status_code == 301
    assert response["Location"] == f"/{prefix}/income/?utm_source=old"
    assert {"accept-language", "cookie"} <= {part.strip().lower() for part in response["Vary"].split(",")}


def test_the_home_page_and_a_missing_slash_redirect_too(page):
    assert visitor("fr").get("/")["Location"] == "/fr/"
    assert visitor().get("/income")["Location"] == "/en/income/"
    # Words that start like a language code are still old addresses.
    assert visitor().get("/no-such-page/")["Location"] == "/en/no-such-page/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address",
    [
        "/data/releases/calendar.ics",
        "/data/releases/feed/atom/",
        "/data/corrections/feed/atom/",
        "/search/?q=prices",
        "/data/",
        "/areas/",
        "/accounts/login/",
    ],
)
def test_feeds_calendars_and_app_pages_redirect_as_pages_do(home_page, address):
    response = visitor("ar").get(address)
    assert response.status_code == 301
    assert response["Location"] == "/ar" + address
    assert visitor("ar").get(response["Location"]).status_code == 200


@pytest.mark.parametrize("address", ["/de/", "/es/income/", "/en-us/income/", "/pt-br/", "/zh-hans/"])
def test_an_unknown_language_is_a_404_in_the_default_language(page, address):
    response = visitor("fr").get(address)
    assert response.status_code == 404
    assert html_lang(response) == "en-GB"


def test_an_unknown_page_under_a_prefix_is_a_404_in_that_language(page):
    response = visitor().get("/ar/no-such-page/")
    assert response.status_code == 404
    assert html_lang(response) == "ar"


@pytest.mark.django_db
@pytest.mark.parametrize("address", ["/admin/", "/sitemap.xml", "/robots.txt", "/healthz/", "/api/"])
def test_addresses_for_machines_and_staff_have_no_prefix(home_page, address):
    response = visitor("fr").get(address)
    assert response.status_code in (200, 302)
    assert response.get("Location", "") != "/fr" + address


@pytest.mark.django_db
def test_a_form_posted_to_an_old_address_is_answered_in_place(home_page):
    """A redirect would turn the post into a GET and lose it (old pages' forms, one-click
    unsubscribes, webhooks): it is answered at the address under the visitor's language."""
    response = visitor("fr").post("/email/signup/", {"email": ""})
    assert response.status_code != 301
    assert response.status_code < 500


def test_an_address_no_page_could_have_is_a_404_not_a_redirect(page):
    response = visitor().get('/"><script>alert(1)</script>/')
    assert response.status_code == 404
    assert b"<script>alert(1)" not in response.content
