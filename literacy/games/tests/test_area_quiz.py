"""The area quiz, through the site: choose an area, guess, see the official figure (public
versions only), the crowd and the leaderboard; every kind of bad input; constant queries."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data

from datasets.tests.factories import (
    AreaListFactory,
    CodeFactory,
    DatasetFactory,
    DatasetVersionFactory,
    IndicatorFactory,
    ObservationFactory,
)
from literacy.games import areaquiz
from literacy.games.models import AreaGuess, AreaQuizPage, BlockedWord, LeaderboardEntry
from tests.html_validator import validate
from tests.queries import queries_for

from .conftest import token_in
from .factories import AreaGuessFactory, AreaQuizPageFactory
from .test_admin import add_url

pytestmark = pytest.mark.django_db


def build_areas(municipalities=4, *, published=True):
    """A country with two regions and ``municipalities`` municipalities M1…Mn (value 1000·n),
    each region with a figure of its own, in one version public an hour ago (or tomorrow)."""
    area_list = AreaListFactory(slug="quiz-areas")
    country = CodeFactory(code_list=area_list, code="NL", label="Norland")
    regions = [
        CodeFactory(code_list=area_list, code=f"R{n}", label=f"Region {n}", parent=country) for n in (1, 2)
    ]
    dataset = DatasetFactory(area_code_list=area_list, title="Population", producer="Norland Statistics")
    indicator = IndicatorFactory(dataset=dataset, code="POP", name="Population", unit="persons")
    version = DatasetVersionFactory(
        dataset=dataset, number=1, published_at=timezone.now() + timedelta(hours=-1 if published else 24)
    )
    observe(version, indicator, country, 999_999)
    for region in regions:
        observe(version, indicator, region, 50_000)
    grow(version, indicator, regions, municipalities)
    return indicator, version, regions


def observe(version, indicator, area, value, period="2025"):
    return ObservationFactory(
        version=version,
        indicator=indicator,
        area=area,
        period=period,
        period_start=date(int(period), 1, 1),
        value=None if value is None else Decimal(value),
        status="M" if value is None else "A",
    )


def grow(version, indicator, regions, total, start=1):
    for n in range(start, total + 1):
        code = CodeFactory(
            code_list=indicator.dataset.area_code_list,
            code=f"M{n}",
            label=f"Town {n}",
            parent=regions[n % 2],
        )
        observe(version, indicator, code, 1000 * n)


@pytest.fixture
def indicator():
    return build_areas()[0]


@pytest.fixture
def quiz(games_index, indicator):
    return AreaQuizPageFactory(parent=games_index, indicator=indicator, slug="area-quiz")


def guess(client, page, area="M2", value="2100", **overrides):
    form = client.get(page.url)
    return client.post(page.url, {"token": token_in(form), "area": area, "guess": value, **overrides})


def test_the_form_lists_areas_with_a_figure_grouped_by_region(client, quiz):
    html = client.get(quiz.url).content.decode()
    assert '<optgroup label="Region 1">' in html and '<optgroup label="Region 2">' in html
    assert '<option value="M1">Town 1</option>' in html
    assert 'value="R1"' not in html and 'value="NL"' not in html  # other levels are not offered
    assert "Population, 2025" in html


def test_areas_without_a_figure_are_not_offered(client, games_index, indicator):
    town = CodeFactory(code_list=indicator.dataset.area_code_list, code="M9", label="Town 9")
    version = indicator.dataset.versions.get()
    observe(version, indicator, town, None)
    page = AreaQuizPageFactory(parent=games_index, indicator=indicator)
    assert 'value="M9"' not in client.get(page.url).content.decode()


def test_region_level_offers_regions(client, games_index, indicator):
    page = AreaQuizPageFactory(parent=games_index, indicator=indicator, level=AreaQuizPage.REGION)
    html = client.get(page.url).content.decode()
    assert '<option value="R1">Region 1</option>' in html and 'value="M1"' not in html
    assert "<optgroup" not in html


def test_a_guess_shows_the_true_figure_the_miss_and_the_source(client, quiz):
    response = guess(client, quiz, value="2100")
    assert response.status_code == 302 and response.url.endswith("result/#result")
    assert AreaGuess.objects.get(page=quiz).area_code == "M2"
    html = client.get(f"{quiz.url}result/").content.decode()
    assert "Population, Town 2, 2025" in html
    assert "2,000" in html or "2 000" in html
    assert "100 too high (5% above the official figure)." in html
    assert "Source: Population, Norland Statistics, 2025 (version 1)." in html
    assert "<dd>95 <span" in html  # closeness: 5% off


def test_the_crowd_shows_median_and_ranges(client, quiz):
    for value in (500, 1000, 1900, 2000, 2050):
        AreaGuessFactory(page=quiz, area_code="M2", guess=value)
    AreaGuessFactory(page=quiz, area_code="M1", guess=99_999)  # another area: not counted
    guess(client, quiz, value="9000")
    html = client.get(f"{quiz.url}result/").content.decode()
    assert "How 6 players guessed for Town 2" in html
    assert "The middle guess (median) was <strong>1,950</strong>" in html
    crowd = areaquiz.crowd(quiz, areaquiz.load(quiz).areas["M2"])
    assert [row["count"] for row in crowd["rows"]] == [1, 1, 0, 3, 0, 0, 1]


def test_closeness():
    assert areaquiz.closeness(Decimal(200), Decimal(200)) == 100
    assert areaquiz.closeness(Decimal(200), Decimal(150)) == 75
    assert areaquiz.closeness(Decimal(200), Decimal(1000)) == 0
    assert areaquiz.closeness(Decimal(0), Decimal(0)) == 100
    assert areaquiz.closeness(Decimal(0), Decimal(1)) == 0


@pytest.mark.parametrize(
    ("area", "value", "message"),
    [
        ("XX", "100", "Choose one of the areas in the list."),
        ("", "100", "Choose your area."),
        ("R1", "100", "Choose one of the areas in the list."),
        ("M1", "", "Enter your guess."),
        ("M1", "lots", "Enter a number, like 42 or 3.5"),
        ("M1", "1e400", "Enter a number"),
        ("M1", "NaN", "Enter a number"),
        ("M1", "-5", "Enter a number from 0 to 40,000."),
        ("M1", "40001", "Enter a number from 0 to 40,000."),
        ("M1", "9" * 40, "Enter a number from 0 to 40,000."),
        ("M1", "<script>alert(1)</script>", "Enter a number, like 42 or 3.5"),
    ],
)
def test_bad_input_is_refused_with_a_message(client, quiz, area, value, message):
    response = guess(client, quiz, area=area, value=value)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "<script>alert" not in response.content.decode()
    assert not AreaGuess.objects.exists()


@pytest.mark.parametrize(("area", "value"), [("M1\x00", "100"), ("M1", "12\x0034")])
def test_nul_bytes_are_refused(client, quiz, area, value):
    response = guess(client, quiz, area=area, value=value)
    assert response.status_code == 400
    assert "such as an invisible control character" in response.content.decode()
    assert not AreaGuess.objects.exists()


def test_a_replayed_or_forged_token_is_refused(client, quiz):
    form = client.get(quiz.url)
    data = {"token": token_in(form), "area": "M1", "guess": "1000"}
    assert client.post(quiz.url, data).status_code == 302
    again = client.post(quiz.url, data)
    assert again.status_code == 400 and "already sent" in again.content.decode()
    assert client.post(quiz.url, {**data, "token": "forged"}).status_code == 400
    assert AreaGuess.objects.count() == 1


def test_guesses_are_rate_limited(client, quiz, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "game_answer": "1/m/ip"}
    client.post(quiz.url, {"token": "forged", "area": "M1", "guess": "1"})
    assert guess(client, quiz).status_code == 429 and not AreaGuess.objects.exists()


def test_posts_need_csrf(quiz):
    strict = Client(enforce_csrf_checks=True)
    assert guess(strict, quiz).status_code == 403


def test_result_without_a_guess_goes_back_to_the_form(client, quiz):
    response = client.get(f"{quiz.url}result/")
    assert response.status_code == 302 and response.url == quiz.url


def test_no_indicator_or_no_public_figure_is_a_friendly_empty_state(client, games_index):
    hidden = build_areas(published=False)[0]
    for page in (
        AreaQuizPageFactory(parent=games_index, indicator=None),
        AreaQuizPageFactory(parent=games_index, indicator=hidden),
    ):
        response = client.get(page.url)
        assert response.status_code == 200
        assert "no published figures to guess yet" in response.content.decode()
        posted = client.post(page.url, {"area": "M1", "guess": "1"})
        assert posted.status_code == 200 and not AreaGuess.objects.exists()
        assert client.get(f"{page.url}result/").status_code == 302


def test_an_embargoed_version_is_never_the_answer(client, quiz, indicator):
    embargoed = DatasetVersionFactory(
        dataset=indicator.dataset, number=2, published_at=timezone.now() + timedelta(days=1)
    )
    town = indicator.dataset.area_code_list.codes.get(code="M2")
    observe(embargoed, indicator, town, 7777, period="2026")
    observe(embargoed, indicator, town, 6666)
    guess(client, quiz, value="2000")
    html = client.get(f"{quiz.url}result/").content.decode()
    assert "7,777" not in html and "6,666" not in html and "2026" not in html
    assert "Spot on" in html


def test_a_score_goes_on_the_leaderboard_once(client, quiz):
    guess(client, quiz, value="1800")
    result = client.get(f"{quiz.url}result/")
    response = client.post(f"{quiz.url}result/", {"token": token_in(result), "nickname": "  Map   Owl "})
    entry = LeaderboardEntry.objects.get(quiz=quiz)
    assert (entry.nickname, entry.score, entry.out_of) == ("Map Owl", 90, 100)
    assert response.url.endswith(f"#entry-{entry.pk}")
    html = client.get(f"{quiz.url}result/").content.decode()
    assert f'id="entry-{entry.pk}"' in html and "90/100" in html and "Put your score" not in html
    again = client.post(f"{quiz.url}result/", {"token": token_in(result), "nickname": "Twice"})
    assert again.status_code == 302 and LeaderboardEntry.objects.count() == 1


def test_nickname_rules_apply(client, quiz):
    BlockedWord.objects.create(word="rude")
    guess(client, quiz)
    result = client.get(f"{quiz.url}result/")
    for nickname in ("so rude", "x" * 25, "a@b.example"):
        response = client.post(f"{quiz.url}result/", {"token": token_in(result), "nickname": nickname})
        assert response.status_code == 400
        result = response
    assert not LeaderboardEntry.objects.exists()


def test_score_submissions_are_rate_limited(client, quiz, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "game_score": "1/m/ip"}
    guess(client, quiz)
    result = client.get(f"{quiz.url}result/")
    client.post(f"{quiz.url}result/", {"token": "forged", "nickname": "One"})
    response = client.post(f"{quiz.url}result/", {"token": token_in(result), "nickname": "Two"})
    assert response.status_code == 429 and not LeaderboardEntry.objects.exists()


def test_query_count_is_constant_with_10_and_400_areas(client, games_index):
    indicator, version, regions = build_areas(10)
    page = AreaQuizPageFactory(parent=games_index, indicator=indicator)
    guess(client, page, area="M3", value="3000")
    for value in range(20):
        AreaGuessFactory(page=page, area_code="M3", guess=value)
    few = queries_for(client, page.url), queries_for(client, f"{page.url}result/")
    grow(version, indicator, regions, 400, start=11)
    AreaGuess.objects.bulk_create(AreaGuess(page=page, area_code="M3", guess=n) for n in range(400))
    many = queries_for(client, page.url), queries_for(client, f"{page.url}result/")
    assert few == many
    assert "Town 400" in client.get(page.url).content.decode()


def test_pages_are_valid_html(client, quiz, games_index):
    empty = AreaQuizPageFactory(parent=games_index, indicator=None)
    pages = {quiz.url: client.get(quiz.url).content, empty.url: client.get(empty.url).content}
    pages["error"] = guess(client, quiz, value="-5").content
    guess(client, quiz)
    pages["result"] = client.get(f"{quiz.url}result/").content
    assert validate(pages) == []


def test_an_editor_creates_an_area_quiz_in_the_admin(superuser_client, games_index, indicator, client):
    data = nested_form_data(
        {
            "title": "Know your town",
            "slug": "know-your-town",
            "intro": "Guess your town's population.",
            "indicator": indicator.pk,
            "level": AreaQuizPage.MUNICIPALITY,
            "leaderboard_size": 10,
            "action-publish": "publish",
        }
    )
    response = superuser_client.post(add_url(AreaQuizPage, games_index), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = AreaQuizPage.objects.get(slug="know-your-town")
    assert page.live and page.indicator == indicator
    assert "Town 1" in client.get(page.url).content.decode()
