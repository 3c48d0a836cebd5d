"""The demo survey: its page at /survey/ and made-up answers, made once."""

import pytest

from satisfaction.demo import DEMO_ANSWERS, load_satisfaction_demo
from satisfaction.models import SatisfactionSurveyPage, SurveyResponse

pytestmark = pytest.mark.django_db


def test_the_demo_makes_the_page_and_answers_once(home_page):
    created = []
    load_satisfaction_demo(home_page, created)
    assert created == ["survey", "satisfaction survey answers"]
    page = SatisfactionSurveyPage.objects.live().get()
    assert page.url == "/en/survey/"
    assert SurveyResponse.objects.count() == DEMO_ANSWERS
    assert not SurveyResponse.objects.exclude(comment="").exists()  # no made-up free text
    again = []
    load_satisfaction_demo(home_page, again)
    assert again == [] and SurveyResponse.objects.count() == DEMO_ANSWERS
