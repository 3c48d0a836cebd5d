"""Embargo: nothing of a release's version, nor its linked pages, is visible anywhere before
its minute; the release run at that minute makes all of it visible. One test per way in."""

from datetime import timedelta

import feedparser
import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from datasets import figures
from datasets.importing import import_observations
from datasets.models import Release, ReleasePage
from datasets.tests.conftest import as_file
from datasets.tests.factories import ReleaseFactory

FIGURE = "4242"
STORY_TITLE = "Zebrafinch population explained"


@pytest.fixture
def embargoed(dataset, home_page):
    """A confirmed release at 09:30 tomorrow of the dataset's first version, with a draft story."""
    from home.tests.factories import StandardPageFactory

    result = import_observations(dataset, as_file(f"indicator,period,area,value\nPOP,2024,NAT,{FIGURE}\n"))
    at = (timezone.now() + timedelta(days=1)).replace(hour=9, minute=30, second=0, microsecond=0)
    release = ReleaseFactory(
        title="Population 2024",
        dataset=dataset,
        version=result.version,
        status=Release.Status.CONFIRMED,
        announced_at=at,
    )
    page = StandardPageFactory(parent=home_page, title=STORY_TITLE, slug="zebrafinch", live=False)
    ReleasePage.objects.create(release=release, page=page)
    return release


def dataset_page(client, release):
    response = client.get(release.dataset.get_absolute_url())
    return response.status_code == 200 and FIGURE not in response.content.decode()  # the page names no figure


def public_figures(client, release):
    indicator = release.dataset.indicators.get(code="POP")
    found = [str(o) for o in figures.observations(indicator)]
    return found == [FIGURE] and release.dataset in figures.public_datasets()


def release_page(client, release):
    content = client.get(release.get_absolute_url()).content.decode()
    assert FIGURE not in content  # never figures, before or after
    return release.dataset.get_absolute_url() in content


def calendar(client, release):
    content = client.get("/en/data/releases/").content.decode()
    assert "Population 2024" in content and FIGURE not in content  # announced, never figures
    return "release-status--published" in content


def ics_feed(client, release):
    content = client.get("/en/data/releases/calendar.ics").content.decode()
    assert FIGURE not in content and release.dataset.get_absolute_url() not in content
    return "STATUS:CONFIRMED" in content and "Published." in content


def atom_feed(client, release):
    feed = feedparser.parse(client.get("/en/data/releases/feed/atom/").content)
    return [entry.title for entry in feed.entries] == ["Population 2024"]


def linked_page(client, release):
    return client.get("/en/zebrafinch/").status_code == 200


def sitemap(client, release):
    content = client.get("/sitemap.xml").content.decode()
    assert release.dataset.get_absolute_url() not in content
    return "/en/zebrafinch/" in content


def site_search(client, release):
    return STORY_TITLE in client.get("/en/search/", {"q": "Zebrafinch"}).content.decode()


@pytest.mark.parametrize(
    "visible",
    [
        dataset_page,
        public_figures,
        release_page,
        calendar,
        ics_feed,
        atom_feed,
        linked_page,
        sitemap,
        site_search,
    ],
)
def test_nothing_shows_before_the_minute_and_all_of_it_after(client, embargoed, visible):
    with time_machine.travel(embargoed.announced_at - timedelta(seconds=1)):
        call_command("publish_due_releases")
        assert not visible(client, embargoed), "visible before its release"
    with time_machine.travel(embargoed.announced_at + timedelta(seconds=30)):
        call_command("publish_due_releases")
        assert visible(client, embargoed), "not visible after its release"
