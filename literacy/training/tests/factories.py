"""Training pages for tests: the least of an index and a session, published as an editor
publishes them, under the site root by default (other apps' tests use them too, e.g. a
newsletter that features a session, the engagement dashboard that counts registrations)."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from literacy.training.models import Registration, SessionFeedback, TrainingIndexPage, TrainingSessionPage
from portal.contacts.tests.factories import ContactFactory
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


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed place at a session, for the contact given (a new one by default)."""

    class Meta:
        model = Registration

    session = factory.SubFactory(TrainingSessionPageFactory)
    contact = factory.SubFactory(ContactFactory)
    name = factory.SelfAttribute("contact.name")
    email = factory.SelfAttribute("contact.email")
    organisation = "Daily News"
    status = Registration.Status.CONFIRMED


class SessionFeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionFeedback

    registration = factory.SubFactory(RegistrationFactory)
    rating = 4
    improve = "More time for questions."
