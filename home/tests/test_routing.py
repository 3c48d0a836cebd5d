"""A page is found in two queries (portal/core/routing.py), with the answer Wagtail's own walk
of the tree gives for every kind of path."""

import pytest
from django.http import Http404
from django.test import RequestFactory
from wagtail.models import Site

from portal.core.caching.pagecache import purge_site
from portal.core.routing import route_in_two_queries, site_for_request
from stories.tests.factories import DataStoryPageFactory, StoryIndexPageFactory

from .factories import StandardPageFactory


def wagtail_route(site, path):
    """What Wagtail's ``Page.route`` answers: (page id, args) or "404"."""
    components = [part for part in path.split("/") if part]
    try:
        result = site.root_page.specific.route(RequestFactory().get(path), components)
    except Http404:
        return "404"
    return result.page.pk, result.args[0].__name__ if result.args else None


def fast_route(site, path):
    try:
        result = route_in_two_queries(RequestFactory().get(path), site.root_page, path)
    except Http404:
        return "404"
    if result is None:
        return None
    return result.page.pk, result.args[0].__name__ if result.args else None


@pytest.fixture
def tree(home_page):
    stories = StoryIndexPageFactory(parent=home_page, slug="stories")
    story = DataStoryPageFactory(parent=stories, slug="prices")
    draft_section = StandardPageFactory(parent=home_page, slug="drafts", live=False)
    StandardPageFactory(parent=draft_section, slug="visible", live=True)
    StandardPageFactory(parent=home_page, slug="about")
    return Site.objects.get(is_default_site=True), story


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/about/",
        "/stories/",
        "/stories/prices/",
        "/stories/prices/chart/b1/csv/",  # a route of a routable page
        "/stories/prices/unknown/",  # neither a route nor a child
        "/about/more/",  # below a page with no children or routes
        "/missing/",
        "/drafts/",  # a draft page
        "/drafts/visible/",  # a published page below a draft
    ],
)
def test_the_page_found_is_the_one_wagtail_finds(tree, path):
    site, _story = tree
    assert fast_route(site, path) == wagtail_route(site, path)


def test_a_route_of_a_page_above_wins_over_a_child_of_the_same_slug_as_in_wagtail(tree):
    site, story = tree
    StandardPageFactory(parent=story, slug="chart")
    path = "/stories/prices/chart/b1/csv/"
    assert wagtail_route(site, path) == (story.pk, "chart_csv")
    assert fast_route(site, path) is None  # Wagtail's own walk decides
    StandardPageFactory(parent=story, slug="notes")
    assert fast_route(site, "/stories/prices/notes/") == wagtail_route(site, "/stories/prices/notes/")


def test_a_page_three_levels_down_is_found_in_two_queries(tree, django_assert_num_queries):
    site, story = tree
    fast_route(site, "/stories/prices/")  # content types are read once per process
    with django_assert_num_queries(2):
        assert fast_route(site, "/stories/prices/") == (story.pk, "index_route")


def test_a_story_is_served_with_the_fast_route(tree, client):
    _site, story = tree
    response = client.get("/en/stories/prices/")
    assert response.status_code == 200
    assert response.context["page"].pk == story.pk
    assert client.get("/en/drafts/").status_code == 404
    assert client.get("/en/drafts/visible/").status_code == 200


@pytest.mark.usefixtures("page_cache_on")
def test_the_site_is_read_once_per_chrome_generation(tree, django_assert_num_queries, committed):
    site, _story = tree
    site_for_request(RequestFactory().get("/"))
    with django_assert_num_queries(0):
        cached = site_for_request(RequestFactory().get("/"))
    assert cached.pk == site.pk and cached.root_page.pk == site.root_page_id
    site.site_name = "Renamed"
    site.save()
    purge_site()  # what saving a site does (PURGE_SITE_ON_SAVE)
    assert site_for_request(RequestFactory().get("/")).site_name == "Renamed"


def test_a_host_that_is_not_allowed_is_left_to_wagtail(tree, settings):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "CHROME_SECONDS": 600}
    request = RequestFactory().get("/", HTTP_HOST="evil.example")
    site, _story = tree
    assert site_for_request(request).pk == site.pk  # Wagtail's fallback: the default site
