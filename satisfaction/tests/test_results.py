"""The survey on the engagement dashboard (exact figures from factories, constant query counts,
targets, the CSV) and the answers in the admin (who may see them, who may read comments)."""

import csv
import datetime
import io

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.engagement.dashboard import Window, build_table, kpi_progress
from portal.engagement.models import KpiTarget
from portal.engagement.registry import get_indicator, indicators
from satisfaction import indicators as survey
from satisfaction.tests.factories import SurveyResponseFactory
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db
DASHBOARD = "/admin/engagement/"
Q1 = {"start": "2026-01-01", "end": "2026-03-31", "group_by": "month"}
ADMIN = "/admin/satisfaction/surveyresponse/"


def body(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode()


def on(day, **fields):
    return SurveyResponseFactory(
        created_at=timezone.make_aware(datetime.datetime.fromisoformat(day + " 12:00")), **fields
    )


@pytest.fixture
def answers():
    """January: 5/5/5 citizen, 4/2/3 media, 2/1/1 (no group); March: 3/4/5 citizen."""
    on("2026-01-10", overall=5, ease=5, trust=5, user_group="citizens")
    on("2026-01-20", overall=4, ease=2, trust=3, user_group="media")
    on("2026-01-25", overall=2, ease=1, trust=1, user_group="", comment="Hard to find <anything> & more.")
    on("2026-03-05", overall=3, ease=4, trust=5, user_group="citizens")
    on("2025-12-31", overall=1, ease=1, trust=1)  # outside the quarter


def table(key, user_group=""):
    return build_table(
        get_indicator(key), Window(datetime.date(2026, 1, 1), datetime.date(2026, 3, 31), "month", user_group)
    )


def test_answers_per_month_by_overall_satisfaction(answers):
    found = table("satisfaction_answers")
    assert found.segments == ["Satisfied (4 or 5)", "Neither (3)", "Dissatisfied (1 or 2)"]
    assert [(label, values) for label, values, _ in found.rows] == [
        ("Jan 2026", [2, 0, 1]),
        ("Feb 2026", [0, 0, 0]),
        ("Mar 2026", [0, 1, 0]),
    ]
    assert found.total == 4


def test_the_distribution_of_every_question(answers):
    headings, rows = table("satisfaction_answers").summary
    assert headings == ("Question", "1", "2", "3", "4", "5", "Answers", "Average", "Share 4 or 5")
    assert rows == [
        ("Overall satisfaction", 0, 1, 1, 1, 1, 4, 3.5, "50.0%"),
        ("Ease of finding", 1, 1, 0, 1, 1, 4, 3.0, "50.0%"),
        ("Trust in the figures", 1, 0, 1, 0, 2, 4, 3.5, "50.0%"),
    ]


def test_averages_and_share_satisfied_per_month(answers):
    found = table("satisfaction_scores")
    assert found.segments == [
        "Overall satisfaction (average)",
        "Ease of finding (average)",
        "Trust in the figures (average)",
        "Share satisfied (%)",
    ]
    assert [(label, values) for label, values, _ in found.rows] == [
        ("Jan 2026", [3.67, 2.67, 3.0, 66.7]),
        ("Feb 2026", [None, None, None, None]),  # no answers: no figure, not zero
        ("Mar 2026", [3.0, 4.0, 5.0, 0.0]),
    ]
    assert found.total is None


def test_results_by_user_group(answers):
    headings, rows = table("satisfaction_scores").summary
    assert headings == (
        "User group",
        "Answers",
        "Overall satisfaction",
        "Ease of finding",
        "Trust in the figures",
        "Share satisfied",
    )
    assert rows == [
        ("Citizens", 2, 4.0, 4.5, 5.0, "50.0%"),
        ("Media", 1, 4.0, 2.0, 3.0, "100.0%"),
        ("Not given", 1, 2.0, 1.0, 1.0, "0.0%"),
    ]


def test_one_user_group_at_a_time(answers):
    found = table("satisfaction_answers", user_group="citizens")
    assert found.segments == ["Satisfied (4 or 5)", "Neither (3)"]  # lines without answers left out
    assert [values for _, values, _ in found.rows] == [[1, 0], [0, 0], [0, 1]]
    assert table("satisfaction_scores", user_group="media").summary[1] == [
        ("Media", 1, 4.0, 2.0, 3.0, "100.0%")
    ]


def test_an_empty_period_shows_zeros_and_no_averages(db):
    assert table("satisfaction_answers").summary[1][0] == (
        "Overall satisfaction",
        0,
        0,
        0,
        0,
        0,
        0,
        None,
        "0%",
    )
    assert table("satisfaction_scores").summary[1] == []


def test_a_kpi_target_counts_satisfied_answers(answers):
    by_key = {indicator.key: indicator for indicator in indicators()}
    target = KpiTarget(
        name="Four satisfied visitors",
        indicator="satisfaction_answers",
        segment=survey.SATISFIED_LINE,
        target=4,
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2026, 6, 30),
    )
    target.full_clean()
    progress = kpi_progress(target, by_key, today=datetime.date(2026, 3, 31))
    assert (progress.actual, progress.goal, progress.percent) == (2, 4, 50)


