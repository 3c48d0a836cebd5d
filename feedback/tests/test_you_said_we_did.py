"""The public "You said, we did" page: editors' entries and headline figures, charts with tables."""

import datetime
import itertools

import pytest
import time_machine
from django.utils import timezone

from feedback.figures import compute_headline_figures
from feedback.models import YouSaidWeDidEntry
from feedback.tests.factories import (
    DataRequestFactory,
    PageFeedbackFactory,
    YouSaidWeDidEntryFactory,
    YouSaidWeDidPageFactory,
)
from tests.queries import queries_for

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 15, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def page(home_page, themes):
    """The page with two entries, one linked to a theme."""
    page = YouSaidWeDidPageFactory()
    YouSaidWeDidEntryFactory(page=page, theme=themes["Regional figures"])
    YouSaidWeDidEntryFactory(page=page)
    return page


@pytest.fixture
def known_figures(story):
    """Six months of requests and feedback whose figures are worked out by hand below."""
    numbers = itertools.count(1)

    def request(received, status="received", answered_after=None):
        number = next(numbers)
        created = NOW - datetime.timedelta(days=received)
        closed = created + datetime.timedelta(days=answered_after) if answered_after is not None else None
        return DataRequestFactory(
            reference=f"DR-T-{number}",
            status=status,
            created_at=created,
            closed_at=closed,
        )

    request(10)  # June: received, open
    request(20, "answered", answered_after=2)  # May 26, answered May 28: 2 days
    request(40, "answered", answered_after=4)  # May 6, answered May 10: 4 days
    request(50, "redirected", answered_after=9)  # April 26, redirected May 5: 9 days
    request(60, "declined", answered_after=1)  # April 16: declined, not an answer
    request(400)  # more than a year ago: outside the window
    for days, useful, kind, addressed in [
        (5, True, "", False),
        (15, False, "missing_data", True),
        (25, False, "missing_data", False),
        (35, False, "hard_to_understand", True),
        (500, False, "data_error", True),  # outside the window
    ]:
        PageFeedbackFactory(
            page=story,
            useful=useful,
            feedback_type=kind,
            addressed=addressed,
            created_at=NOW - datetime.timedelta(days=days),
        )


def test_headline_figures_match_hand_computed_values(known_figures):
    figures = compute_headline_figures(12, NOW)
    assert figures.since == datetime.date(2025, 7, 1)
    assert figures.requests_received == 5
    assert figures.requests_answered == 3  # answered twice, redirected once; the decline is no answer
    assert figures.median_days_to_answer == 4.0  # median of 2, 4 and 9 days
    assert (figures.feedback_received, figures.feedback_addressed) == (4, 2)
    assert figures.share_addressed == 50
    rows = dict(figures.requests_table)
    assert len(rows) == 12
    assert rows["Jun 2026"] == ["1", "0"]
    assert rows["May 2026"] == ["2", "3"]  # received 26 and 6 May; answered 28, 10 and 5 May
    assert rows["Apr 2026"] == ["2", "0"]
    assert rows["Jul 2025"] == ["0", "0"]
    by_type = dict(figures.feedback_table)
    assert by_type["Missing data"] == ["2", "1"]
    assert by_type["Hard to understand"] == ["1", "1"]
    assert by_type["No type given"] == ["1", "0"]
    assert by_type["Error in the data"] == ["0", "0"]


def test_with_nothing_to_count_the_figures_say_so(db):
    figures = compute_headline_figures(3, NOW)
    assert figures.requests_received == 0
    assert figures.median_days_to_answer is None
    assert figures.share_addressed is None


def test_the_page_shows_figures_charts_with_tables_and_entries(client, page, known_figures):
    with time_machine.travel(NOW, tick=False):
        response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "data requests received" in html
    assert "median time to answer" in html
    assert '<span class="key-figure__number">4.0</span>' in html
    assert '<span class="key-figure__number">50</span>' in html
    assert html.count("<svg") >= 2 and 'role="img"' in html
    assert html.count('<table class="chart__table">') == 2
    assert "Data requests received and answered, by month" in html
    for entry in page.entries.all():
        assert entry.we_did in html


def test_entries_are_written_by_editors_and_link_to_a_theme(client, page, themes):
    page.entries.all().delete()
    page.entries.add(
        YouSaidWeDidEntry(
            you_said="<b>Bold</b> claims need sources",
            we_did="Every chart names its source.",
            theme=themes["Clearer charts"],
            date=timezone.localdate(),
        )
    )
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "&lt;b&gt;Bold&lt;/b&gt; claims need sources" in html
    assert "Theme: Clearer charts" in html


def test_an_empty_page_says_what_will_appear(client, page):
    page.entries.all().delete()
    page.save_revision().publish()
    assert "Nothing here yet" in client.get(page.url).content.decode()


def test_queries_do_not_grow_with_the_number_of_requests_and_entries(client, page, story, themes):
    few = queries_for(client, page.url)
    DataRequestFactory.create_batch(30)
    YouSaidWeDidEntryFactory.create_batch(30, page=page, theme=themes["Release timing"], link_page=story)
    page.save_revision().publish()
    from django.core.cache import cache

    cache.clear()
    assert queries_for(client, page.url) == few
