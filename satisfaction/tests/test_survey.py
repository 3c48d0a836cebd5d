"""The survey form: a good answer is stored (and the browser remembered), bad and hostile input
gets the error summary and stores nothing, robots and floods are turned away, and the thank-you
page belongs to the browser that answered."""

import pytest
from django.middleware.csrf import get_token

from satisfaction.models import SurveyResponse
from satisfaction.responses import COOKIE_NAME
from satisfaction.tests.factories import SurveyResponseFactory

pytestmark = pytest.mark.django_db


def answers(**changes):
    data = {
        "overall": "5",
        "ease": "3",
        "trust": "4",
        "user_group": "media",
        "comment": "Clear charts.",
        "from_path": "/en/stories/prices/",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_the_page_asks_the_three_questions_in_fieldsets_with_legends(client, survey_page):
    response = client.get(survey_page.url, {"from": "/en/stories/prices/"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<fieldset class="field field--radios"') == 4  # three scores and the user group
    for legend in (
        "Overall, how satisfied are you with this website?",
        "How easy was it to find what you were looking for?",
        "How much do you trust the figures on this website?",
        "Which of these describes you best? (optional)",
    ):
        assert f"<legend>{legend}</legend>" in html
    assert 'name="from_path" value="/en/stories/prices/"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "data-survey-invitation" not in html  # never invited to the survey on the survey


def test_an_answer_is_stored_with_the_page_it_came_from(client, survey_page):
    response = client.post(survey_page.url, answers())
    assert response.status_code == 302
    assert response["Location"] == survey_page.url + "sent/"
    answer = SurveyResponse.objects.get()
    assert (answer.overall, answer.ease, answer.trust, answer.user_group) == (5, 3, 4, "media")
    assert (answer.comment, answer.from_path) == ("Clear charts.", "/en/stories/prices/")
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert b'href="/en/stories/prices/"' in thanks.content
    assert "no-cache" in thanks["Cache-Control"]


def test_answering_remembers_the_browser_for_the_period_and_nothing_else(client, survey_page):
    from satisfaction.models import SurveySettings

    settings = SurveySettings.load()
    settings.period_days = 30
    settings.save()
    response = client.post(survey_page.url, answers())
    cookie = response.cookies[COOKIE_NAME]
    assert cookie.value == "1"
    assert cookie["max-age"] == 30 * 86400
    assert cookie["samesite"] == "Lax"


def test_the_user_group_and_comment_are_optional(client, survey_page):
    response = client.post(survey_page.url, answers(user_group=None, comment=None, from_path=None))
    assert response.status_code == 302
    answer = SurveyResponse.objects.get()
    assert (answer.user_group, answer.comment, answer.from_path) == ("", "", "")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"overall": None}, "Choose an answer from 1 to 5."),
        ({"overall": "0"}, "Choose an answer from 1 to 5."),
        ({"ease": "6"}, "Choose an answer from 1 to 5."),
        ({"trust": "very"}, "Choose an answer from 1 to 5."),
        ({"trust": "4.5"}, "Choose an answer from 1 to 5."),
        ({"user_group": "aliens"}, "Choose one of the groups listed, or none."),
        ({"comment": "x" * 1001}, "Keep this to 1,000 characters or fewer (you wrote 1001)."),
    ],
)
def test_bad_answers_are_explained_in_the_focused_error_summary(client, survey_page, changes, message):
    response = client.post(survey_page.url, answers(**changes))
    assert response.status_code == 400
    html = response.content.decode()
    assert '<div class="error-summary" role="alert" tabindex="-1">' in html
    assert message in html
    assert 'value="/en/stories/prices/"' in html  # what was given is kept
    assert not SurveyResponse.objects.exists()


def test_an_empty_form_names_every_missing_score(client, survey_page):
    response = client.post(survey_page.url, {})
    assert response.status_code == 400
    assert response.content.decode().count("Choose an answer from 1 to 5.") == 6  # summary and fields


