"""The public calendar (filters, pagination, bad input, query counts), a release's page, the
.ics feeds and the Atom feed."""

from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from django.utils import timezone
from icalendar import Calendar

from datasets.models import Release, ReleaseDateChange
from datasets.tests.factories import DatasetFactory, ReleaseFactory
from datasets.views.releases import PER_PAGE
from tests.queries import assert_constant

Status = Release.Status
URL = "/en/data/releases/"


def titles(response):
    return [release.title for release in response.context["releases"]]


def test_upcoming_releases_come_first_then_recent_ones(client, db):
    now = timezone.now()
    for title, days in [("Past far", -20), ("Soon", 1), ("Past near", -1), ("Later", 9)]:
        ReleaseFactory(title=title, announced_at=now + timedelta(days=days))
    assert titles(client.get(URL)) == ["Soon", "Later", "Past near", "Past far"]


def test_the_empty_calendar_says_so(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    assert b"No releases match these filters" in response.content


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("topic=Prices", ["Inflation"]),
        ("status=cancelled", ["Survey"]),
        ("month=2030-02", ["Jobs"]),
        ("topic=Labour&status=confirmed", ["Jobs"]),
    ],
)
def test_filters(client, db, query, expected):
    ReleaseFactory(title="Inflation", topic="Prices", announced_at=timezone.now() + timedelta(days=3))
    ReleaseFactory(
        title="Jobs",
        topic="Labour",
        status=Status.CONFIRMED,
        announced_at=datetime(2030, 2, 3, 9, 30, tzinfo=UTC),
    )
    ReleaseFactory(title="Survey", topic="Labour", status=Status.CANCELLED, status_reason="Funding ended")
    assert titles(client.get(f"{URL}?{query}")) == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("month=2024-13", "Enter a month as year and month"),
        ("month=%3Cscript%3E", "Enter a month as year and month"),
        ("topic=Nowhere", "There is no topic"),
        ("status=open", "There is no status"),
    ],
)
def test_bad_filters_are_named_and_ignored(client, db, query, message):
    ReleaseFactory(title="Inflation", topic="Prices")
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert titles(response) == ["Inflation"]
    assert b"<script>" not in response.content


def test_a_nul_byte_in_a_filter_is_refused(client, db):
    assert client.get(f"{URL}?topic=Prices%00").status_code == 400


def test_pagination_keeps_the_filters(client, db):
    for n in range(PER_PAGE + 3):
        ReleaseFactory(title=f"R{n:02}", topic="Prices", announced_at=timezone.now() + timedelta(hours=n + 1))
    first = client.get(f"{URL}?topic=Prices")
    assert len(titles(first)) == PER_PAGE
    assert b"topic=Prices&amp;page=2" in first.content
    second = client.get(f"{URL}?topic=Prices&page=2")
    assert titles(second) == ["R20", "R21", "R22"]
    assert titles(client.get(f"{URL}?page=nonsense")) == titles(first)


def test_the_calendar_query_count_is_constant(client, db):
    def grow_to(count):
        for n in range(count - Release.objects.count()):
            ReleaseFactory(topic=f"Topic {n % 7}", status=Status.CONFIRMED)

    assert_constant([URL, f"{URL}?topic=Topic+1&page=2", f"{URL}?status=confirmed"], grow_to)


def test_a_release_page_shows_its_status_date_and_date_log(client, db):
    release = ReleaseFactory(status=Status.POSTPONED, status_reason="<script>alert(1)</script>")
    ReleaseDateChange.objects.create(
        release=release,
        old_at=release.announced_at - timedelta(days=3),
        new_at=release.announced_at,
        reason="<img src=x onerror=alert(2)>",
    )
    content = client.get(release.get_absolute_url()).content.decode()
    assert "Postponed" in content
    assert "&lt;script&gt;alert(1)" in content and "<script>alert(1)" not in content
    assert "&lt;img src=x onerror=alert(2)&gt;" in content
    assert release.announced_at.strftime("%Y-%m-%dT%H:%M") in content


def test_an_unknown_release_is_not_found(client, db):
    assert client.get(f"{URL}999999/").status_code == 404


def parse_ics(response):
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_the_ics_feed_lists_every_release_with_stable_uids(client, db):
    confirmed = ReleaseFactory(title="Prices", topic="Prices", status=Status.CONFIRMED)
    cancelled = ReleaseFactory(title="Jobs", topic="Labour", status=Status.CANCELLED, status_reason="Merged")
    events = {str(e["SUMMARY"]): e for e in parse_ics(client.get(f"{URL}calendar.ics")).walk("VEVENT")}
    assert set(events) == {"Prices", "Jobs"}
    assert str(events["Jobs"]["STATUS"]) == "CANCELLED"
    assert str(events["Prices"]["STATUS"]) == "CONFIRMED"
    assert events["Prices"]["UID"] == f"{confirmed.uid}@releases"
    assert events["Prices"].decoded("DTSTART") == confirmed.announced_at
    assert "DTSTAMP" in events["Prices"]
    again = {
        str(e["SUMMARY"]): str(e["UID"]) for e in parse_ics(client.get(f"{URL}calendar.ics")).walk("VEVENT")
    }
    assert again["Jobs"] == f"{cancelled.uid}@releases"


def test_the_ics_feed_of_one_topic(client, db):
    ReleaseFactory(title="Prices", topic="Prices")
    ReleaseFactory(title="Jobs", topic="Labour")
    calendar = parse_ics(client.get(f"{URL}calendar.ics?topic=Labour"))
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Jobs"]
    assert "Labour" in str(calendar["X-WR-CALNAME"])
    assert client.get(f"{URL}calendar.ics?topic=Nowhere").status_code == 404


def test_the_atom_feed_lists_published_releases_only(client, db):
    dataset = DatasetFactory()
    ReleaseFactory(title="Out", dataset=dataset, status=Status.PUBLISHED, summary="<b>bold</b>")
    ReleaseFactory(title="Not yet", dataset=dataset, status=Status.CONFIRMED)
    feed = feedparser.parse(client.get(f"{URL}feed/atom/").content)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["Out"]
    assert feed.entries[0].link.endswith(Release.objects.get(title="Out").get_absolute_url())
