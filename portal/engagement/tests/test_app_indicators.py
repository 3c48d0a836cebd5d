"""The newsletters', forums' and competitions' indicators on the engagement dashboard: figures
checked against a fixture worked out by hand, one user group at a time, the page, a query count
that does not grow with the data, the CSV export and KPI targets on them."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forums.models import Post, Topic
from forums.tests.factories import ForumFactory
from literacy.competitions.models import Entry
from literacy.competitions.tests.factories import CompetitionPageFactory
from newsletters.models import Subscriber
from portal.contacts.models import Contact
from portal.engagement.dashboard import Window, dashboard_tables, kpi_progress
from portal.engagement.models import KpiTarget
from portal.engagement.registry import indicators
from tests.factories import UserFactory
from tests.spreadsheets import csv_rows

pytestmark = pytest.mark.django_db

URL = "/admin/engagement/"
Q1 = {"start": "2026-01-01", "end": "2026-03-31", "group_by": "month"}
QUARTER = Window(datetime.date(2026, 1, 1), datetime.date(2026, 3, 31), "month")
SUBSCRIBERS, POSTS, MEMBERS, ENTRIES = (
    "newsletter_subscribers",
    "forum_posts",
    "forum_active_members",
    "competition_entries",
)


def at(day, hour=12):
    return datetime.datetime.fromisoformat(f"{day}T{hour:02d}:00:00+00:00")


def tables(window):
    return {table.indicator.key: table for table in dashboard_tables(window)}


def as_dict(table):
    return {label: dict(zip(table.segments, values, strict=True)) for label, values, _ in table.rows}


def only(group):
    return Window(QUARTER.start, QUARTER.end, "month", group)


def subscriber(email, group, confirmed, unsubscribed=None):
    contact = Contact.objects.create(email=email, user_group=group)
    return Subscriber.objects.create(
        contact=contact,
        confirmed_at=at(confirmed),
        unsubscribed_at=at(unsubscribed) if unsubscribed else None,
    )


def person(email, group=None):
    """A forum user; with a group, also a contact in the user database."""
    user = UserFactory(email=email)
    if group is not None:
        Contact.objects.create(email=email, user=user, user_group=group)
    return user


def post(topic, author, day, status=Post.Status.PUBLISHED):
    return Post.objects.create(
        topic=topic, author=author, body_source="x", body_html="<p>x</p>", status=status, created_at=at(day)
    )


def entry(competition, group, day, withdrawn=None, moderation=Entry.Moderation.PENDING):
    return Entry.objects.create(
        competition=competition,
        email=f"{group}-{day}@example.org",
        display_name="E",
        title="T",
        description="D",
        user_group=group,
        consent_wording="I agree.",
        link="https://example.org/entry",
        moderation=moderation,
        created_at=at(day),
        withdrawn_at=at(withdrawn) if withdrawn else None,
    )


@pytest.fixture
def forums(db):
    return (
        ForumFactory(title="Media & journalists", slug="media", user_group="media"),
        ForumFactory(title="Researchers", slug="researchers", user_group="researchers"),
    )


@pytest.fixture
def competitions(home_page):
    return (
        CompetitionPageFactory(title="Infographic competition 2026"),
        CompetitionPageFactory(title="School data-use competition 2027"),
    )


@pytest.fixture
def fixture(forums, competitions):
    """A quarter of subscribers, posts and entries; the expected figures are in the tests."""
    subscriber("media@example.org", "media", "2026-01-10", unsubscribed="2026-03-02")
    subscriber("anon@example.org", "", "2026-01-20")
    subscriber("researcher@example.org", "researchers", "2026-02-14")
    subscriber("citizen@example.org", "citizens", "2025-12-20", unsubscribed="2026-02-25")
    subscriber("later@example.org", "media", "2026-04-02")

    media, researchers = forums
    alice, bob, carol = (
        person("alice@example.org", "media"),
        person("bob@example.org", "researchers"),
        person("carol@example.org"),
    )
    in_media = Topic.objects.create(forum=media, title="Sources", author=alice)
    in_research = Topic.objects.create(forum=researchers, title="Microdata", author=bob)
    post(in_media, alice, "2026-01-05")
    post(in_media, alice, "2026-01-06")
    post(in_research, bob, "2026-01-20")
    post(in_media, bob, "2026-02-03")
    post(in_research, carol, "2026-02-10")
    post(in_media, alice, "2026-02-11", Post.Status.PENDING)
    post(in_media, bob, "2026-02-12", Post.Status.REJECTED)
    post(in_media, carol, "2026-02-13", Post.Status.HIDDEN)
    post(in_research, alice, "2026-03-15")
    post(in_media, bob, "2025-12-31")

    infographics, school = competitions
    entry(infographics, "teachers_and_students", "2026-01-15")
    entry(infographics, "teachers_and_students", "2026-02-01", withdrawn="2026-02-05")
    entry(infographics, "citizens", "2026-02-20", moderation=Entry.Moderation.REJECTED)
    entry(school, "media", "2026-03-10", moderation=Entry.Moderation.ACCEPTED)
    entry(school, "citizens", "2026-03-11")
    entry(school, "citizens", "2026-04-01")


def test_the_apps_register_their_indicators_through_the_hook(db):
    keys = [indicator.key for indicator in indicators()]
    assert {SUBSCRIBERS, POSTS, MEMBERS, ENTRIES} <= set(keys)
    assert keys.index(SUBSCRIBERS) < keys.index(POSTS) < keys.index(MEMBERS) < keys.index(ENTRIES)


def test_newsletter_subscribers_and_unsubscribes(fixture):
    table = tables(QUARTER)[SUBSCRIBERS]
    assert table.segments == ["New subscribers", "Unsubscribed"]
    assert as_dict(table) == {
        "Jan 2026": {"New subscribers": 2, "Unsubscribed": 0},
        "Feb 2026": {"New subscribers": 1, "Unsubscribed": 1},
        "Mar 2026": {"New subscribers": 0, "Unsubscribed": 1},
    }
    assert table.totals == [3, 2]


def test_forum_posts_by_forum_and_active_members(fixture, forums):
    media, researchers = (forum.title for forum in forums)
    found = tables(QUARTER)
    assert as_dict(found[POSTS]) == {
        "Jan 2026": {media: 2, researchers: 1},
        "Feb 2026": {media: 1, researchers: 1},
        "Mar 2026": {media: 0, researchers: 1},
    }
    members = found[MEMBERS]
    assert as_dict(members) == {
        "Jan 2026": {"Active members": 2},
        "Feb 2026": {"Active members": 2},
        "Mar 2026": {"Active members": 1},
    }
    assert members.total == 5
    assert members.summary == (("Whole period", "Active members", "Posts"), [("All forums", 3, 6)])


def test_competition_entries_by_competition_leave_out_withdrawn_ones(fixture, competitions):
    infographics, school = (competition.title for competition in competitions)
    table = tables(QUARTER)[ENTRIES]
    assert as_dict(table) == {
        "Jan 2026": {infographics: 1, school: 0},
        "Feb 2026": {infographics: 1, school: 0},
        "Mar 2026": {infographics: 0, school: 2},
    }


def test_one_user_group_at_a_time(fixture, forums, competitions):
    media_forum, research_forum = (forum.title for forum in forums)
    infographics, school = (competition.title for competition in competitions)

    media = tables(only("media"))
    assert as_dict(media[SUBSCRIBERS]) == {
        "Jan 2026": {"New subscribers": 1, "Unsubscribed": 0},
        "Feb 2026": {"New subscribers": 0, "Unsubscribed": 0},
        "Mar 2026": {"New subscribers": 0, "Unsubscribed": 1},
    }
    assert as_dict(media[POSTS])["Jan 2026"] == {media_forum: 2, research_forum: 0}
    assert media[POSTS].totals == [2, 1]  # alice also wrote in the researchers' forum
    assert [total for _, _, total in media[MEMBERS].rows] == [1, 0, 1]
    assert media[MEMBERS].summary[1] == [("All forums", 1, 3)]
    assert as_dict(media[ENTRIES]) == {
        "Jan 2026": {school: 0},
        "Feb 2026": {school: 0},
        "Mar 2026": {school: 1},
    }

    researchers = tables(only("researchers"))
    assert researchers[SUBSCRIBERS].segments == ["New subscribers"]
    assert researchers[SUBSCRIBERS].totals == [1]
    assert as_dict(researchers[POSTS])["Feb 2026"] == {media_forum: 1, research_forum: 0}
    assert researchers[MEMBERS].summary[1] == [("All forums", 1, 2)]
    assert researchers[ENTRIES].segments == [] and researchers[ENTRIES].total == 0

    citizens = tables(only("citizens"))
    assert citizens[SUBSCRIBERS].segments == ["Unsubscribed"]
    assert citizens[SUBSCRIBERS].totals == [1]
    assert citizens[POSTS].total == 0 and citizens[MEMBERS].summary[1] == [("All forums", 0, 0)]
    assert as_dict(citizens[ENTRIES])["Feb 2026"] == {infographics: 1, school: 0}
    assert citizens[ENTRIES].totals == [1, 1]
    for table in (*media.values(), *citizens.values()):
        if table.indicator.key in {SUBSCRIBERS, POSTS, MEMBERS, ENTRIES}:
            assert table.applies_to_group


def test_per_week(fixture, forums):
    weeks = Window(datetime.date(2026, 1, 5), datetime.date(2026, 1, 25), "week")
    found = tables(weeks)
    assert [total for _, _, total in found[POSTS].rows] == [2, 0, 1]
    assert [total for _, _, total in found[MEMBERS].rows] == [1, 0, 1]
    assert [values for _, values, _ in found[SUBSCRIBERS].rows] == [[1], [0], [1]]


def test_an_empty_period_shows_zeros(fixture):
    empty = Window(datetime.date(2024, 1, 1), datetime.date(2024, 2, 29), "month")
    found = tables(empty)
    for key in (SUBSCRIBERS, POSTS, MEMBERS, ENTRIES):
        assert found[key].segments == [] and found[key].total == 0
    assert found[MEMBERS].summary[1] == [("All forums", 0, 0)]


def test_kpi_targets_can_follow_the_new_indicators(fixture):
    by_key = {indicator.key: indicator for indicator in indicators()}
    target = KpiTarget(
        name="Six new subscribers",
        indicator=SUBSCRIBERS,
        segment="New subscribers",
        target=6,
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2026, 6, 30),
    )
    target.full_clean()
    progress = kpi_progress(target, by_key, today=datetime.date(2026, 3, 31))
    assert (progress.actual, progress.goal, progress.percent) == (3, 6, 50)
    posts = KpiTarget(
        name="Posts",
        indicator=POSTS,
        target=12,
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2026, 3, 31),
    )
    posts.full_clean()  # lines are the forums' titles, so any line (or none) is accepted
    assert kpi_progress(posts, by_key, today=datetime.date(2026, 4, 1)).actual == 6


def test_the_dashboard_page_shows_them(superuser_client, fixture, forums):
    response = superuser_client.get(URL, Q1)
    assert response.status_code == 200
    html = response.content.decode()
    for title in (
        "Newsletter subscribers and unsubscribes",
        "Forum posts, by forum",
        "Active forum members",
        "Competition entries, by competition",
        forums[1].title,
        "Whole period",
    ):
        assert title in html
    assert 'id="indicator-competition_entries"' in html


def test_the_query_count_does_not_grow_with_the_data(superuser_client, fixture, forums, competitions):
    def count():
        superuser_client.get(URL, Q1)
        with CaptureQueriesContext(connection) as queries:
            assert superuser_client.get(URL, Q1).status_code == 200
        return len(queries.captured_queries)

    few = count()
    researchers = forums[1]
    topic = Topic.objects.create(forum=researchers, title="More", author=person("more@example.org", "media"))
    for n in range(40):
        subscriber(f"many{n}@example.org", "citizens", f"2026-03-0{1 + n % 9}", "2026-03-20")
        author = person(f"writer{n}@example.org", "researchers")
        post(topic, author, f"2026-02-{1 + n % 28:02d}")
        entry(competitions[n % 2], "teachers_and_students", f"2026-01-{1 + n % 31:02d}")
    assert count() == few
    assert tables(QUARTER)[MEMBERS].summary[1] == [("All forums", 43, 46)]


def test_the_csv_export_includes_them(superuser_client, fixture, forums, competitions):
    header, *data = csv_rows(superuser_client.get("/admin/engagement/export.csv", Q1))
    assert header == ["Indicator", "Period", "Period starts", "Line", "Value", "User group"]
    assert [
        "Newsletter subscribers and unsubscribes",
        "Feb 2026",
        "2026-02-01",
        "Unsubscribed",
        "1",
        "All",
    ] in data
    assert ["Forum posts, by forum", "Jan 2026", "2026-01-01", forums[0].title, "2", "All"] in data
    assert ["Active forum members", "Mar 2026", "2026-03-01", "Active members", "1", "All"] in data
    assert [
        "Competition entries, by competition",
        "Mar 2026",
        "2026-03-01",
        competitions[1].title,
        "2",
        "All",
    ] in data

    _, *citizens = csv_rows(
        superuser_client.get("/admin/engagement/export.csv", {**Q1, "user_group": "citizens"})
    )
    entries = [row for row in citizens if row[0] == "Competition entries, by competition"]
    assert [(row[1], row[3], row[4], row[5]) for row in entries if row[4] != "0"] == [
        ("Feb 2026", competitions[0].title, "1", "Citizens"),
        ("Mar 2026", competitions[1].title, "1", "Citizens"),
    ]
