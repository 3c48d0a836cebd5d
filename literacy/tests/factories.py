"""Training's and the e-modules' records, for tests: a registration, its feedback, a certificate.

The pages they hang on come from ``tests.pages`` (sessions, modules)."""

import factory

from literacy.models import Certificate, Registration, SessionFeedback
from portal.contacts.tests.factories import ContactFactory
from tests.factories import UserFactory
from tests.pages import ModulePageFactory, TrainingSessionPageFactory


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


class CertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certificate

    user = factory.SubFactory(UserFactory)
    module = factory.SubFactory(ModulePageFactory)
    name = "Rita Reporter"
    module_title = factory.SelfAttribute("module.title")
    tier = factory.SelfAttribute("module.tier")
    score = 90
