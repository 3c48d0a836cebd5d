"""The latest releases snapshot: headline figure, change, methodology, contact; one entry per
dataset; embargo; topic; empty state."""

from datetime import timedelta

from django.template import Context, Template
from django.utils import timezone

from datasets.importing import import_observations
from datasets.models import Release
from datasets.signals import publish_version
from datasets.snapshot import latest_releases
from datasets.tests.conftest import as_file
from datasets.tests.factories import ReleaseFactory

CSV = "indicator,period,area,sex,age,value\n"


def released(dataset, rows, days_ago=1):
    version = import_observations(
        dataset, as_file(CSV + rows), revision_kind="revision", reason="Late returns."
    ).version
    at = timezone.now() - timedelta(days=days_ago)
    publish_version(version, at=at)
    return ReleaseFactory(
        dataset=dataset, version=version, announced_at=at, status=Release.Status.PUBLISHED, topic="Population"
    )


def render(**kwargs):
    args = " ".join(f'{key}="{value}"' for key, value in kwargs.items())
    return Template("{% load release_snapshot %}{% latest_releases " + args + " %}").render(Context({}))


def test_headline_figure_with_change_methodology_and_contact(db, dataset):
    released(dataset, "POP,2023,NAT,_T,_T,1000\nPOP,2024,NAT,_T,_T,1030\nPOP,2024,R1,_T,_T,5\n")
    [item] = latest_releases()
    assert item.headline.indicator.code == "BIRTHS", "the first indicator by code"
    html = render()
    assert "Latest releases" in html and 'href="mailto:population@statistics.example"' in html


def test_first_indicator_national_total_and_change(db, dataset):
    dataset.indicators.filter(code="BIRTHS").delete()
    released(dataset, "POP,2023,NAT,_T,_T,1000\nPOP,2024,NAT,_T,_T,1030\nPOP,2024,NAT,F,_T,600\n")
    [item] = latest_releases()
    assert item.headline.text == "1,030"
    assert item.headline.change == "up 30 persons (3.0%) on 2023"
    assert "Up 30 persons (3.0%) on 2023" in render()


def test_a_revised_dataset_appears_once_with_its_newest_release(db, dataset):
    dataset.indicators.filter(code="BIRTHS").delete()
    released(dataset, "POP,2024,NAT,_T,_T,1030\n", days_ago=5)
    newest = released(dataset, "POP,2024,NAT,_T,_T,1040\n", days_ago=1)
    [item] = latest_releases()
    assert item.release == newest and item.headline.text == "1,040"


def test_embargoed_and_unpublished_releases_are_left_out(db, dataset):
    version = import_observations(dataset, as_file(CSV + "POP,2024,NAT,_T,_T,1\n")).version
    ReleaseFactory(dataset=dataset, version=version)  # announced, not out
    assert latest_releases() == []
    assert "No releases are published yet" in render()


def test_topic_filter_any_case(db, dataset):
    released(dataset, "POP,2024,NAT,_T,_T,1\n")
    assert len(latest_releases(topic="population")) == 1
    assert latest_releases(topic="Prices") == []
    assert "on this topic" in render(topic="Prices")


def test_the_snapshot_heading_is_in_the_readers_language(client, home_page):
    from django.template import Context, Template
    from django.test import RequestFactory
    from django.utils.translation import override

    template = Template("{% load release_snapshot %}{% latest_releases %}")
    for language, heading in [
        ("en-gb", "Latest releases"),
        ("fr", "Dernières publications"),
        ("ar", "أحدث الإصدارات"),
    ]:
        with override(language):
            html = template.render(Context({"request": RequestFactory().get("/")}))
        assert heading in html, language
