import pytest

from satisfaction.tests.factories import SatisfactionSurveyPageFactory


@pytest.fixture
def survey_page(home_page):
    return SatisfactionSurveyPageFactory()
