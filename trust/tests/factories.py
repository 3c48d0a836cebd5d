"""Fact-check pages, their listing, the report form and misuse reports, for tests."""

import datetime

import factory
import wagtail_factories

from tests.pages import publish, site_root
from trust.models import (
    FactCheckIndexPage,
    FactCheckPage,
    MisuseReport,
    MisuseReportEvent,
    MisuseReportPage,
    Verdict,
)


class MisuseReportPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MisuseReportPage
        skip_postgeneration_save = True

    parent = factory.LazyFunction(site_root)
    title = "Report a misuse of our figures"
    slug = "report-a-misuse"
    intro = "Seen our figures used in a way that misleads? Tell us."
    published = factory.PostGeneration(publish)


class FactCheckIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = FactCheckIndexPage
        skip_postgeneration_save = True

    parent = factory.LazyFunction(site_root)
    title = "Setting the record straight"
    slug = "fact-checks"
    intro = "Claims about official figures, checked against the data."
    published = factory.PostGeneration(publish)


class FactCheckPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = FactCheckPage
        skip_postgeneration_save = True

    parent = factory.SubFactory(FactCheckIndexPageFactory)
    title = factory.Sequence(lambda n: f"Did unemployment double? (check {n})")
    slug = factory.Sequence(lambda n: f"did-unemployment-double-{n}")
    claim = "Unemployment has doubled in a year."
    claimant = "A campaign leaflet"
    appeared_in = "A post on a social network"
    appeared_url = "https://social.example/post/1"
    appeared_on = datetime.date(2026, 11, 20)
    verdict = Verdict.INCORRECT
    summary = "Unemployment was 4.1% in both years: it did not double."
    explanation = "<p>The leaflet compared the number of claimants with the unemployment rate.</p>"
    published = factory.PostGeneration(publish)


class MisuseReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MisuseReport

    reference = factory.Sequence(lambda n: f"MR-T-{n:05d}")
    claim = "A newspaper said prices rose 40% last year."
    where = "The Daily Example, page 3"
    name = "Rosa Reader"
    email = factory.Sequence(lambda n: f"reporter{n}@example.org")


class MisuseReportEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MisuseReportEvent

    report = factory.SubFactory(MisuseReportFactory)
    status = MisuseReport.Status.NEW
