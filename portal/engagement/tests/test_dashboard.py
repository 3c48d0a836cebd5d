"""The engagement dashboard: figures checked against a fixture worked out by hand, user groups,
weeks and months, KPI progress, the CSV export, permissions and a query count that does not grow."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail import hooks

from feedback.tests.factories import DataRequestFactory, PageFeedbackFactory
from literacy.training.models import Registration
from literacy.training.tests.factories import TrainingSessionPageFactory
from portal.contacts.models import Contact, Touchpoint
from portal.engagement.dashboard import Window, dashboard_tables, kpi_progress
from portal.engagement.models import KpiTarget, PageViewCount
from portal.engagement.registry import Indicator, indicators
from portal.engagement.tests.factories import PageViewCountFactory
from tests.factories import StaffFactory
from tests.spreadsheets import csv_rows

pytestmark = pytest.mark.django_db

Q1 = {"start": "2026-01-01", "end": "2026-03-31", "group_by": "month"}
URL = "/admin/engagement/"


def at(day, hour=12):
    return datetime.datetime.fromisoformat(f"{day}T{hour:02d}:00:00+00:00")


def contact(email, created, user_group="", touchpoints=()):
    person = Contact.objects.create(email=email, user_group=user_group, created_at=at(created))
    for kind, day in touchpoints:
        Touchpoint.objects.create(contact=person, kind=kind, created_at=at(day))
    return person


@pytest.fixture
def fixture(home_page, story, about):
    """Three months of engagement; the expected figures are in the tests, worked out by hand."""
    contact(
        "media@example.org",
        "2026-01-10",
        "media",
        [("newsletter_signup", "2026-01-10"), ("data_request", "2026-02-05")],
    )
    researcher = contact(
        "researcher@example.org", "2026-02-03", "researchers", [("training_registration", "2026-02-03")]
    )
    contact("anon@example.org", "2026-02-20", "", [("forum_join", "2026-02-20")])
    contact(
        "old@example.org",
        "2025-12-31",
        "citizens",
        [("newsletter_signup", "2025-12-31"), ("competition_entry", "2026-03-01")],
    )

    session = TrainingSessionPageFactory(starts_at=at("2026-02-15", 9))
    for created, attended, group in (("2026-01-12", True, "researchers"), ("2026-02-01", False, "media")):
        Registration.objects.create(
            session=session,
            contact=researcher,
            name="R",
            email=f"r{created}@example.org",
            user_group=group,
            status="confirmed",
            created_at=at(created),
            attended=attended,
        )

    for page, day, views in (
        (story, "2026-01-05", 10),
        (story, "2026-01-20", 5),
        (story, "2026-02-14", 7),
        (story, "2025-12-31", 100),
        (home_page, "2026-03-03", 4),
    ):
        PageViewCountFactory(page=page, day=day, views=views)

    for page, day, useful in (
        (story, "2026-01-03", True),
        (story, "2026-01-04", True),
        (story, "2026-01-30", True),
        (story, "2026-02-02", False),
        (about, "2026-03-09", False),
        (story, "2025-11-11", False),
    ):
        PageFeedbackFactory(page=page, useful=useful, created_at=at(day))

    for n, (received, status, closed, group) in enumerate(
        (
            ("2026-01-15", "answered", "2026-02-02", "media"),
            ("2026-02-10", "declined", "2026-03-05", "researchers"),
            ("2026-03-20", "received", None, ""),
        )
    ):
        DataRequestFactory(
            reference=f"DR-F-{n}",
            user_group=group,
            status=status,
            created_at=at(received),
            closed_at=at(closed) if closed else None,
        )


def tables(window):
    return {table.indicator.key: table for table in dashboard_tables(window)}


def as_dict(table):
    return {label: dict(zip(table.segments, values, strict=True)) for label, values, _ in table.rows}


QUARTER = Window(datetime.date(2026, 1, 1), datetime.date(2026, 3, 31), "month")


def test_new_contacts_by_where_they_came_from(fixture):
    table = tables(QUARTER)["new_contacts"]
    assert table.segments == ["Newsletter sign-up", "Joined a forum", "Training registration"]
    assert as_dict(table) == {
        "Jan 2026": {"Newsletter sign-up": 1, "Joined a forum": 0, "Training registration": 0},
        "Feb 2026": {"Newsletter sign-up": 0, "Joined a forum": 1, "Training registration": 1},
        "Mar 2026": {"Newsletter sign-up": 0, "Joined a forum": 0, "Training registration": 0},
    }
    assert table.total == 3


def test_activity_training_page_views_feedback_and_requests(fixture):
    found = tables(QUARTER)
    activity = as_dict(found["activity"])
    assert activity["Jan 2026"]["Newsletter sign-up"] == 1
    assert activity["Feb 2026"] == {
        "Newsletter sign-up": 0,
        "Joined a forum": 1,
        "Training registration": 1,
        "Competition entry": 0,
        "Data request": 1,
    }
    assert activity["Mar 2026"]["Competition entry"] == 1
    assert found["activity"].total == 5

    assert as_dict(found["training"]) == {
        "Jan 2026": {"Registrations": 1, "Attended": 0},
        "Feb 2026": {"Registrations": 1, "Attended": 1},
        "Mar 2026": {"Registrations": 0, "Attended": 0},
    }
    views = found["page_views"]
    assert views.totals == [22, 4] and views.segments == ["Data story", "Home page"]
    assert as_dict(views)["Jan 2026"] == {"Data story": 15, "Home page": 0}

    feedback = found["page_feedback"]
    assert as_dict(feedback)["Jan 2026"]["Data story: useful"] == 3
    assert as_dict(feedback)["Feb 2026"]["Data story: not useful"] == 1
    assert as_dict(feedback)["Mar 2026"]["Page: not useful"] == 1
    headings, rows = feedback.summary
    assert headings == ("Type of page", "Answers", "Useful", "Useful rate")
    assert rows == [("Data story", 4, 3, "75%"), ("Page", 1, 0, "0%")]

    assert as_dict(found["data_requests"]) == {
        "Jan 2026": {"Received": 1, "Answered": 0, "Declined": 0},
        "Feb 2026": {"Received": 1, "Answered": 1, "Declined": 0},
        "Mar 2026": {"Received": 1, "Answered": 0, "Declined": 1},
    }


def test_one_user_group_at_a_time(fixture):
    media = Window(QUARTER.start, QUARTER.end, "month", "media")
    found = tables(media)
    assert found["new_contacts"].total == 1
    assert as_dict(found["activity"])["Feb 2026"] == {"Newsletter sign-up": 0, "Data request": 1}
    assert as_dict(found["training"])["Feb 2026"] == {"Registrations": 1}  # the attendee is a researcher
    assert found["data_requests"].total == 2  # received in January, answered in February
    assert found["page_views"].applies_to_group is False  # anonymous: counted for everyone
    assert found["page_views"].total == 26
    assert found["new_contacts"].applies_to_group is True


def test_contacts_per_user_group(fixture):
    table = tables(QUARTER)["contacts_by_group"]
    assert as_dict(table)["Feb 2026"] == {"Media": 0, "Researchers": 1, "Not given": 1}
    assert table.totals == [1, 1, 1]


def test_per_week(fixture):
    weeks = Window(datetime.date(2026, 1, 5), datetime.date(2026, 1, 25), "week")
    table = tables(weeks)["page_views"]
    assert [label for label, _, _ in table.rows] == [
        "Week of 5 Jan 2026",
        "Week of 12 Jan 2026",
        "Week of 19 Jan 2026",
    ]
    assert [total for _, _, total in table.rows] == [10, 0, 5]


def test_kpi_progress_against_a_count_and_a_growth_target(fixture):
    by_key = {indicator.key: indicator for indicator in indicators()}
    count = KpiTarget(
        name="Six requests",
        indicator="data_requests",
        segment="Received",
        target=6,
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2026, 6, 30),
    )
    progress = kpi_progress(count, by_key, today=datetime.date(2026, 3, 31))
    assert (progress.actual, progress.goal, progress.percent, progress.elapsed_percent) == (3, 6, 50, 50)
    assert progress.on_track

    growth = KpiTarget(
        name="+50% newsletter",
        indicator="activity",
        segment="Newsletter sign-up",
        target_type="growth",
        target=50,
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2026, 1, 31),
    )
    progress = kpi_progress(growth, by_key, today=datetime.date(2026, 2, 10))
    assert (progress.baseline, progress.goal, progress.actual, progress.percent) == (1, 2, 1, 50)
    assert progress.elapsed_percent == 100 and not progress.on_track


def test_a_kpi_must_name_a_known_indicator_and_line(db):
    from django.core.exceptions import ValidationError

    target = KpiTarget(
        name="x",
        indicator="nope",
        target=5,
        start_date=datetime.date(2026, 2, 1),
        end_date=datetime.date(2026, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        target.full_clean()
    assert set(error.value.message_dict) == {"indicator", "end_date"}
    target = KpiTarget(
        name="x",
        indicator="training",
        segment="Cakes",
        target=0,
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2026, 2, 1),
    )
    with pytest.raises(ValidationError) as error:
        target.full_clean()
    assert set(error.value.message_dict) == {"segment", "target"}


def test_the_dashboard_page_shows_the_figures(superuser_client, fixture):
    KpiTarget.objects.create(
        name="Answer 4 requests",
        indicator="data_requests",
        segment="Answered",
        target=4,
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2099, 12, 31),
    )
    response = superuser_client.get(URL, Q1)
    assert response.status_code == 200
    html = response.content.decode()
    assert "New contacts, by where they came from" in html
    assert "Answer 4 requests" in html
    assert "Most viewed stories" in html
    assert "75%" in html


def test_bad_filters_are_explained_and_defaults_shown(superuser_client, fixture):
    html = superuser_client.get(URL, {"start": "2026-05-01", "end": "2026-01-01"}).content.decode()
    assert "“From” must come before “To”." in html
    html = superuser_client.get(
        URL, {"start": "2000-01-01", "end": "2026-01-01", "group_by": "week"}
    ).content.decode()
    assert "Show at most 104 weeks at a time" in html
    assert superuser_client.get(URL, {"start": "garbage", "user_group": "aliens"}).status_code == 200


def test_the_query_count_does_not_grow_with_the_data(superuser_client, fixture, story, about):
    def count():
        superuser_client.get(URL, Q1)
        with CaptureQueriesContext(connection) as queries:
            superuser_client.get(URL, Q1)
        return len(queries.captured_queries)

    few = count()
    PageViewCount.objects.bulk_create(
        PageViewCount(
            page=about,
            content_type_id=about.content_type_id,
            day=datetime.date(2026, 1, 1) + datetime.timedelta(days=n),
            views=n,
        )
        for n in range(21, 90)
    )
    for n in range(60):
        contact(
            f"many{n}@example.org",
            "2026-03-02",
            "media",
            [("newsletter_signup", "2026-03-02"), ("forum_join", "2026-03-03")],
        )
        PageFeedbackFactory(page=story, useful=n % 2 == 0, created_at=at("2026-03-04"))
        DataRequestFactory(reference=f"DR-M-{n}", created_at=at("2026-02-27"))
    assert count() == few


def test_the_csv_export_has_every_figure_and_no_formulas(superuser_client, fixture):
    def hostile():
        return [
            Indicator(key="hostile", title="=cmd|'/C calc'!A0", rows=lambda s, e, g, u: [(s, "@SUM(A1)", 1)])
        ]

    with hooks.register_temporarily("register_engagement_indicators", hostile):
        rows = csv_rows(superuser_client.get("/admin/engagement/export.csv", Q1))
    header, *data = rows
    assert header == ["Indicator", "Period", "Period starts", "Line", "Value", "User group"]
    assert ["Data requests", "Mar 2026", "2026-03-01", "Declined", "1", "All"] in data
    assert [
        "Page views, by type of page",
        "Jan 2026",
        "2026-01-01",
        "Data story",
        "15",
        "All (not split by user group)",
    ] in data
    hostile_rows = [row for row in data if "calc" in row[0]]
    assert [row[1] for row in hostile_rows] == ["Jan 2026", "Feb 2026", "Mar 2026"]
    assert all(row[0].startswith("'=") and row[3] == "'@SUM(A1)" for row in hostile_rows)


def test_other_apps_contribute_indicators_through_the_hook(superuser_client, fixture):
    def newsletters():
        return [
            Indicator(
                key="subscribers",
                title="Newsletter subscribers",
                order=5,
                rows=lambda start, end, group_by, user_group: [
                    (start, "Subscribed", 7),
                    (start, "Unsubscribed", 2),
                ],
            )
        ]

    with hooks.register_temporarily("register_engagement_indicators", newsletters):
        assert indicators()[0].key == "subscribers"
        table = tables(QUARTER)["subscribers"]
        assert as_dict(table)["Jan 2026"] == {"Subscribed": 7, "Unsubscribed": 2}
        assert "Newsletter subscribers" in superuser_client.get(URL, Q1).content.decode()
    assert "subscribers" not in {indicator.key for indicator in indicators()}


def test_only_the_communications_team_and_superusers_see_it(client, fixture):
    assert client.get(URL).status_code == 302
    client.force_login(StaffFactory())
    assert client.get(URL).status_code in (302, 403)
    assert client.get("/admin/engagement/export.csv").status_code in (302, 403)
    client.force_login(StaffFactory(groups=["Communications team"]))
    assert client.get(URL).status_code == 200
    assert client.get("/admin/engagement/export.csv").status_code == 200
    assert client.get("/admin/engagement/kpitarget/create/").status_code == 200


def test_the_menu_item_shows_only_to_those_who_may_open_it(client, db):
    client.force_login(StaffFactory())
    assert '"url": "/admin/engagement/"' not in client.get("/admin/").content.decode()
    client.force_login(StaffFactory(groups=["Communications team"]))
    assert '"url": "/admin/engagement/"' in client.get("/admin/").content.decode()