def test_averages_cannot_be_a_count_target(db):
    from django.core.exceptions import ValidationError

    target = KpiTarget(
        name="Average",
        indicator="satisfaction_scores",
        target=4,
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2026, 6, 30),
    )
    with pytest.raises(ValidationError):
        target.full_clean()


def dashboard_queries(client):
    client.get(DASHBOARD, Q1)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(DASHBOARD, Q1)
    assert response.status_code == 200
    return len(queries.captured_queries), response.content.decode()


@time_machine.travel("2026-04-01 09:00Z", tick=False)
def test_the_dashboard_shows_them_at_a_constant_number_of_queries(superuser_client, answers):
    few, html = dashboard_queries(superuser_client)
    assert 'id="indicator-satisfaction_answers"' in html and 'id="indicator-satisfaction_scores"' in html
    assert "Hard to find" not in html  # the free text is never on the dashboard
    for n in range(40):
        on(f"2026-0{1 + n % 3}-{1 + n % 28:02d}", overall=1 + n % 5, user_group="researchers")
    many, _ = dashboard_queries(superuser_client)
    assert many == few


@time_machine.travel("2026-04-01 09:00Z", tick=False)
def test_the_dashboard_csv_has_them(superuser_client, answers):
    rows = list(csv.reader(io.StringIO(body(superuser_client.get("/admin/engagement/export.csv", Q1)))))
    assert ["Satisfaction survey answers", "Jan 2026", "2026-01-01", "Satisfied (4 or 5)", "2", "All"] in rows
    assert [
        "Satisfaction survey: averages and share satisfied",
        "Jan 2026",
        "2026-01-01",
        "Share satisfied (%)",
        "66.7",
        "All",
    ] in rows


@pytest.mark.parametrize(
    ("who", "status"),
    [
        (None, 302),
        ("member", 302),
        ("staff", 302),
        ("viewer", 200),
    ],
)
def test_only_staff_allowed_to_see_answers_list_them(client, answers, who, status):
    from tests.factories import UserFactory

    if who == "member":
        client.force_login(UserFactory())
    elif who == "staff":
        client.force_login(StaffFactory())
    elif who == "viewer":
        client.force_login(StaffFactory(permissions=["satisfaction.view_surveyresponse"]))
    assert client.get(ADMIN).status_code == status
    assert client.get(ADMIN + "?export=csv").status_code == status


def test_the_free_text_needs_its_own_permission(client, answers):
    client.force_login(StaffFactory(permissions=["satisfaction.view_surveyresponse"]))
    listed = client.get(ADMIN).content.decode()
    exported = body(client.get(ADMIN + "?export=csv"))
    assert "Hard to find" not in listed and "Hard to find" not in exported
    client.force_login(
        StaffFactory(permissions=["satisfaction.view_surveyresponse", "satisfaction.view_survey_comments"])
    )
    listed = client.get(ADMIN).content.decode()
    assert "Hard to find &lt;anything&gt; &amp; more." in listed  # shown escaped
    assert "Hard to find" in body(client.get(ADMIN + "?export=csv"))


def test_the_export_is_formula_safe(superuser_client, db):
    SurveyResponseFactory(comment='=HYPERLINK("http://evil.example")', from_path="/")
    exported = body(superuser_client.get(ADMIN + "?export=csv"))
    assert "'=HYPERLINK" in exported
