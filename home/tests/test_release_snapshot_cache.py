"""The latest releases snapshot in the page cache: a release going out purges the home page and
the stories' topic pages that show it, and nothing else."""

from datetime import timedelta

import pytest
from django.utils import timezone

from datasets.models import Release
from datasets.releasing import publish_release
from datasets.tests.factories import DatasetFactory, DatasetVersionFactory, ReleaseFactory
from stories.tests.factories import DataStoryPageFactory, StoryIndexPageFactory
from tests.cache_hits import cached, fresh

from .factories import StandardPageFactory

pytestmark = pytest.mark.usefixtures("page_cache_on")


def test_a_release_going_out_purges_the_pages_with_the_snapshot(client, home_page, committed):
    index = StoryIndexPageFactory(parent=home_page)
    DataStoryPageFactory(parent=index, title="Prices ease", topics=("prices",))
    about = StandardPageFactory(parent=home_page, title="About us")
    snapshot_pages = ["/en/", index.url + "topic/prices/"]
    for url in [*snapshot_pages, about.url]:
        cached(client, url)
    dataset = DatasetFactory(title="Consumer prices", topics="prices")
    release = ReleaseFactory(
        title="Consumer prices, October",
        dataset=dataset,
        version=DatasetVersionFactory(dataset=dataset),
        status=Release.Status.CONFIRMED,
        announced_at=timezone.now().replace(second=0, microsecond=0) - timedelta(minutes=1),
    )
    with committed():
        assert publish_release(release)
    assert "Consumer prices, October" in fresh(client, "/en/")
    fresh(client, index.url + "topic/prices/")
    assert client.get(about.url).get("X-Cache") == "HIT", "a page without the snapshot stays cached"
