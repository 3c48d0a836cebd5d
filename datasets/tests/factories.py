"""Code lists, datasets, indicators, versions, observations, releases, correction notices, version
publications and pre-release access, for tests."""

from datetime import date, timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from datasets.models import (
    Code,
    CodeList,
    Dataset,
    DatasetTranslation,
    DatasetVersion,
    Indicator,
    IndicatorTranslation,
    Observation,
    PreviewAccess,
    PreviewGrant,
    Release,
    RevisionNotice,
    VersionPublication,
)


class CodeListFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CodeList
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"list-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.capitalize())
    kind = CodeList.BREAKDOWN


class AreaListFactory(CodeListFactory):
    slug = "areas"
    name = "Areas"
    kind = CodeList.AREA


class CodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Code
        django_get_or_create = ("code_list", "code")

    code_list = factory.SubFactory(AreaListFactory)
    code = factory.Sequence(lambda n: f"C{n}")
    label = factory.LazyAttribute(lambda o: f"Label {o.code}")


class DatasetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dataset
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Population {n}")
    slug = factory.Sequence(lambda n: f"population-{n}")
    summary = "Resident population on 1 January."
    contact_name = "Population statistics"
    contact_email = "population@statistics.example"
    producer = "National Statistics Office"
    area_code_list = factory.SubFactory(AreaListFactory)

    @factory.post_generation
    def breakdowns(self, create, extracted, **kwargs):
        if create and extracted:
            self.breakdown_code_lists.add(*extracted)


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator
        django_get_or_create = ("dataset", "code")

    dataset = factory.SubFactory(DatasetFactory)
    code = factory.Sequence(lambda n: f"IND{n}")
    name = factory.LazyAttribute(lambda o: f"Indicator {o.code}")
    unit = "persons"


class DatasetVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DatasetVersion

    dataset = factory.SubFactory(DatasetFactory)
    number = factory.Sequence(lambda n: n + 1)


class RevisionNoticeFactory(factory.django.DjangoModelFactory):
    """A correction notice of ``version`` (by default a new one after ``previous``)."""

    class Meta:
        model = RevisionNotice

    previous = factory.SubFactory(DatasetVersionFactory, published_at=factory.LazyFunction(timezone.now))
    dataset = factory.SelfAttribute("previous.dataset")
    version = factory.SubFactory(
        DatasetVersionFactory,
        dataset=factory.SelfAttribute("..previous.dataset"),
        published_at=factory.LazyFunction(timezone.now),
    )
    kind = "correction"
    reason = "The 2024 figure for the country counted a municipality twice."
    changed = 1


class ObservationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Observation

    version = factory.SubFactory(DatasetVersionFactory)
    indicator = factory.SubFactory(IndicatorFactory, dataset=factory.SelfAttribute("..version.dataset"))
    period = "2024"
    period_start = date(2024, 1, 1)
    area = factory.SubFactory(CodeFactory)
    value = Decimal("100")


class ReleaseFactory(factory.django.DjangoModelFactory):
    """An announced release, a week ahead unless told otherwise."""

    class Meta:
        model = Release

    title = factory.Sequence(lambda n: f"Population estimates {n}")
    dataset = factory.SubFactory(DatasetFactory)
    topic = "Population"
    announced_at = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=7)).replace(second=0, microsecond=0)
    )
    status = Release.Status.PROVISIONAL


class VersionPublicationFactory(factory.django.DjangoModelFactory):
    """An imported version's publication, drafted (not approved) as the admin's import leaves it."""

    class Meta:
        model = VersionPublication

    version = factory.SubFactory(DatasetVersionFactory)
    live = False


class PreviewGrantFactory(factory.django.DjangoModelFactory):
    """A journalist's pre-release access, for a day; ``grant.token`` is the link's token."""

    class Meta:
        model = PreviewGrant

    release = factory.SubFactory(ReleaseFactory)
    journalist_name = factory.Sequence(lambda n: f"Journalist {n}")
    email = factory.Sequence(lambda n: f"journalist{n}@news.example")
    organisation = "Daily Gazette"
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))


class PreviewAccessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PreviewAccess

    grant = factory.SubFactory(PreviewGrantFactory)
    ip_hash = "0" * 64
    user_agent = "Mozilla/5.0"


class DatasetTranslationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DatasetTranslation

    dataset = factory.SubFactory(DatasetFactory)
    language = "fr"
    title = "Prix à la consommation"
    summary = "Les prix que paient les ménages."


class IndicatorTranslationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorTranslation

    indicator = factory.SubFactory(IndicatorFactory)
    language = "fr"
    name = "Taux d'inflation"
    definition = "La hausse des prix sur un an."
