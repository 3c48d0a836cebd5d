"""The area quiz's figures, and its form's fields as a newcomer sees them, are read and drawn once
per revision, chrome generation and language, not on every play; each player's form keeps its own
one-use token, and a refused guess its error and value."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from literacy.games.models import AreaQuizPage

from .conftest import token_in
from .factories import AreaQuizPageFactory
from .test_area_quiz import build_areas, guess

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_cached")]


@pytest.fixture
def quiz(games_index):
    return AreaQuizPageFactory(parent=games_index, indicator=build_areas()[0], slug="area-quiz")


def view(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response


def test_a_second_player_reads_no_figure_and_gets_a_token_of_their_own(quiz):
    first, first_response = view(Client(), quiz.url)
    second, second_response = view(Client(), quiz.url)
    assert second <= first - 5 and second <= 15
    assert '<option value="M1">Town 1</option>' in second_response.content.decode()
    assert token_in(first_response) != token_in(second_response)


def test_a_guess_is_scored_against_the_kept_figures(client, quiz):
    view(client, quiz.url)
    assert guess(client, quiz, value="2100").status_code == 302
    html = client.get(f"{quiz.url}result/").content.decode()
    assert "100 too high (5% above the official figure)." in html


def test_a_refused_guess_shows_its_error_and_the_next_form_does_not(client, quiz):
    view(client, quiz.url)
    refused = guess(client, quiz, area="M2", value="lots")
    assert refused.status_code == 400 and 'value="lots"' in refused.content.decode()
    assert "Error:" in refused.content.decode()
    _count, response = view(client, quiz.url)
    html = response.content.decode()
    assert "Error:" not in html and 'value="lots"' not in html


def test_a_new_revision_shows_on_the_next_view(client, quiz, committed):
    view(client, quiz.url)
    with committed():
        quiz.level = AreaQuizPage.REGION
        quiz.save_revision().publish()
    _count, response = view(client, quiz.url)
    html = response.content.decode()
    assert '<option value="R1">Region 1</option>' in html and 'value="M1"' not in html
