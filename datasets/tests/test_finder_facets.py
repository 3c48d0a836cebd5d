"""The data finder's facets: each option says how many datasets it finds given the other active
filters, options that find nothing are left out (unless chosen), the area facet lists only areas
with published figures, nothing embargoed counts, and the queries stay constant."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from datasets.importing import import_observations
from datasets.tests.conftest import as_file
from datasets.tests.factories import AreaListFactory, CodeFactory, DatasetFactory, IndicatorFactory
from datasets.tests.test_finder import URL, assert_constant_queries, found, jobs, prices

pytestmark = pytest.mark.django_db


def options(response):
    return {
        field.name: {value: count for value, _label, count in shown}
        for field, shown in response.context["facet_fields"]
    }


def test_every_option_counts_its_datasets(client):
    prices()
    jobs()
    response = client.get(URL)
    assert options(response) == {
        "topic": {"Jobs": 1, "Prices": 1, "Regions": 1},
        "area": {"NAT": 2, "R1": 1, "R2": 1},
        "indicator": {"CPI": 1, "RATE": 1},
    }
    html = response.content.decode()
    assert '<option value="NAT">Country (NAT): 2 datasets</option>' in html
    assert '<option value="R1">North (R1): 1 dataset</option>' in html


def test_counts_follow_the_other_filters_and_zero_options_are_hidden(client):
    prices()
    jobs()
    shown = options(client.get(f"{URL}?topic=Jobs"))
    assert shown["area"] == {"NAT": 1, "R2": 1}, "North has figures only in prices"
    assert shown["indicator"] == {"RATE": 1}
    assert shown["topic"] == {"Jobs": 1, "Prices": 1, "Regions": 1}, "its own facet ignores itself"
    shown = options(client.get(f"{URL}?q=inflation&area=R1"))
    assert shown == {"topic": {"Prices": 1}, "area": {"NAT": 1, "R1": 1}, "indicator": {"CPI": 1}}


def test_a_chosen_option_that_finds_nothing_stays_shown_with_zero(client):
    prices()
    jobs()
    response = client.get(f"{URL}?topic=Prices&area=R2")
    assert found(response) == []
    assert options(response)["area"]["R2"] == 0 and options(response)["topic"] == {
        "Jobs": 1,
        "Prices": 0,
        "Regions": 1,
    }
    assert '<option value="R2" selected>South (R2): 0 datasets</option>' in response.content.decode()


@pytest.mark.parametrize("base", ["", "q=rate", "topic=Regions", "area=NAT"])
def test_each_count_is_what_choosing_it_finds(client, base):
    prices()
    jobs()
    checked = 0
    for facet, counts in options(client.get(f"{URL}?{base}")).items():
        if base.startswith(f"{facet}="):
            continue
        for value, count in counts.items():
            assert len(found(client.get(f"{URL}?{base}&{facet}={value}"))) == count, (base, facet, value)
            checked += 1
    assert checked


def later_version_with_region(dataset, label, published_at):
    """A revision with figures for a new region R5, to be published at ``published_at``."""
    CodeFactory(code_list=dataset.area_code_list, code="R5", label=label)
    later = import_observations(
        dataset,
        as_file("indicator,period,area,value\nCPI,2026-11,R5,9.9\nCPI,2026-10,NAT,2.4\n"),
        revision_kind="revision",
        reason="Final figures.",
    ).version
    later.published_at = published_at
    later.save(update_fields=["published_at"])


def test_areas_without_published_figures_are_not_offered(client):
    dataset = prices()
    CodeFactory(code_list=dataset.area_code_list, code="R9", label="Nowhere")  # no figures at all
    later_version_with_region(dataset, "Secret region", timezone.now() + timedelta(days=1))
    response = client.get(URL)
    assert set(options(response)["area"]) == {"NAT", "R1"}
    assert b"Nowhere" not in response.content and b"Secret region" not in response.content
    refused = client.get(f"{URL}?area=R5")
    assert refused.status_code == 400 and b"There is no area" in refused.content


def test_nothing_embargoed_counts(client):
    dataset = prices()
    IndicatorFactory(dataset=dataset, code="NEWIDX", name="Embargoed index")
    jobs_dataset = jobs()
    later = import_observations(
        jobs_dataset,
        as_file("indicator,period,area,value\nRATE,2026-Q4,NAT,3.9\n"),
        revision_kind="revision",
        reason="Final figures.",
    ).version  # not published: its figures count nowhere
    assert later.published_at is None
    prices(dataset_slug="secret", title="Secret prices", topics="Secret", publish=False)
    shown = options(client.get(URL))
    assert shown["topic"] == {"Jobs": 1, "Prices": 1, "Regions": 1}
    assert shown["indicator"] == {"CPI": 1, "RATE": 1}, (
        "an indicator without published figures is not offered"
    )
    assert shown["area"]["NAT"] == 2
    assert client.get(f"{URL}?indicator=NEWIDX").status_code == 400


def test_hostile_topic_and_area_labels_are_escaped(client):
    dataset = prices(topics="<script>alert(1)</script>")
    dataset.area_code_list.codes.filter(code="R1").update(label="<img src=x onerror=alert(1)>")
    html = client.get(URL).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "<img src=x" not in html


def make_areas(count):
    """One dataset with figures for ``count`` areas, and ``count`` datasets in all."""
    areas = AreaListFactory(slug="many-areas")
    for n in range(count):
        CodeFactory(code_list=areas, code=f"A{n:03d}", label=f"Area {n}")
    existing = areas.area_datasets.count()
    for n in range(existing, count):
        dataset = DatasetFactory(
            slug=f"many-{n:03d}", title=f"Many {n:03d}", topics=f"T{n}", area_code_list=areas
        )
        IndicatorFactory(dataset=dataset, code=f"I{n}", name=f"Indicator {n}")
        rows = "".join(f"I{n},2024,A{a:03d},{a}\n" for a in range(count))
        import_observations(dataset, as_file("indicator,period,area,value\n" + rows), publish=True)


def test_queries_stay_constant_with_more_datasets_and_areas():
    urls = [URL, f"{URL}?area=A001", f"{URL}?topic=T1&indicator=I1", f"{URL}?q=many&area=A000"]
    assert_constant_queries(urls, make_areas, 3, 25)
    assert len(options(Client().get(URL))["area"]) == 25


def facet_queries(client, url=URL):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def reads_figures(sqls):
    return [sql for sql in sqls if "datasets_observation" in sql and "DISTINCT" in sql.upper()]


def test_facets_are_read_once_per_publication(client):
    prices()
    assert reads_figures(facet_queries(client)), "the first visit reads the published figures"
    again = facet_queries(client)
    assert not reads_figures(again), "the next visits take the facets from the cache"
    assert options(client.get(URL))["area"] == {"NAT": 1, "R1": 1}


def test_the_facet_scans_read_distinct_pairs_not_every_figure(client):
    """An ordering inside SELECT DISTINCT adds its columns to the distinct row: the scan then
    returned every published figure (thousands of rows, most of a cold /data/ request)."""
    prices()
    scans = reads_figures(facet_queries(client))
    assert len(scans) == 2
    for sql in scans:
        assert "ORDER BY" not in sql.upper()
        assert "period_start" not in sql


def test_a_new_publication_shows_in_the_facets_at_once(client, django_capture_on_commit_callbacks):
    prices()
    client.get(URL)
    with django_capture_on_commit_callbacks(execute=True):
        jobs()
    assert options(client.get(URL))["area"] == {"NAT": 2, "R1": 1, "R2": 1}


def test_an_edited_topic_shows_in_the_facets_at_once(client, django_capture_on_commit_callbacks):
    dataset = prices()
    client.get(URL)
    with django_capture_on_commit_callbacks(execute=True):
        dataset.topics = "Inflation"
        dataset.save()
    assert options(client.get(URL))["topic"] == {"Inflation": 1}


def test_a_version_released_at_its_minute_shows_without_any_save(client):
    dataset = prices()
    release_at = timezone.now() + timedelta(minutes=5)
    later_version_with_region(dataset, "Later region", release_at)
    assert "R5" not in options(client.get(URL))["area"]
    with time_machine.travel(release_at + timedelta(seconds=1)):
        assert "R5" in options(client.get(URL))["area"]
