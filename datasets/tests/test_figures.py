"""The public interface: only published versions, ever; slices by area and period."""

from datetime import timedelta

import pytest
from django.utils import timezone

from datasets import figures
from datasets.importing import import_observations
from datasets.models import DatasetVersion
from datasets.tests.conftest import as_file

ROWS = (
    "indicator,period,area,value,status\n"
    "POP,2023,NAT,9,\nPOP,2024,NAT,10,P\nPOP,2024,R1,4,\nPOP,2022,NAT,,M\n"
)


def imported(dataset, text=ROWS, publish=True):
    """A new version; one that changes published figures says why (a routine revision)."""
    return import_observations(
        dataset, as_file(text), publish=publish, revision_kind="revision", reason="Scheduled update."
    ).version


def test_an_embargoed_version_is_invisible(dataset):
    imported(dataset, publish=False)
    indicator = figures.find_indicator("population", "POP")
    assert figures.current_version(dataset) is None
    assert not figures.observations(indicator).exists()
    assert not figures.public_datasets().exists()


def test_a_version_published_in_the_future_stays_invisible_until_then(dataset):
    version = imported(dataset, publish=False)
    version.published_at = timezone.now() + timedelta(minutes=1)
    version.save()
    assert figures.current_version(dataset) is None
    assert figures.current_version(dataset, at=timezone.now() + timedelta(minutes=2)) == version
    assert not figures.observations(figures.find_indicator("population", "POP"), version=version).exists()


def test_pages_show_the_newest_published_version_not_a_newer_embargoed_one(dataset):
    first = imported(dataset)
    imported(dataset, ROWS.replace("10,P", "11,"), publish=False)
    indicator = figures.find_indicator("population", "POP")
    assert figures.current_version(dataset) == first
    assert [o.display_value() for o in figures.observations(indicator, areas=["NAT"])] == [
        "not available",
        "9",
        "10",
    ]
    assert list(figures.public_datasets()) == [dataset]


def test_slices_by_area_and_period_range(dataset):
    imported(dataset)
    indicator = figures.find_indicator("population", "POP")
    found = figures.observations(indicator, period_from="2023", period_to="2024")
    assert [(o.period, o.area.code, o.status) for o in found] == [
        ("2023", "NAT", "A"),
        ("2024", "NAT", "P"),
        ("2024", "R1", "A"),
    ]
    assert [o.period for o in figures.observations(indicator, areas=["R1"])] == ["2024"]


def test_an_unknown_indicator_is_none(dataset):
    assert figures.find_indicator("population", "NOPE") is None
    assert figures.find_indicator("nope", "POP") is None


def test_existing_versions_were_published_when_they_were_made(dataset):
    """The migration that brought embargoes kept every earlier version public."""
    version = imported(dataset, publish=False)
    DatasetVersion.objects.filter(pk=version.pk).update(published_at=None)
    from importlib import import_module

    from django.apps import apps

    import_module("datasets.migrations.0003_version_published_at").publish_existing_versions(apps, None)
    version.refresh_from_db()
    assert version.published_at == version.created_at


@pytest.mark.parametrize("bad", ["2024-13", "x"])
def test_a_malformed_period_bound_is_refused(dataset, bad):
    from datasets.periods import PeriodError

    imported(dataset)
    with pytest.raises(PeriodError):
        list(figures.observations(figures.find_indicator("population", "POP"), period_from=bad))


def test_publishing_announces_the_version_and_what_it_replaces_after_the_commit(dataset, committed):
    from datasets.signals import version_published

    heard = []

    def receiver(sender, version, previous, **kwargs):
        heard.append((version.number, previous and previous.number))

    version_published.connect(receiver)
    try:
        with committed():
            imported(dataset)
            imported(dataset, publish=False)
            assert heard == []
        with committed():
            imported(dataset)
    finally:
        version_published.disconnect(receiver)
    assert heard == [(1, None), (3, 1)]


def test_public_topics_come_only_from_public_datasets_once_each(dataset):
    from datasets.tests.factories import DatasetFactory, DatasetVersionFactory

    dataset.topics = "Population, prices ,  Society "
    dataset.save()
    imported(dataset)
    other = DatasetFactory(slug="secret", topics="Secret topic", area_code_list=dataset.area_code_list)
    DatasetVersionFactory(dataset=other, published_at=None)
    DatasetFactory(slug="third", topics="Prices", area_code_list=dataset.area_code_list)
    assert figures.public_topics() == ["Population", "prices", "Society"]


def test_headline_figures_are_the_latest_value_for_the_first_area(dataset):
    version = imported(dataset, ROWS.replace("POP,2024,NAT,10,P", "POP,2024,NAT,10.26,P"))
    dataset.indicators.filter(code="POP").update(decimals=1)
    assert figures.headline_figures(version) == [
        {
            "indicator": "Population",
            "area": "Country",
            "period": "2024",
            "value": "10.3",
            "unit": "persons",
            "status": "provisional",
            # The same figure as data, for words written later in each reader's language.
            "number": 10.26,
            "decimals": 1,
            "period_code": "2024",
        }
    ]  # Live births has no observations, so no figure


def test_headline_figures_and_release_of_an_embargoed_version_are_empty(dataset):
    version = imported(dataset, publish=False)
    assert figures.headline_figures(version) == []
    assert figures.headline_figures(None) == []
    assert figures.published_release(version) is None
