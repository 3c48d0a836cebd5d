"""Higher or lower through the site: the streak is kept on the server and cannot be forged."""

import pytest
from bs4 import BeautifulSoup

from literacy.games.views.higher_lower import session_key

from .conftest import token_in

pytestmark = pytest.mark.django_db


def current_pair(client, game):
    """The pair on show and the form's token."""
    page = client.get(game.url)
    state = client.session[session_key(game)]
    return game.questions.get(pk=state["order"][state["index"]]), token_in(page), page


def pick(client, game, right=True, **overrides):
    pair, token, _ = current_pair(client, game)
    choice = pair.higher if right else {"first": "second", "second": "first"}[pair.higher]
    data = {"question": pair.pk, "token": token, "choice": choice, **overrides}
    return pair, client.post(f"{game.url}answer/", data)


def streak(client, game):
    state = client.session[session_key(game)]
    return state["streak"], state["best"]


def test_the_figures_are_not_in_the_page_before_answering(client, pair_game):
    pair, _, page = current_pair(client, pair_game)
    html = page.content.decode()
    assert pair.first_label in html and pair.second_label in html
    assert format(pair.first_value, "f").rstrip("0") not in html
    assert format(pair.second_value, "f").rstrip("0") not in html
    assert "Labour force survey" not in html


def test_right_answers_build_a_streak_and_a_wrong_one_ends_it(client, pair_game):
    pair, response = pick(client, pair_game)
    assert response.status_code == 302 and response["Location"] == f"{pair_game.url}#result"
    html = client.get(pair_game.url).content.decode()
    assert "Right!" in html and "Your streak is now 1." in html
    assert f"{pair.first_value:.1f}%" in html  # the figures, shown now
    assert "Labour force survey, 2025" in html
    pick(client, pair_game)
    assert streak(client, pair_game) == (2, 2)
    pick(client, pair_game, right=False)
    assert streak(client, pair_game) == (0, 2)
    html = client.get(pair_game.url).content.decode()
    assert "Not this time" in html and "Your streak ended at 2. Your best is 2." in html


def test_the_order_starts_again_when_every_pair_has_been_played(client, pair_game):
    for _ in range(4):
        pick(client, pair_game)
    assert streak(client, pair_game) == (4, 4)
    assert client.session[session_key(pair_game)]["index"] == 1


def test_the_streak_cannot_be_set_from_the_form(client, pair_game):
    pick(client, pair_game, streak="99", best="99")
    assert streak(client, pair_game) == (1, 1)
    assert "<strong>99</strong>" not in client.get(pair_game.url).content.decode()


def test_a_replayed_answer_does_not_count_twice(client, pair_game):
    pair, token, _ = current_pair(client, pair_game)
    data = {"question": pair.pk, "token": token, "choice": pair.higher}
    client.post(f"{pair_game.url}answer/", data)
    again = client.post(f"{pair_game.url}answer/", data)
    assert again.status_code == 400
    assert "already sent" in again.content.decode()
    assert streak(client, pair_game) == (1, 1)


def test_a_tampered_pair_id_is_refused(client, pair_game):
    pick(client, pair_game, question="999999")
    assert streak(client, pair_game) == (0, 0)
    state = client.session[session_key(pair_game)]
    assert state["index"] == 0 and state["last"] is None


@pytest.mark.parametrize("choice", ["", "third", "<b>first</b>"])
def test_an_invalid_choice_is_refused(client, pair_game, choice):
    _, response = pick(client, pair_game, choice=choice)
    assert response.status_code == 400
    summary = BeautifulSoup(response.content, "html.parser").select_one(".error-summary")
    assert (summary["role"], summary["tabindex"]) == ("alert", "-1")  # the site's one summary
    assert [item.get_text() for item in summary.select("li")] == ["Choose one of the two."]
    assert streak(client, pair_game) == (0, 0)


def test_get_on_the_answer_address_goes_back_to_the_game(client, pair_game):
    response = client.get(f"{pair_game.url}answer/")
    assert response.status_code == 302 and response["Location"] == pair_game.url


def test_answers_are_rate_limited(client, pair_game, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "game_answer": "1/m/ip"}
    pick(client, pair_game)
    _, response = pick(client, pair_game)
    assert response.status_code == 429
    assert streak(client, pair_game) == (1, 1)


def test_a_game_without_pairs_says_so(client, pair_game):
    pair_game.questions.all().delete()
    response = client.get(pair_game.url)
    assert "This game has no pairs yet." in response.content.decode()
