"""E-module and training pages for tests: the least of each, published as an editor publishes
them, under the site root by default (other apps' tests use them too, e.g. a newsletter that
features a session, the engagement dashboard that counts modules)."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from literacy.learning_models import ModuleIndexPage, ModulePage
from literacy.models import TrainingIndexPage, TrainingSessionPage
from tests.pages import publish, site_root


class TrainingIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TrainingIndexPage

    parent = factory.LazyFunction(site_root)
    title = "Training"
    slug = "training"


class TrainingSessionPageFactory(wagtail_factories.PageFactory):
    """A published session a week from now; ``parent`` defaults to a new training index."""

    class Meta:
        model = TrainingSessionPage
        skip_postgeneration_save = True

    parent = factory.SubFactory(TrainingIndexPageFactory)
    title = "Reading inflation figures"
    summary = "How the consumer price index is made and what it can tell a reporter."
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    venue_name = "Statistics House"
    address = "1 Census Street"
    trainer_name = "Mara Ilić"
    published = factory.PostGeneration(publish)


class ModuleIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ModuleIndexPage

    parent = factory.LazyFunction(site_root)
    title = "Learn"
    slug = "learn"
    basic_definition = "Statistics are numbers that describe a group."
    intermediate_definition = "Statistics summarise data collected about a population."
    advanced_definition = "Statistics estimate properties of a population from observed data."


class ModulePageFactory(wagtail_factories.PageFactory):
    """An e-module with no checks or lessons; ``parent`` defaults to a new module index."""

    class Meta:
        model = ModulePage

    parent = factory.SubFactory(ModuleIndexPageFactory)
    title = factory.Sequence(lambda n: f"Module {n}")
    summary = "What an average is, and when the median tells you more."
    objectives = "Tell the mean from the median."
