"""Stories, the pages that list them, their contacts, corrections and glossary terms, for tests.
Pages are published through a revision, as editors publish them (see PublishedPageFactory)."""

import datetime

import factory

from home.tests.factories import PublishedPageFactory
from portal.core.vocabularies import Tier
from stories.models import (
    ContactPerson,
    DataStoryPage,
    GlossaryPage,
    GlossaryTerm,
    StoryCorrection,
    StoryIndexPage,
)

PRICES_CSV = "Month,Annual rate (%)\nJul 2026,2.9\nAug 2026,2.8\nSep 2026,2.7\nOct 2026,2.4\n"


def chart_block(title="Inflation, annual rate", chart_type="line", data=PRICES_CSV, **extra):
    """A chart as a story's body holds it: (block name, value)."""
    return (
        "chart",
        {
            "title": title,
            "chart_type": chart_type,
            "data": data,
            "x_label": extra.get("x_label", "Month"),
            "y_label": extra.get("y_label", "Annual rate"),
            "unit": extra.get("unit", "%"),
            "summary": extra.get("summary", "Inflation fell for the third month in a row."),
            "source": extra.get("source", "Consumer price index"),
            "notes": extra.get("notes", ""),
        },
    )


class StoryIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = StoryIndexPage

    title = "Stories"
    slug = "stories"
    intro = "Data stories."
    show_in_menus = True


class GlossaryPageFactory(PublishedPageFactory):
    class Meta:
        model = GlossaryPage

    title = "Glossary"
    slug = "glossary"
    intro = "Statistical words, in plain language."


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


class DataStoryPageFactory(PublishedPageFactory):
    """A published story about prices with one line chart, under the ``parent`` given (an index).

    ``topics`` takes tag names (default: prices)."""

    class Meta:
        model = DataStoryPage

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


class StoryCorrectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StoryCorrection

    date = datetime.date(2026, 11, 14)
    text = "September rate revised to 2.7%."
