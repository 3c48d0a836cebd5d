"""The e-modules' indicators on the engagement dashboard: starts, completions and learning gain,
checked against a fixture worked out by hand, for everyone and one user group, per week, with a
query count that does not grow with the data and the CSV export."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from literacy.modules.models import CheckAttempt, ModuleCompletion
from literacy.modules.statistics import NO_GROUP
from literacy.modules.tests.factories import ModulePageFactory
from portal.contacts.models import Contact
from portal.engagement.dashboard import Window, dashboard_tables
from portal.engagement.models import KpiTarget
from portal.engagement.registry import indicators
from tests.factories import UserFactory
from tests.spreadsheets import csv_rows

pytestmark = pytest.mark.django_db

URL = "/admin/engagement/"
Q1 = {"start": "2026-01-01", "end": "2026-03-31", "group_by": "month"}
QUARTER = Window(datetime.date(2026, 1, 1), datetime.date(2026, 3, 31), "month")
STARTS, GAIN = "module_starts_completions", "module_learning_gain"
PRE, POST = CheckAttempt.Kind.PRE, CheckAttempt.Kind.POST


def at(day, hour=12):
    return datetime.datetime.fromisoformat(f"{day}T{hour:02d}:00:00+00:00")


def tables(window):
    return {table.indicator.key: table for table in dashboard_tables(window)}


def as_dict(table):
    return {label: dict(zip(table.segments, values, strict=True)) for label, values, _ in table.rows}


def learner(email, group=None):
    """A signed-in learner's id and account; with a group, also a contact in the user database."""
    user = UserFactory(email=email)
    if group is not None:
        Contact.objects.create(email=email, user=user, user_group=group)
    return f"user-{user.pk}", user


def check(module, who, kind, score, day):
    learner_id, user = who
    CheckAttempt.objects.create(
        module=module,
        kind=kind,
        learner=learner_id,
        user=user,
        correct=score // 10,
        total=10,
        score=score,
        created_at=at(day),
    )


def complete(module, who, day):
    learner_id, user = who
    ModuleCompletion.objects.create(module=module, learner=learner_id, user=user, completed_at=at(day))


@pytest.fixture
def modules(home_page):
    first = ModulePageFactory()
    return first, ModulePageFactory(parent=first.get_parent())


@pytest.fixture
def fixture(modules):
    """Starts: Jan 2 (alice, anonymous), Feb 1 (carol), Mar 1 (bob's second module).
    Completions: Jan 2 (bob, anonymous), Feb 2 (alice, carol), Mar 1 (dave, no pre-check).
    Gains (best post minus lowest pre): bob 30 and anonymous 70 in Jan; alice 50, carol 66 in Feb."""
    first, second = modules
    alice, bob = learner("alice@example.org", "media"), learner("bob@example.org", "researchers")
    carol, eve = learner("carol@example.org"), learner("eve@example.org", "media")
    anonymous, dave = ("anon-0123456789abcdef01234567", None), ("anon-dave", None)

    check(first, alice, PRE, 40, "2026-01-05")
    check(first, alice, PRE, 60, "2026-01-06")  # taken again: one start, the lowest score
    check(first, alice, POST, 70, "2026-01-20")
    check(first, alice, POST, 90, "2026-02-03")  # the best post-check
    complete(first, alice, "2026-02-03")

    check(first, bob, PRE, 50, "2025-12-30")  # started before the quarter
    check(first, bob, POST, 80, "2026-01-10")
    complete(first, bob, "2026-01-10")
    check(second, bob, PRE, 20, "2026-03-01")

    check(second, anonymous, PRE, 30, "2026-01-15")
    check(second, anonymous, POST, 100, "2026-01-16")
    complete(second, anonymous, "2026-01-16")

    check(first, carol, PRE, 10, "2026-02-10")
    check(first, carol, POST, 76, "2026-02-11")
    complete(first, carol, "2026-02-11")

    check(second, dave, POST, 80, "2026-03-05")
    complete(second, dave, "2026-03-05")

    check(second, eve, PRE, 60, "2026-04-02")  # after the quarter
    check(second, eve, POST, 90, "2026-04-03")
    complete(second, eve, "2026-04-03")


def test_the_indicators_are_registered_through_the_hook(db):
    keys = [indicator.key for indicator in indicators()]
    assert STARTS in keys
    assert GAIN in keys


def test_starts_and_completions_by_month(fixture):
    assert as_dict(tables(QUARTER)[STARTS]) == {
        "Jan 2026": {"Starts": 2, "Completions": 2},
        "Feb 2026": {"Starts": 1, "Completions": 2},
        "Mar 2026": {"Starts": 1, "Completions": 1},
    }


