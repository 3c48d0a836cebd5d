"""Query budgets: a competition with its winners, and its gallery, run as many queries with
1,000 entries as with 10."""

import datetime

import pytest

from literacy.competitions.models import Entry
from tests.bulk import grow_rows
from tests.queries import assert_constant

from .factories import CompetitionPageFactory, EntryFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished_competition(home_page):
    """Closed a month ago, results out: three winners (an image, a PDF and a link), a rejected
    entry and one accepted without a place, across both categories."""
    opened = in_days(-60)
    competition = CompetitionPageFactory(
        opens_at=opened,
        closes_at=opened + datetime.timedelta(days=30),
        winners_announced_at=opened + datetime.timedelta(days=50),
        results_published=True,
        results_intro="<p>Thank you to everyone who entered.</p>",
    )
    infographic, story = competition.categories.all()
    accepted = Entry.Moderation.ACCEPTED
    EntryFactory(competition=competition, moderation=accepted, place=1, category=infographic)
    EntryFactory(competition=competition, moderation=accepted, place=2, category=story, file_kind="pdf")
    EntryFactory(
        competition=competition, moderation=accepted, place=3, file_kind="", link="https://example.org/map"
    )
    EntryFactory(competition=competition, moderation=Entry.Moderation.REJECTED, category=story)
    return competition


def test_a_competition_and_its_gallery_of_winners(finished_competition):
    competition = finished_competition
    entry = EntryFactory(competition=competition, moderation=Entry.Moderation.ACCEPTED, place=None)

    def grow_to(total):
        grow_rows(entry, competition.entries, total, title=lambda n: f"Entry {n}")

    assert_constant([competition.url, f"{competition.url}gallery/"], grow_to)
