"""Results for staff: counts and shares per choice, free text as formula-safe CSV and XLSX, who
may see them, and a query count that does not grow with the responses."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from consultations.results import summarise
from consultations.tests.factories import ConsultationResponseFactory
from tests.factories import StaffFactory
from tests.spreadsheets import csv_rows

pytestmark = pytest.mark.django_db

OFTEN = "q_how_often_do_you_use_our_figures"
TOPICS = "q_which_topics_interest_you"
CHANGE = "q_what_should_we_change"


def respond(page, often, topics=(), change=""):
    return ConsultationResponseFactory(
        page=page, form_data={OFTEN: often, TOPICS: list(topics), CHANGE: change}
    )


@pytest.fixture
def answered(consultation):
    respond(consultation, "Every week", ["Prices", "Jobs"], "More regional tables.")
    respond(consultation, "Every week", ["Prices"], '=HYPERLINK("https://evil.example","Click")')
    respond(consultation, "Less often", [], "")
    respond(consultation, "Every day (a choice since removed)", ["Jobs"], "+SUM(A1:A9)")
    return consultation


def results_url(page, view="consultations_results"):
    return reverse(view, args=[page.pk])


def test_counts_and_shares_per_choice(answered):
    total, (often, topics) = summarise(answered)
    assert total == 4
    assert [(row.choice, row.count, row.percent) for row in often.counts] == [
        ("Every week", 2, 50.0),
        ("Every month", 0, 0.0),
        ("Less often", 1, 25.0),
        ("Every day (a choice since removed)", 1, 25.0),
    ]
    assert often.answered == 4
    assert [(row.choice, row.count, row.percent) for row in topics.counts] == [
        ("Prices", 2, 50.0),
        ("Jobs", 2, 50.0),
        ("Population", 0, 0.0),
    ]
    assert topics.answered == 3


def test_no_responses_no_division_by_zero(consultation):
    total, results = summarise(consultation)
    assert total == 0 and all(row.percent == 0.0 for result in results for row in result.counts)


def test_a_yes_no_checkbox_is_counted_as_yes_and_no(index_page):
    from consultations.tests.factories import ConsultationPageFactory

    page = ConsultationPageFactory(
        parent=index_page,
        questions=[{"label": "Keep me posted", "field_type": "checkbox", "required": False}],
    )
    for value in (True, True, False):
        ConsultationResponseFactory(page=page, form_data={"q_keep_me_posted": value})
    _, [result] = summarise(page)
    assert [(row.choice, row.count) for row in result.counts] == [("Yes", 2), ("No", 1)]


def test_the_results_page_shows_the_counts_to_staff_with_the_permission(client, analyst, answered):
    client.force_login(analyst)
    response = client.get(results_url(answered))
    html = response.content.decode()
    assert response.status_code == 200
    assert "4 responses" in html and "How often do you use our figures?" in html
    assert "<td>2</td><td>50.0%</td>" in html
    assert results_url(answered, "consultations_results_csv") in html


def test_the_communications_team_may_read_results(client, answered):
    client.force_login(StaffFactory(groups=["Communications team"]))
    assert client.get(results_url(answered)).status_code == 200


@pytest.mark.parametrize(
    "view", ["consultations_results", "consultations_results_csv", "consultations_results_xlsx"]
)
def test_results_are_refused_to_anyone_without_the_permission(client, answered, view):
    url = results_url(answered, view)
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    client.force_login(StaffFactory(permissions=["consultations.add_consultationresponse"]))
    refused = client.get(url)
    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")
    from tests.factories import UserFactory

    client.force_login(UserFactory())  # signed in, not staff
    assert client.get(url).status_code == 302


def test_results_of_something_that_is_not_a_consultation_are_not_found(client, analyst, home_page):
    client.force_login(analyst)
    assert client.get(reverse("consultations_results", args=[home_page.pk])).status_code == 404


def test_free_text_as_csv_cannot_carry_formulas(client, analyst, answered):
    client.force_login(analyst)
    rows = csv_rows(client.get(results_url(answered, "consultations_results_csv")))
    assert rows[0] == ["Response", "Received", "What should we change?"]
    texts = [row[2] for row in rows[1:]]
    assert texts == [
        "More regional tables.",
        '\'=HYPERLINK("https://evil.example","Click")',
        "",
        "'+SUM(A1:A9)",
    ]


def test_free_text_as_xlsx_cannot_carry_formulas(client, analyst, answered):
    client.force_login(analyst)
    response = client.get(results_url(answered, "consultations_results_xlsx"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="consultation-' in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    texts = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert '\'=HYPERLINK("https://evil.example","Click")' in texts and "'+SUM(A1:A9)" in texts
    assert all(not (text or "").startswith(("=", "+")) for text in texts)


def test_the_responses_list_in_the_admin_names_no_one(client, analyst, answered):
    client.force_login(analyst)
    response = client.get(reverse("consultations_consultationresponse_modeladmin_index"))
    assert response.status_code == 200
    assert results_url(answered) in response.content.decode()


def test_wagtails_own_submission_screens_do_not_list_consultations(superuser_client, answered):
    response = superuser_client.get(reverse("wagtailforms:index"))
    assert response.status_code == 200
    assert answered.title not in response.content.decode()


def test_the_results_page_costs_the_same_queries_for_2_and_20_responses(client, analyst, consultation):
    client.force_login(analyst)

    def queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    urls = [
        results_url(consultation, view) for view in ("consultations_results", "consultations_results_csv")
    ]
    for _ in range(2):
        respond(consultation, "Every week", ["Prices"], "Text")
    few = [queries(url) for url in urls]
    for _ in range(18):
        respond(consultation, "Less often", ["Jobs"], "More text")
    assert [queries(url) for url in urls] == few
