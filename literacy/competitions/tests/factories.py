"""Competitions, their entries, and real entry files (PNG, JPEG, PDF, and some that are not), for tests."""

import datetime

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from literacy.competitions.models import Category, CompetitionPage, Criterion, Entry
from literacy.games.tests.factories import PublishedPageFactory, the_games_index
from portal.core.vocabularies import UserGroup
from tests.uploads import jpeg_bytes, pdf_bytes, png_bytes

CONSENT = "I agree that the statistics office keeps my details to run this competition."


FILE_CONTENT = {"png": png_bytes, "jpeg": jpeg_bytes, "pdf": pdf_bytes}


def in_days(days):
    """Now plus `days`, to the whole second (as the admin's date fields store it)."""
    return timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)


class CompetitionPageFactory(PublishedPageFactory):
    """A competition open for ten more days, with two categories ("Infographic", "Data story"
    unless `category_names` says otherwise) and a rubric of two criteria (Accuracy: 10 points,
    weight 3; Clarity: 5 points, weight 1)."""

    class Meta:
        model = CompetitionPage

    class Params:
        category_names = ("Infographic", "Data story")

    parent = factory.LazyFunction(the_games_index)
    title = "Infographic competition"
    slug = factory.Sequence(lambda n: f"competition-{n}")
    summary = "One picture, one message."
    audience = "Everyone"
    rules = "<p>Your own work, with sources.</p>"
    opens_at = factory.LazyFunction(lambda: in_days(-10))
    closes_at = factory.LazyAttribute(lambda page: page.opens_at + datetime.timedelta(days=20))
    winners_announced_at = factory.LazyAttribute(lambda page: page.closes_at + datetime.timedelta(days=30))
    time_zone = "Europe/Paris"
    consent_text = CONSENT
    max_entries_per_person = 1
    categories = factory.LazyAttribute(lambda page: [Category(name=name) for name in page.category_names])
    criteria = factory.LazyFunction(
        lambda: [
            Criterion(name="Accuracy", max_points=10, weight=3),
            Criterion(name="Clarity", max_points=5, weight=1),
        ]
    )


class EntryFactory(factory.django.DjangoModelFactory):
    """An entry stored directly (not through the entry form), in the competition's first category,
    with a real file of `file_kind` ("png" unless told otherwise; "" for none)."""

    class Meta:
        model = Entry

    class Params:
        content = factory.LazyAttribute(
            lambda entry: FILE_CONTENT[entry.file_kind]() if entry.file_kind else b""
        )

    competition = factory.SubFactory(CompetitionPageFactory)
    title = "Prices in one glance"
    description = "Inflation by month."
    display_name = factory.Sequence(lambda n: f"Entrant {n}")
    email = factory.Sequence(lambda n: f"entrant{n}@example.org")
    user_group = UserGroup.CITIZENS
    consent_wording = factory.SelfAttribute("competition.consent_text")
    category = factory.LazyAttribute(lambda entry: entry.competition.categories.first())
    file_kind = Entry.FileKind.PNG
    file_name = factory.LazyAttribute(lambda entry: f"entry.{entry.file_kind}" if entry.file_kind else "")
    file_size = factory.LazyAttribute(lambda entry: len(entry.content))
    file = factory.LazyAttribute(
        lambda entry: ContentFile(entry.content, name="entry") if entry.content else ""
    )