def test_a_nul_character_is_refused_before_the_form(client, survey_page):
    response = client.post(survey_page.url, answers(comment="fine\x00"))
    assert response.status_code == 400
    assert not SurveyResponse.objects.exists()


def test_hostile_html_in_the_comment_is_cleaned_by_the_sanitiser(client, survey_page):
    comment = '<script>alert("x")</script><a href="javascript:alert(1)" onclick="x()">me</a> <b>ok</b> & <3'
    assert client.post(survey_page.url, answers(comment=comment)).status_code == 302
    stored = SurveyResponse.objects.get().comment
    assert "<script" not in stored and "javascript:" not in stored and "onclick" not in stored
    assert "<b>" not in stored and "me ok & <3" in stored  # plain text: the words kept, unescaped


def test_control_characters_are_dropped_from_the_comment(client, survey_page):
    assert client.post(survey_page.url, answers(comment="one\x07 two\nthree")).status_code == 302
    assert SurveyResponse.objects.get().comment == "one two\nthree"


@pytest.mark.parametrize(
    "path",
    ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", "/" + "a" * 300],
)
def test_the_page_it_came_from_is_only_ever_a_path_on_this_site(client, survey_page, path):
    page = client.get(survey_page.url, {"from": path}).content.decode()
    assert 'name="from_path" id="id_from_path"' in page and "evil" not in page
    assert client.post(survey_page.url, answers(from_path=path)).status_code == 302
    assert SurveyResponse.objects.get().from_path == ""


def test_robots_filling_the_hidden_field_store_nothing(client, survey_page):
    response = client.post(survey_page.url, answers(website="http://spam.example"))
    assert response.status_code == 302
    assert not SurveyResponse.objects.exists()
    assert client.get(response["Location"])["Location"] == survey_page.url  # no thank-you either


def test_a_second_answer_in_the_same_visit_is_not_counted(client, survey_page):
    assert client.post(survey_page.url, answers()).status_code == 302
    response = client.post(survey_page.url, answers(overall="1"))
    assert response.status_code == 409
    assert "already answered" in response.content.decode()
    assert SurveyResponse.objects.count() == 1


def test_flooding_is_stopped_by_the_rate_limit(client, survey_page):
    statuses = [client.post(survey_page.url, answers()).status_code for _ in range(6)]
    assert statuses == [302, 409, 409, 409, 409, 429]


def test_the_form_needs_its_csrf_token(survey_page):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(survey_page.url, answers()).status_code == 403
    page = strict.get(survey_page.url)
    token = get_token(page.wsgi_request)
    assert strict.post(survey_page.url, {**answers(), "csrfmiddlewaretoken": token}).status_code == 302


def test_the_thank_you_page_belongs_to_the_browser_that_answered(client, survey_page):
    SurveyResponseFactory()
    response = client.get(survey_page.url + "sent/")
    assert response.status_code == 302
    assert response["Location"] == survey_page.url


def test_the_survey_page_is_never_cached_for_everyone(client, survey_page, page_cache_on):
    first = client.get(survey_page.url)
    assert "public" not in first.get("Cache-Control", "")
    assert client.get(survey_page.url).get("X-Cache") != "HIT"


def test_the_pages_are_valid_html(client, survey_page):
    from tests.html_validator import validate

    pages = {"form": client.get(survey_page.url, {"from": "/en/stories/"}).content}
    pages["errors"] = client.post(survey_page.url, answers(overall="0", comment="x" * 1001)).content
    sent = client.post(survey_page.url, answers())
    pages["sent"] = client.get(sent["Location"]).content
    pages["home, with the invitation"] = client.get("/en/").content
    assert validate(pages) == []


def test_the_query_count_does_not_grow_with_the_answers(client, survey_page):
    from tests.queries import queries_for

    SurveyResponseFactory.create_batch(2)
    few = {url: queries_for(client, url) for url in ("/en/", survey_page.url)}
    SurveyResponseFactory.create_batch(20)
    assert {url: queries_for(client, url) for url in ("/en/", survey_page.url)} == few
