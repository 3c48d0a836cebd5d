import re

import pytest
from django.test import override_settings

from areas.tests.pages import main_text
from areas.tests.world import grow_world, make_world
from datasets.models import Code
from tests.queries import queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home_page):
    found = make_world()
    Code.objects.filter(code="M102").update(label="Vargøy")
    return found


def results(response):
    page = main_text(response)
    if 'class="area-results__list"' not in page:
        return []
    section = page.split('class="area-results__list"')[1].split("</ol>")[0]
    return re.findall(r'href="/en/areas/([^/]+)/"', section)


def test_lists_every_region_with_its_municipalities_without_a_search(client, world):
    response = client.get("/en/areas/")
    assert response.status_code == 200
    page = main_text(response)
    assert '<a href="/en/areas/R1/">Region 1</a>' in page and '<a href="/en/areas/M203/">Town 203</a>' in page
    assert "areas/find.js" in response.content.decode()


@pytest.mark.parametrize("query", ["vargoy", "VARGØY", "  varg  ", "Vargoy"])
def test_search_by_name_ignores_case_and_accents(client, world, query):
    assert results(client.get("/en/areas/", {"q": query})) == ["M102"]


def test_search_by_code(client, world):
    response = client.get("/en/areas/", {"q": "m201"})
    assert results(response) == ["M201"]
    assert "Municipality in Region 2, code M201" in main_text(response)


def test_a_typo_gets_suggestions(client, world):
    page = main_text(client.get("/en/areas/", {"q": "Vargoi"}))
    assert "No area is called “Vargoi”" in page
    assert 'Did you mean:</p> <ul><li><a href="/en/areas/M102/">Vargøy</a>' in page


def test_nothing_close_says_what_to_do(client, world):
    page = main_text(client.get("/en/areas/", {"q": "qqqqqqqq"}))
    assert "No area is called" in page and "Check the spelling" in page


def test_empty_query_explains(client, world):
    response = client.get("/en/areas/", {"q": "   "})
    assert response.status_code == 200
    assert "Type part of a name" in main_text(response)


@pytest.mark.parametrize(
    ("query", "message"),
    [("x" * 101, "Type at most 100 characters"), ("Var\x01gøy", "control characters")],
)
def test_bad_queries_get_a_message_and_focusable_summary(client, world, query, message):
    response = client.get("/en/areas/", {"q": query})
    assert response.status_code == 400
    page = main_text(response)
    assert message in page
    assert 'class="error-summary" role="alert"' in page and 'aria-invalid="true"' in page


def test_a_nul_byte_is_refused_by_the_site_with_a_message(client, world):
    response = client.get("/en/areas/", {"q": "Var\x00gøy"})
    assert response.status_code == 400 and "control character" in main_text(response)


def test_script_in_the_query_is_shown_as_main_text(client, world):
    response = client.get("/en/areas/", {"q": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in main_text(response)


def test_suggest_json(client, world):
    data = client.get("/en/areas/suggest/", {"q": "town 2"}).json()
    assert [r["code"] for r in data["results"]] == ["M201", "M202", "M203"]
    assert data["results"][0] == {
        "code": "M201",
        "name": "Town 201",
        "level": "municipality",
        "parent": "Region 2",
        "url": "/en/areas/M201/",
    }
    assert data["close_matches"] is False
    close = client.get("/en/areas/suggest/", {"q": "vargoi"}).json()
    assert close["close_matches"] is True and close["results"][0]["code"] == "M102"


def test_suggest_refuses_bad_input_with_json(client, world):
    response = client.get("/en/areas/suggest/", {"q": "a\x1b"})
    assert response.status_code == 400 and "control characters" in response.json()["error"]
    assert client.get("/en/areas/suggest/", {"q": ""}).json()["results"] == []
    assert client.get("/en/areas/suggest/", {"q": "y" * 500}).status_code == 400


@override_settings(ACCOUNT_RATE_LIMITS={"area_search": "3/m/ip"})
def test_searches_are_rate_limited(client, world):
    for _ in range(3):
        assert client.get("/en/areas/", {"q": "town"}).status_code == 200
    response = client.get("/en/areas/", {"q": "town"})
    assert response.status_code == 429 and int(response["Retry-After"]) >= 1
    assert client.get("/en/areas/suggest/", {"q": "town"}).status_code == 429


def test_find_queries_do_not_grow_with_areas(client, world):
    few = queries_for(client, "/en/areas/?q=town")
    grow_world(world, towns=500, indicators=0)
    assert queries_for(client, "/en/areas/?q=town") == few


def test_with_thousands_of_areas_the_list_stops_at_regions(client, world):
    grow_world(world, towns=300, indicators=0)
    page = main_text(client.get("/en/areas/"))
    assert '<a href="/en/areas/R1/">Region 1</a>' in page and "/en/areas/M101/" not in page
