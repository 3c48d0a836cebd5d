"""Consultation listings, consultations with a questionnaire, and responses, for tests."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from consultations.models import (
    ConsultationFormField,
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationResponse,
)
from tests.pages import publish, site_root

QUESTIONS = [
    {
        "label": "How often do you use our figures?",
        "field_type": "radio",
        "choices": "Every week\nEvery month\nLess often",
        "required": True,
    },
    {
        "label": "Which topics interest you?",
        "field_type": "checkboxes",
        "choices": "Prices\nJobs\nPopulation",
        "required": False,
    },
    {"label": "What should we change?", "field_type": "multiline", "required": False},
]


class ConsultationIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ConsultationIndexPage
        skip_postgeneration_save = True

    parent = factory.LazyFunction(site_root)
    title = "Consultations"
    slug = "consultations"
    intro = "Tell us what you think before we decide."
    published = factory.PostGeneration(publish)


def add_questions(page, create, extracted, **kwargs):
    """The questionnaire: ``questions=[{...}]`` (default QUESTIONS), saved before publishing."""
    if create:
        for order, fields in enumerate(QUESTIONS if extracted is None else extracted):
            ConsultationFormField.objects.create(page=page, sort_order=order, **fields)


class ConsultationPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ConsultationPage
        skip_postgeneration_save = True

    parent = factory.SubFactory(ConsultationIndexPageFactory)
    title = factory.Sequence(lambda n: f"How should we publish prices? ({n})")
    slug = factory.Sequence(lambda n: f"publishing-prices-{n}")
    summary = "We plan to change how we publish consumer prices: tell us what you need."
    intro = "<p>Answer a few questions; it takes five minutes.</p>"
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    questions = factory.PostGeneration(add_questions)
    published = factory.PostGeneration(publish)


class ConsultationResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsultationResponse

    page = factory.SubFactory(ConsultationPageFactory)
    form_data = factory.LazyFunction(
        lambda: {
            "q_how_often_do_you_use_our_figures": "Every month",
            "q_which_topics_interest_you": ["Prices"],
            "q_what_should_we_change": "More regional tables.",
        }
    )
