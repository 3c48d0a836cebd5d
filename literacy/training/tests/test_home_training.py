"""The home page's "Upcoming training": the next three sessions still on, full ones marked."""

import pytest
from bs4 import BeautifulSoup

from literacy.training.models import TrainingSessionPage
from literacy.training.services import register
from tests.queries import queries_for

from .conftest import CONSENT, in_days, make_training_index, session_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def add_session(home_page):
    """add_session(days, **fields) publishes a session starting ``days`` from now."""
    index = make_training_index(home_page)

    def add(days, **fields):
        number = index.get_children().count() + 1
        fields = {"slug": f"session-{number}", "title": f"Session {number}", **fields}
        session = TrainingSessionPage(**session_fields(starts_at=in_days(days), **fields))
        index.add_child(instance=session)
        session.save_revision().publish()
        return session

    return add


def training_items(client):
    html = BeautifulSoup(client.get("/en/").content, "html.parser")
    section = html.select_one('section[aria-labelledby="training-heading"]')
    return section, section.select(".home-training__item")


def test_home_says_which_sessions_are_full(client, add_session):
    full = add_session(3, title="Reading the price index", capacity=2)
    add_session(5, title="Census data in class", capacity=2)
    for number in range(3):  # two seats, then the waitlist
        register(full, name=f"Person {number}", email=f"person{number}@example.org", consent_wording=CONSENT)
    _, items = training_items(client)
    marked = [item.a.get_text(strip=True) for item in items if "full: waitlist open" in item.get_text()]
    assert marked == ["Reading the price index"]


def test_home_lists_the_next_three_live_sessions(client, add_session):
    sessions = [add_session(days) for days in (2, 4, 6, 8, 10)]
    cancelled = sessions[0]
    cancelled.cancelled = True
    cancelled.save_revision().publish()
    add_session(-3, title="A session that has run")
    section, items = training_items(client)
    assert [item.a.get_text(strip=True) for item in items] == [session.title for session in sessions[1:4]]
    assert cancelled.title not in section.get_text()
    nearest = TrainingSessionPage.objects.get(pk=sessions[1].pk)
    assert items[0].a["href"] == nearest.url
    assert items[0].time["datetime"] == nearest.starts_at.isoformat()
    assert nearest.get_format_display() in items[0].get_text()
    assert section.find("a", string="All training sessions")["href"] == "/en/training/"
    assert not section.select(".empty-state")


def test_home_without_sessions_says_so(client, home_page):
    section, items = training_items(client)
    assert not items
    assert "No training sessions are scheduled yet." in section.get_text()


def test_home_query_count_does_not_grow_with_sessions(client, add_session):
    for days in (2, 4, 6):
        add_session(days)
    with_three = queries_for(client, "/en/")
    for days in range(10, 20):
        add_session(days)
    assert queries_for(client, "/en/") == with_three


def test_home_and_session_say_who_each_session_is_for(client, add_session):
    add_session(3, title="For the press", audience="media")
    open_to_all = add_session(4, title="For all", audience="")
    _, items = training_items(client)
    metas = [item.select_one(".home-training__meta").get_text(" ", strip=True) for item in items]
    assert metas[0].endswith("for media") and metas[1].endswith("for everyone")
    tags = BeautifulSoup(client.get(open_to_all.url).content, "html.parser").select_one(".session-tags")
    assert "For everyone" in tags.get_text()
