"""Feedback's pages, themes, page feedback, data requests and "You said, we did" entries, for tests."""

import factory
import wagtail_factories
from django.contrib.contenttypes.models import ContentType

from feedback.models import (
    DataRequest,
    DataRequestEvent,
    DataRequestPage,
    FeedbackTheme,
    PageFeedback,
    YouSaidWeDidEntry,
    YouSaidWeDidPage,
)
from tests.pages import site_root


class DataRequestPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = DataRequestPage

    parent = factory.LazyFunction(site_root)
    title = "Ask us for data"
    slug = "data-requests"


class YouSaidWeDidPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = YouSaidWeDidPage

    parent = factory.LazyFunction(site_root)
    title = "You said, we did"
    slug = "you-said-we-did"


class FeedbackThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeedbackTheme
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Theme {n}")


class YouSaidWeDidEntryFactory(factory.django.DjangoModelFactory):
    """An entry on the ``page`` given."""

    class Meta:
        model = YouSaidWeDidEntry

    you_said = factory.Sequence(lambda n: f"We need figures by district ({n}).")
    we_did = factory.Sequence(lambda n: f"District tables are now published with every release ({n}).")


class PageFeedbackFactory(factory.django.DjangoModelFactory):
    """An answer about the ``page`` given, copying its title and type as the box does."""

    class Meta:
        model = PageFeedback

    page_title = factory.LazyAttribute(lambda feedback: feedback.page.title)
    content_type = factory.LazyAttribute(
        lambda feedback: ContentType.objects.get_for_id(feedback.page.content_type_id)
    )
    useful = True


class DataRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DataRequest

    reference = factory.Sequence(lambda n: f"DR-T-{n}")
    what = "Unemployment rate by district, quarterly."
    purpose = DataRequest.Purpose.RESEARCH
    name = "Rosa Quant"
    email = factory.Sequence(lambda n: f"requester{n}@example.org")


class DataRequestEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DataRequestEvent

    request = factory.SubFactory(DataRequestFactory)
    kind = DataRequestEvent.Kind.RECEIVED
