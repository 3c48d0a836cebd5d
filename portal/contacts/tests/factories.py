"""The user database's records, for tests: a contact, one of their touchpoints, a consent."""

import factory

from portal.contacts.models import Consent, Contact, Touchpoint, TouchpointKind


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    email = factory.Sequence(lambda n: f"contact{n}@news.example")
    name = "Rita Reporter"
    organisation = "Daily News"


class TouchpointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Touchpoint

    contact = factory.SubFactory(ContactFactory)
    kind = TouchpointKind.NEWSLETTER_SIGNUP


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent

    contact = factory.SubFactory(ContactFactory)
    purpose = "newsletter"
    wording = "Send me the monthly newsletter."
    granted = True
