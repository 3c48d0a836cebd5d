"""Stories, the pages that list them, their contacts, corrections and glossary terms, for tests.
Pages are published through a revision, as editors publish them (tests.pages.publish)."""

import datetime

import factory
import wagtail_factories

from portal.core.vocabularies import Tier
from stories.models import (
    ContactPerson,
    DataStoryPage,
    GlossaryPage,
    GlossaryTerm,
    StoryCorrection,
    StoryIndexPage,
)
from tests.pages import chart_block, publish, site_root


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StoryIndexPage
        skip_postgeneration_save = True

    parent = factory.LazyFunction(site_root)
    title = "Stories"
    slug = "stories"
    intro = "Data stories."
    show_in_menus = True
    published = factory.PostGeneration(publish)


class GlossaryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GlossaryPage
        skip_postgeneration_save = True

    title = "Glossary"
    slug = "glossary"
    intro = "Statistical words, in plain language."
    published = factory.PostGeneration(publish)


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    name = "Mara Ilić"
    role = "Head of Prices"
    email = "prices@statistics.example"


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GlossaryTerm

    term = factory.Sequence(lambda n: f"Term {n}")
    definition = "The middle value when sorted."
    level = Tier.BASIC


class DataStoryPageFactory(wagtail_factories.PageFactory):
    """A published story about prices with one line chart, under the ``parent`` given (by default
    a new story index under the site root).

    ``topics`` takes tag names (default: prices)."""

    class Meta:
        model = DataStoryPage
        skip_postgeneration_save = True

    parent = factory.SubFactory(StoryIndexPageFactory)
    title = "Prices rise more slowly"
    slug = factory.Sequence(lambda n: f"story-{n}")
    standfirst = "Inflation eased to 2.4% in October."
    source_name = "Consumer price index, October 2026"
    release_date = datetime.date(2026, 11, 12)
    contact = factory.SubFactory(ContactPersonFactory)
    body = factory.LazyFunction(lambda: [chart_block()])

    @factory.post_generation
    def topics(page, create, extracted, **kwargs):
        page.topics.add(*(("prices",) if extracted is None else extracted))

    published = factory.PostGeneration(publish)  # after the topics, so that they are published


class StoryCorrectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StoryCorrection

    date = datetime.date(2026, 11, 14)
    text = "September rate revised to 2.7%."
