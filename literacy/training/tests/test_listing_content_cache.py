"""The upcoming sessions, and what a session's page says about itself, are drawn once per address
or revision, chrome generation and language, not on every uncached view: a registration shows
in the places left on the next view, and each filter keeps its own copy."""

import pytest

from home.tests.factories import StandardPageFactory
from literacy.training import services as training
from tests.pages import in_language
from tests.queries import counted_view as view

pytestmark = pytest.mark.usefixtures("fragments_cached")


@pytest.mark.parametrize("query", ["", "?level=basic", "?month=1999-13&page=x"])
def test_a_second_view_reads_no_session(client, training_index, make_session, query):
    make_session(title="Reading inflation figures", level="basic")
    first, first_html = view(client, training_index.url + query)
    second, second_html = view(client, training_index.url + query)
    assert second < first and second <= 6
    assert "Reading inflation figures" in second_html and second_html == first_html


def test_each_filter_keeps_its_own_copy(client, training_index, make_session):
    make_session(title="Reading inflation figures", level="basic")
    make_session(title="Seasonal adjustment in depth", level="advanced")
    view(client, training_index.url)
    _count, basic = view(client, training_index.url + "?level=basic")
    _count, advanced = view(client, training_index.url + "?level=advanced")
    assert "Reading inflation figures" in basic and "Seasonal adjustment in depth" not in basic
    assert "Seasonal adjustment in depth" in advanced and "Reading inflation figures" not in advanced


def test_a_registration_shows_in_the_places_left_on_the_next_view(
    client, training_index, session, person, committed
):
    assert "10 places left" in view(client, training_index.url)[1]
    with committed():
        training.register(session, **person())
    assert "9 places left" in view(client, training_index.url)[1]


def test_a_session_published_since_shows_on_the_next_view(client, training_index, make_session, committed):
    make_session(title="Reading inflation figures")
    view(client, training_index.url)
    with committed():
        make_session(title="Seasonal adjustment in depth")
    assert "Seasonal adjustment in depth" in view(client, training_index.url)[1]


def test_each_language_gets_its_own_copy(client, training_index, session):
    _count, english = view(client, training_index.url)
    _count, french = view(client, in_language(training_index.url, "fr"))
    assert "Apply filters" in english and "Apply filters" not in french


def test_a_sessions_page_keeps_its_preparation_but_not_its_places_or_form(
    client, training_index, make_session, person, committed
):
    guide = StandardPageFactory(parent=training_index.get_parent(), title="Getting to Statistics House")
    session = make_session(capacity=2, preparation=[("page", guide)])
    first, _html = view(client, session.url)
    second, html = view(client, session.url)
    assert second < first and "Getting to Statistics House" in html and "2 of 2 left" in html
    with committed():
        training.register(session, **person())
    _count, html = view(client, session.url)
    assert "1 of 2 left" in html and "Getting to Statistics House" in html
    assert 'name="csrfmiddlewaretoken"' in html
