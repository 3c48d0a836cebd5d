"""The listing (open, opening soon, closed with outcome), its query budget, the link from
"You said, we did", the engagement dashboard's indicator and the demo content."""

import datetime

import pytest
from django.utils import timezone
from freezegun import freeze_time

from consultations.demo import load_consultations_demo
from consultations.indicators import consultations, open_now
from consultations.models import ConsultationPage, ConsultationResponse, State
from consultations.tests.factories import ConsultationPageFactory, ConsultationResponseFactory
from consultations.wagtail_hooks import consultation_indicators
from feedback.tests.factories import YouSaidWeDidPageFactory
from tests.queries import assert_constant, counts

pytestmark = pytest.mark.django_db

OUTCOME = {"we_asked": "<p>Asked.</p>", "you_said": "<p>Said.</p>", "we_did": "<p>Did a change.</p>"}


def days(n):
    return timezone.now() + datetime.timedelta(days=n)


@pytest.fixture
def three_states(index_page):
    return {
        "open": ConsultationPageFactory(
            parent=index_page, title="Open one", opens_at=days(-2), closes_at=days(5)
        ),
        "upcoming": ConsultationPageFactory(
            parent=index_page, title="Coming one", opens_at=days(3), closes_at=days(20)
        ),
        "outcome": ConsultationPageFactory(
            parent=index_page,
            title="Finished one",
            opens_at=days(-60),
            closes_at=days(-30),
            summary="We asked about release times.",
            **OUTCOME,
        ),
        "closed": ConsultationPageFactory(
            parent=index_page, title="Waiting one", opens_at=days(-20), closes_at=days(-1)
        ),
    }


def section(html, heading_id):
    start = html.index(f'id="{heading_id}"')
    end = html.find("</section>", start)
    return html[start:end]


def test_the_listing_groups_consultations_by_state(client, index_page, three_states):
    html = client.get(index_page.url).content.decode()
    assert "Open one" in section(html, "open-heading") and "Coming one" not in section(html, "open-heading")
    assert "Coming one" in section(html, "upcoming-heading")
    closed = section(html, "closed-heading")
    assert closed.index("Finished one") < closed.index("Waiting one")  # those with an outcome first
    assert str(State.OUTCOME.label) in closed and str(State.CLOSED.label) in closed


def test_an_empty_listing_says_so(client, index_page):
    html = client.get(index_page.url).content.decode()
    assert "No consultation is open at the moment." in html and "No consultation has closed yet." in html


def test_a_draft_consultation_is_not_listed(client, index_page):
    ConsultationPageFactory(parent=index_page, title="Secret draft", live=False)
    assert "Secret draft" not in client.get(index_page.url).content.decode()


def test_the_listing_and_a_consultation_cost_the_same_queries_for_10_and_1000_responses(
    index_page, three_states
):
    page = three_states["open"]

    def grow_to(total):
        missing = total - ConsultationResponse.objects.filter(page=page).count()
        ConsultationResponse.objects.bulk_create(
            ConsultationResponse(page=page, form_data={"q_what_should_we_change": "x"})
            for _ in range(missing)
        )

    assert_constant([index_page.url, page.url], grow_to)


def test_the_listing_costs_the_same_queries_for_2_and_20_consultations(
    index_page, django_assert_max_num_queries
):
    for n in range(2):
        ConsultationPageFactory(parent=index_page, title=f"C{n}")
    few = counts([index_page.url])
    for n in range(18):
        ConsultationPageFactory(parent=index_page, title=f"D{n}", questions=[])
    assert counts([index_page.url]) == few


def test_you_said_we_did_links_to_published_outcomes_and_the_listing(client, index_page, three_states):
    said = YouSaidWeDidPageFactory()
    html = client.get(said.url).content.decode()
    part = section(html, "we-asked-heading")
    assert "Finished one" in part and three_states["outcome"].url in part
    assert "We asked about release times." in part
    for title in ("Open one", "Coming one", "Waiting one"):
        assert title not in part
    assert index_page.url in part


def test_you_said_we_did_without_consultations_shows_no_section(client, home_page):
    said = YouSaidWeDidPageFactory()
    assert 'id="we-asked-heading"' not in client.get(said.url).content.decode()


def test_the_dashboard_counts_responses_and_openings(index_page):
    with freeze_time("2026-02-10 12:00:00"):
        page = ConsultationPageFactory(
            parent=index_page,
            opens_at=timezone.now() - datetime.timedelta(days=1),
            closes_at=timezone.now() + datetime.timedelta(days=60),
        )
        ConsultationResponseFactory.create_batch(3, page=page)
    with freeze_time("2026-03-05 12:00:00"):
        ConsultationResponseFactory(page=page)
        headings, rows = open_now(None, None)
    rows_by = {
        (period.month, segment): value
        for period, segment, value in consultations(
            datetime.date(2026, 1, 1), datetime.date(2026, 3, 31), "month"
        )
    }
    assert rows_by == {(2, "Responses"): 3, (3, "Responses"): 1, (2, "Opened"): 1}
    assert headings[2] == "Responses so far" and rows == [(page.title, "11 Apr 2026", 4)]
    [indicator] = consultation_indicators()
    assert (indicator.key, indicator.segments, indicator.summary) == (
        "consultation_responses",
        ("Responses", "Opened"),
        open_now,
    )


def test_the_demo_makes_one_open_and_one_closed_consultation_with_outcome_once(home_page, client):
    created = []
    load_consultations_demo(home_page, created)
    pages = {page.slug: page for page in ConsultationPage.objects.live()}
    assert set(pages) == {"regional-prices", "release-times"}
    assert pages["regional-prices"].state() == State.OPEN
    assert pages["release-times"].state() == State.OUTCOME
    assert pages["regional-prices"].form_fields.count() == 3
    assert ConsultationResponse.objects.filter(page=pages["release-times"]).count() == 5
    assert all(response.contact is None for response in ConsultationResponse.objects.all())
    assert client.get(pages["regional-prices"].url).status_code == 200
    assert "We now publish" not in client.get(pages["regional-prices"].url).content.decode()
    assert "9:30" in client.get(pages["release-times"].url).content.decode()
    again = []
    load_consultations_demo(home_page, again)
    assert again == [] and ConsultationPage.objects.count() == 2


def test_the_pages_are_valid_html(client, index_page, three_states):
    from tests.html_validator import validate

    open_page = three_states["open"]
    pages = {
        index_page.url: client.get(index_page.url).content,
        open_page.url: client.get(open_page.url).content,
        open_page.url + "?errors": client.post(open_page.url, {"email": "nope", "consent": "on"}).content,
        three_states["outcome"].url: client.get(three_states["outcome"].url).content,
        three_states["upcoming"].url: client.get(three_states["upcoming"].url).content,
    }
    assert validate(pages) == []
