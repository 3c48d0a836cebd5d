"""The survey page and its answers, for tests."""

import factory
import wagtail_factories

from satisfaction.models import SatisfactionSurveyPage, SurveyResponse
from tests.pages import publish, site_root


class SatisfactionSurveyPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SatisfactionSurveyPage
        skip_postgeneration_save = True

    parent = factory.LazyFunction(site_root)
    title = "Tell us what you think of this site"
    slug = "survey"
    published = factory.PostGeneration(publish)


class SurveyResponseFactory(factory.django.DjangoModelFactory):
    """A satisfied citizen's answer, from the home page."""

    class Meta:
        model = SurveyResponse

    overall = 4
    ease = 4
    trust = 4
    user_group = "citizens"
    from_path = "/"
