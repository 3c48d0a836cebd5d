import pytest

from areas.tests.world import make_world
from tests.html_validator import validate

pytestmark = pytest.mark.django_db

PATHS = [
    "/en/areas/M101/",
    "/en/areas/R1/",
    "/en/areas/NAT/",
    "/en/areas/M101/embed/",
    "/en/areas/NOPE/",
    "/en/areas/",
    "/en/areas/?q=town",
    "/en/areas/?q=towm",
    "/en/areas/?q=" + "x" * 101,
    "/en/areas/?q=",
    "/en/areas/compare/",
    "/en/areas/compare/?areas=M101&areas=M202&areas=R1",
    "/en/areas/compare/?areas=M101",
    "/en/areas/compare/?areas=M101&areas=%3Cb%3E",
]


def test_area_pages_are_valid_html(client, home_page):
    make_world()
    pages = {}
    for path in PATHS:
        response = client.get(path)
        assert response.status_code in (200, 400, 404), path
        pages[path] = response.content
    errors = validate(pages)
    assert not errors, "\n".join(errors)
