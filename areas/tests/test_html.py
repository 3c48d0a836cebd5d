import pytest

from areas.tests.world import make_world
from tests.html_validator import validate

pytestmark = pytest.mark.django_db

PATHS = [
    "/areas/M101/",
    "/areas/R1/",
    "/areas/NAT/",
    "/areas/M101/embed/",
    "/areas/NOPE/",
    "/areas/",
    "/areas/?q=town",
    "/areas/?q=towm",
    "/areas/?q=" + "x" * 101,
    "/areas/?q=",
    "/areas/compare/",
    "/areas/compare/?areas=M101&areas=M202&areas=R1",
    "/areas/compare/?areas=M101",
    "/areas/compare/?areas=M101&areas=%3Cb%3E",
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
