"""An area page's figures are rendered once per area, data version and language, then kept: a
later visit reads no figure, a new version or any data change shows at once, and each language
has its own copy. The pages mentioning the area are kept until a page is published."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from areas import profiles
from areas.tests.pages import main_text
from areas.tests.world import grow_world, make_world, observe, published_version
from datasets.models import Observation
from tests.queries import queries_for

pytestmark = pytest.mark.django_db
PATHS = ("/en/areas/M101/", "/en/areas/R1/", "/en/areas/NAT/")


@pytest.fixture
def builds(monkeypatch):
    """How many times an area's figures were built (not taken from the cache)."""
    made = []
    build = profiles.build

    def counted(tree, place):
        made.append(place.code)
        return build(tree, place)

    monkeypatch.setattr(profiles, "build", counted)
    return made


def reads_figures(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return [query["sql"] for query in captured.captured_queries if "datasets_observation" in query["sql"]]


def test_a_second_visit_reads_no_figure(client, world, builds):
    assert reads_figures(client, "/en/areas/M101/"), "the first visit builds the figures"
    assert not reads_figures(client, "/en/areas/M101/")
    assert builds == ["M101"]
    assert "<strong>1,010</strong> persons" in main_text(client.get("/en/areas/M101/"))


def built_and_kept_queries(client):
    """Queries with every cache empty (after one visit for per-process caches), then kept."""
    built = {}
    for path in PATHS:
        client.get(path)
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        built[path] = len(captured.captured_queries)
    return built, {path: queries_for(client, path) for path in PATHS}


def test_queries_stay_constant_built_or_kept_with_many_areas_and_figures(client, home_page):
    """Few: 2 regions of 3 towns, 2 indicators. Many: 2,006 towns, 102 indicators."""
    world = make_world()
    few_built, few_kept = built_and_kept_queries(client)
    assert all(count <= 15 for count in few_kept.values()), few_kept
    assert all(few_kept[path] < few_built[path] for path in PATHS), (few_kept, few_built)
    grow_world(world, towns=1000, indicators=100)
    assert built_and_kept_queries(client) == (few_built, few_kept)


def test_a_new_version_shows_its_figure_at_once(client, world):
    assert "<strong>1,010</strong> persons" in main_text(client.get("/en/areas/M101/"))
    version = published_version(world.population.dataset, days_ago=0)
    Observation.objects.bulk_create(
        [observe(version, world.population, world.municipalities[0], "2026", 7777, "sex=_T")]
    )
    page = main_text(client.get("/en/areas/M101/"))
    assert "<strong>7,777</strong> persons" in page
    assert "<strong>1,010</strong>" not in page.split("All the data")[0]


def test_a_renamed_area_shows_its_new_name_at_once(client, world, django_capture_on_commit_callbacks):
    client.get("/en/areas/M102/")
    with django_capture_on_commit_callbacks(execute=True):
        town = world.municipalities[0]
        town.label = "Newtown"
        town.save()
    page = main_text(client.get("/en/areas/M102/"))
    assert "Newtown" in page.split('id="similar-heading"')[1]


def test_one_copy_per_language(client, world, builds):
    for language in ("fr", "en-gb", "fr", "en-gb"):
        page = main_text(client.get(f"/{language[:2]}/areas/M101/"))
        french = "Derniers chiffres" in page
        assert french == (language == "fr"), language
        assert "Latest figures" in page if language == "en-gb" else "Latest figures" not in page
    assert builds == ["M101", "M101"]


def test_an_unknown_area_builds_and_keeps_nothing(client, world, builds):
    for path in ("/en/areas/NOPE/", "/en/areas/%3Cscript%3E/"):
        assert client.get(path).status_code == 404
    assert builds == []


def test_a_page_published_about_the_area_is_linked_at_once(
    client, world, home_page, django_capture_on_commit_callbacks
):
    from home.tests.factories import StandardPageFactory

    assert "Life in Town 101" not in main_text(client.get("/en/areas/M101/"))
    with django_capture_on_commit_callbacks(execute=True):
        page = StandardPageFactory(parent=home_page, title="Life in Town 101", intro="A day in Town 101.")
        page.save_revision().publish()
    assert "Life in Town 101" in main_text(client.get("/en/areas/M101/"))