def test_learning_gain_by_month_of_completion(fixture):
    table = tables(QUARTER)[GAIN]
    assert as_dict(table) == {
        "Jan 2026": {"Average gain (points)": 50.0},
        "Feb 2026": {"Average gain (points)": 58.0},
        "Mar 2026": {"Average gain (points)": None},  # dave took no pre-check: no figure, not 0
    }
    assert table.totals == [None] and table.total is None, "averages do not add up"
    headings, rows = table.summary
    assert headings == (
        "Whole period",
        "Learners with both checks",
        "Pre-check",
        "Post-check",
        "Average gain (points)",
    )
    assert rows == [
        ("All learners", 4, 32.5, 86.5, 54.0),
        ("Media", 1, 40.0, 90.0, 50.0),
        ("Researchers", 1, 50.0, 80.0, 30.0),
        (NO_GROUP, 1, 10.0, 76.0, 66.0),
    ]


def test_one_user_group_leaves_out_anonymous_and_other_learners(fixture):
    media = tables(Window(QUARTER.start, QUARTER.end, "month", "media"))
    assert as_dict(media[STARTS]) == {
        "Jan 2026": {"Starts": 1, "Completions": 0},
        "Feb 2026": {"Starts": 0, "Completions": 1},
        "Mar 2026": {"Starts": 0, "Completions": 0},
    }
    assert media[GAIN].rows[1][1] == [50.0]
    assert media[GAIN].summary[1] == [("Media", 1, 40.0, 90.0, 50.0)]

    nobody = tables(Window(QUARTER.start, QUARTER.end, "month", "policymakers"))
    assert nobody[STARTS].total == 0
    assert nobody[GAIN].segments == []
    assert nobody[GAIN].summary[1] == []


def test_per_week(fixture):
    weeks = tables(Window(datetime.date(2026, 1, 12), datetime.date(2026, 1, 25), "week"))
    assert as_dict(weeks[STARTS]) == {
        "Week of 12 Jan 2026": {"Starts": 1, "Completions": 1},  # bob's completion is on Saturday 10th
        "Week of 19 Jan 2026": {"Starts": 0, "Completions": 0},
    }
    assert as_dict(weeks[GAIN])["Week of 12 Jan 2026"] == {"Average gain (points)": 70.0}


def test_the_dashboard_page_shows_them(superuser_client, fixture):
    html = superuser_client.get(URL, Q1).content.decode()
    for text in ('id="indicator-module_starts_completions"', "Learning gain", "Learners with both checks"):
        assert text in html


def test_the_query_count_does_not_grow_with_the_data(superuser_client, fixture, modules):
    def count():
        superuser_client.get(URL, Q1)
        with CaptureQueriesContext(connection) as queries:
            assert superuser_client.get(URL, Q1).status_code == 200
        return len(queries.captured_queries)

    few = count()
    for n in range(30):
        who = learner(f"many{n}@example.org", "citizens")
        check(modules[n % 2], who, PRE, 20, f"2026-02-{1 + n % 28:02d}")
        check(modules[n % 2], who, POST, 80, f"2026-03-{1 + n % 28:02d}")
        complete(modules[n % 2], who, f"2026-03-{1 + n % 28:02d}")
    assert count() == few
    assert tables(QUARTER)[STARTS].totals == [34, 35]


def test_the_csv_export_includes_them(superuser_client, fixture):
    header, *data = csv_rows(superuser_client.get("/admin/engagement/export.csv", Q1))
    assert header == ["Indicator", "Period", "Period starts", "Line", "Value", "User group"]
    assert ["E-module starts and completions", "Jan 2026", "2026-01-01", "Starts", "2", "All"] in data
    assert ["E-module starts and completions", "Feb 2026", "2026-02-01", "Completions", "2", "All"] in data
    assert ["Learning gain", "Feb 2026", "2026-02-01", "Average gain (points)", "58.0", "All"] in data

    _, *media = csv_rows(superuser_client.get("/admin/engagement/export.csv", {**Q1, "user_group": "media"}))
    assert ["Learning gain", "Feb 2026", "2026-02-01", "Average gain (points)", "50.0", "Media"] in media
    assert ["E-module starts and completions", "Jan 2026", "2026-01-01", "Completions", "0", "Media"] in media


def test_no_kpi_target_can_add_up_an_average(db):
    target = KpiTarget(
        name="Gain of 500 points",
        indicator=GAIN,
        target=500,
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2026, 12, 31),
    )
    with pytest.raises(ValidationError) as error:
        target.full_clean()
    assert "average" in error.value.message_dict["indicator"][0]
