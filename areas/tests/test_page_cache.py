"""Area pages are in the page cache for anonymous visitors (a repeat visit runs no view and uses no
rate-limit allowance) and a release retires them at once; signed-in visitors and unknown areas are
never cached."""

import pytest
from django.utils import timezone

from areas.tests.pages import main_text
from areas.tests.world import observe
from datasets.models import Observation
from datasets.signals import publish_version
from datasets.tests.factories import DatasetVersionFactory
from home.tests.factories import StandardPageFactory

pytestmark = pytest.mark.usefixtures("page_cache_on")

PATHS = ("/en/areas/", "/en/areas/M101/", "/en/areas/compare/?areas=M101&areas=R1", "/en/areas/map/")


@pytest.mark.parametrize("path", PATHS)
def test_a_repeat_anonymous_visit_is_served_from_the_cache(client, world, path):
    first = client.get(path)
    second = client.get(path)
    assert first.status_code == second.status_code == 200
    assert first["X-Cache"] == "MISS" and second["X-Cache"] == "HIT"
    assert second.content == first.content and not second.cookies


def test_a_release_retires_the_cached_area_page(client, world, committed):
    assert "<strong>1,010</strong> persons" in main_text(client.get("/en/areas/M101/"))
    with committed():
        version = DatasetVersionFactory(dataset=world.population.dataset, published_at=None)
        Observation.objects.bulk_create(
            [observe(version, world.population, world.municipalities[0], "2026", 7777, "sex=_T")]
        )
        publish_version(version, at=timezone.now())
    response = client.get("/en/areas/M101/")
    assert response["X-Cache"] == "MISS"
    assert "<strong>7,777</strong> persons" in main_text(response)


def test_a_release_leaves_the_other_pages_cached(client, world, home_page, committed):
    about = StandardPageFactory(parent=home_page, title="About")
    client.get(about.url)
    with committed():
        publish_version(
            DatasetVersionFactory(dataset=world.population.dataset, published_at=None), at=timezone.now()
        )
    assert client.get(about.url)["X-Cache"] == "HIT"


def test_an_unknown_area_is_never_cached(client, world):
    assert client.get("/en/areas/XX9/").status_code == 404
    assert "X-Cache" not in client.get("/en/areas/XX9/")


def test_a_signed_in_visitor_is_never_served_a_cached_page(client, world, django_user_model):
    client.get("/en/areas/M101/")
    client.force_login(
        django_user_model.objects.create_user("reader@example.org", password="x-Strong-pass-1")
    )
    response = client.get("/en/areas/M101/")
    assert response.status_code == 200 and "X-Cache" not in response
