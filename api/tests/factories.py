"""API keys and their daily usage, for tests."""

import datetime

import factory
from django.utils import timezone

from api.keys import digest
from api.models import ApiKey, ApiKeyUsage
from tests.factories import UserFactory


class ApiKeyFactory(factory.django.DjangoModelFactory):
    """A key whose whole text is ``ptl_<prefix>_`` + 40 "s" (``secret_of``)."""

    class Meta:
        model = ApiKey

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Program {n}")
    prefix = factory.Sequence(lambda n: f"k{n:09d}")
    digest = factory.LazyAttribute(lambda key: digest(secret_of(key)))


def secret_of(key):
    return f"ptl_{key.prefix}_{'s' * 40}"


class ApiKeyUsageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApiKeyUsage

    key = factory.SubFactory(ApiKeyFactory)
    day = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))
    requests = 10
