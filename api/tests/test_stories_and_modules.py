"""Stories and e-modules as metadata: live pages anyone may see, never a draft or a private
page; filters by topic and tier; problem details for bad ones; queries that do not grow."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from api.tests.helpers import body, problem
from literacy.modules.tests.factories import ModuleIndexPageFactory, ModulePageFactory
from stories.tests.factories import DataStoryPageFactory, StoryIndexPageFactory

pytestmark = pytest.mark.django_db


def data(response):
    assert response.status_code == 200, body(response)[:300]
    return json.loads(body(response))


@pytest.fixture
def stories(home_page):
    index = StoryIndexPageFactory()
    public = DataStoryPageFactory(parent=index, title="Prices rise more slowly", topics=["prices"])
    DataStoryPageFactory(parent=index, title="Draft about jobs", live=False, topics=["jobs"])
    private = DataStoryPageFactory(parent=index, title="Private housing story", topics=["housing"])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return index, public


@pytest.fixture
def modules(home_page):
    index = ModuleIndexPageFactory()
    public = ModulePageFactory(parent=index, title="Averages", tier="intermediate")
    public.topics.add("averages")
    public.save_revision().publish()
    ModulePageFactory(parent=index, title="Draft module", live=False)
    private = ModulePageFactory(parent=index, title="Private module")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    return index, public


def test_only_live_public_stories_are_listed(client, stories):
    _index, public = stories
    found = data(client.get("/api/v1/stories"))
    assert found["count"] == 1 and found["next"] is None
    row = found["results"][0]
    assert row["title"] == "Prices rise more slowly" and row["topics"] == ["prices"]
    assert row["url"] == public.get_full_url() and row["tier"] == "basic" and row["format"] == "story"
    assert row["summary"] == public.standfirst and row["first_published_at"]
    assert "Draft" not in json.dumps(found) and "Private" not in json.dumps(found)


def test_stories_filter_by_topic_and_tier(client, stories):
    assert data(client.get("/api/v1/stories", {"topic": "prices"}))["count"] == 1
    assert data(client.get("/api/v1/stories", {"topic": "jobs"}))["count"] == 0
    assert data(client.get("/api/v1/stories", {"topic": "housing"}))["count"] == 0
    assert data(client.get("/api/v1/stories", {"tier": "advanced"}))["count"] == 0
    assert data(client.get("/api/v1/stories", {"tier": "basic"}))["count"] == 1


def test_only_live_public_modules_are_listed(client, modules):
    _index, public = modules
    found = data(client.get("/api/v1/modules"))
    assert [row["title"] for row in found["results"]] == ["Averages"]
    row = found["results"][0]
    assert (row["tier"], row["topics"], row["duration_minutes"]) == ("intermediate", ["averages"], 30)
    assert row["url"] == public.get_full_url() and row["summary"] == public.summary
    assert data(client.get("/api/v1/modules", {"tier": "basic"}))["count"] == 0
    assert data(client.get("/api/v1/modules", {"topic": "averages"}))["count"] == 1


@pytest.mark.parametrize("address", ["/api/v1/stories", "/api/v1/modules"])
@pytest.mark.parametrize(
    ("query", "status"),
    [
        ({"tier": "expert"}, 400),
        ({"tier": "basic\x00"}, 400),
        ({"sort": "title"}, 400),
        ({"limit": "101"}, 422),
        ({"offset": "-1"}, 422),
        ({"topic": "x" * 101}, 422),
    ],
)
def test_bad_filters_are_problems(client, home_page, address, query, status):
    problem(client.get(address, query), status)


def test_queries_do_not_grow_with_the_pages(client, stories, modules):
    story_index, _story = stories
    module_index, _module = modules

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert data(client.get("/api/v1/stories"))["results"]
            assert data(client.get("/api/v1/modules"))["results"]
        return len(context.captured_queries)

    queries()  # site paths and content types cached
    few = queries()
    for number in range(20):
        DataStoryPageFactory(parent=story_index, topics=["prices", f"topic {number}"])
        ModulePageFactory(parent=module_index)
    assert data(client.get("/api/v1/stories"))["count"] == 21
    assert queries() == few
