"""The data finder at /data/: keywords, facets, results with their latest figures, bad input,
embargo, pagination and query counts."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from datasets.finder import MAX_QUERY
from datasets.importing import import_observations
from datasets.signals import publish_version
from datasets.tests.conftest import as_file
from datasets.tests.factories import AreaListFactory, CodeFactory, DatasetFactory, IndicatorFactory
from datasets.views.finder import PER_PAGE
from home.tests.factories import StandardPageFactory

URL = "/en/data/"


def prices(dataset_slug="prices", title="Consumer prices", topics="Prices", publish=True):
    areas = AreaListFactory()
    country = CodeFactory(code_list=areas, code="NAT", label="Country")
    CodeFactory(code_list=areas, code="R1", label="North", parent=country)
    dataset = DatasetFactory(
        slug=dataset_slug,
        title=title,
        summary="Prices households pay.",
        topics=topics,
        area_code_list=areas,
        contact_name="Prices team",
        contact_email="prices@statistics.example",
    )
    IndicatorFactory(dataset=dataset, code="CPI", name="Inflation rate", unit="%", decimals=1)
    csv = (
        "indicator,period,area,value,status\n"
        "CPI,2026-09,NAT,2.7,\nCPI,2026-10,NAT,2.4,P\nCPI,2026-10,R1,2.2,\n"
    )
    import_observations(dataset, as_file(csv), publish=publish)
    return dataset


def jobs():
    areas = AreaListFactory()
    country = CodeFactory(code_list=areas, code="NAT", label="Country")
    CodeFactory(code_list=areas, code="R2", label="South", parent=country)
    dataset = DatasetFactory(slug="jobs", title="Unemployment", topics="Jobs, Regions", area_code_list=areas)
    IndicatorFactory(dataset=dataset, code="RATE", name="Unemployment rate", unit="%", decimals=1)
    csv = "indicator,period,area,value\nRATE,2026-Q2,NAT,4.1\nRATE,2026-Q3,NAT,4.1\nRATE,2026-Q3,R2,5.0\n"
    import_observations(dataset, as_file(csv), publish=True)
    return dataset


def found(response):
    return [dataset.slug for dataset in response.context["datasets"]]


def test_every_published_dataset_with_its_latest_figure_release_date_methodology_and_contact(client, db):
    dataset = prices()
    dataset.methodology_page = StandardPageFactory(title="How we measure prices", slug="cpi-methods")
    dataset.save()
    response = client.get(URL)
    assert response.status_code == 200
    assert found(response) == ["prices"]
    text = response.content.decode()
    assert "<strong>2.4</strong> %" in text and "(provisional)" in text
    assert "October 2026" in text, "the latest period, in words"
    assert dataset.current_version().published_at.strftime("%-d %B %Y") in text
    assert 'href="/en/cpi-methods/"' in text and "How we measure prices" in text
    assert 'href="mailto:prices@statistics.example"' in text and "Prices team" in text
    assert 'href="/en/data/prices/"' in text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=consumer", ["prices"]),
        ("q=INFLATION", ["prices"]),  # an indicator's name, any case
        ("q=rate", ["prices", "jobs"]),
        ("q=unemployment+rate", ["jobs"]),
        ("q=households", ["prices"]),  # the summary
        ("topic=Jobs", ["jobs"]),
        ("topic=Regions", ["jobs"]),  # second of a dataset's topics
        ("area=R2", ["jobs"]),  # datasets with figures for the area
        ("area=NAT", ["jobs", "prices"]),
        ("indicator=CPI", ["prices"]),
        ("q=rate&topic=Prices", ["prices"]),
        ("q=nothing-like-this", []),
    ],
)
def test_keywords_and_facets(client, db, query, expected):
    prices()
    jobs()
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert sorted(found(response)) == sorted(expected)


def test_the_indicator_facet_shows_that_indicator_only(client, db):
    dataset = prices()
    IndicatorFactory(dataset=dataset, code="IDX", name="Price index")
    all_rows = client.get(URL).content.decode()
    assert "Price index" in all_rows and "No national total" in all_rows, (
        "an indicator without figures says so"
    )
    shown = client.get(f"{URL}?indicator=CPI").context["datasets"][0].finder["headlines"]
    assert [headline.indicator.code for headline in shown] == ["CPI"]


def test_empty_states(client, db):
    response = client.get(URL)
    assert b"No datasets are published yet" in response.content
    prices()
    response = client.get(f"{URL}?q=zebra")
    assert b"No published dataset matches this search" in response.content
    assert b"Clear the search" in response.content


def test_embargoed_datasets_are_never_found(client, db):
    prices(publish=False)
    hidden = jobs()
    version = hidden.versions.get()
    version.published_at = timezone.now() + timedelta(minutes=1)
    version.save()
    for query in ("", "q=prices", "q=unemployment", "topic=Jobs", "indicator=RATE", "area=R2"):
        response = client.get(f"{URL}?{query}")
        assert found(response) == [], query
        assert b"Unemployment" not in response.content and b"Consumer prices" not in response.content
    facets = client.get(URL).context["form"]
    assert facets.fields["topic"].choices == [("", "All topics")], "facets come from public datasets only"


def test_a_revision_shows_the_new_figure(client, db):
    dataset = prices()
    revised = "indicator,period,area,value\nCPI,2026-09,NAT,2.7\nCPI,2026-10,NAT,2.5\n"
    version = import_observations(
        dataset, as_file(revised), revision_kind="revision", reason="Late returns."
    ).version
    assert b"<strong>2.4</strong>" in client.get(URL).content, "embargoed revision not shown yet"
    publish_version(version)
    assert b"<strong>2.5</strong>" in client.get(URL).content


def observation_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, [q["sql"] for q in captured.captured_queries if "datasets_observation" in q["sql"]]


def test_results_and_counts_are_kept_until_the_next_publication(client, db):
    """A visit after the first reads no figure; each search keeps its own results and counts."""
    prices()
    jobs()
    assert observation_queries(client, URL)[1], "the first visit reads the figures"
    response, read = observation_queries(client, URL)
    assert not read
    assert sorted(found(response)) == ["jobs", "prices"]
    assert b"<strong>2.4</strong>" in response.content and b"<strong>4.1</strong>" in response.content
    searched = client.get(f"{URL}?q=unemployment")
    assert found(searched) == ["jobs"] and b"<strong>2.4</strong>" not in searched.content
    assert found(client.get(f"{URL}?area=R1")) == ["prices"]
    assert found(client.get(URL)) == found(response)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("q=" + "x" * (MAX_QUERY + 1), f"Search for at most {MAX_QUERY} characters."),
        ("topic=Astrology", "There is no topic “Astrology”."),
        ("area=ZZ", "There is no area “ZZ”."),
        ("indicator=NOPE", "There is no indicator “NOPE”."),
        (
            "area=%3Cscript%3Ealert(1)%3C/script%3E",
            "There is no area “&lt;script&gt;alert(1)&lt;/script&gt;”.",
        ),
    ],
)
def test_bad_input_is_named_in_the_error_summary_and_the_rest_still_applies(client, db, query, message):
    prices()
    jobs()
    response = client.get(f"{URL}?{query}&indicator=RATE" if "indicator" not in query else f"{URL}?{query}")
    assert response.status_code == 400
    text = response.content.decode()
    assert 'class="error-summary"' in text and message in text
    assert "<script>alert" not in text
    if "indicator" not in query:
        assert found(response) == ["jobs"], "the valid filter still applies"


def test_a_nul_byte_is_refused(client, db):
    prices()
    response = client.get(f"{URL}?q=pri%00ces")
    assert response.status_code == 400


def test_the_form_refuses_a_nul_byte_itself():
    from datasets.finder import Facets, FinderForm

    facets = Facets.__new__(Facets)
    facets.topics, facets.areas, facets.indicators = [], [], []
    form = FinderForm({"q": "a\x00b"}, facets)
    assert not form.is_valid()
    assert form.errors["q"] == ["The search holds an invisible character (NUL): remove it."]


def test_hostile_titles_are_escaped(client, db):
    prices(title="<script>alert(1)</script>", topics="<b>Prices</b>")
    text = client.get(URL).content.decode()
    assert "<script>alert(1)" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<b>Prices</b>" not in text


def test_pagination_keeps_the_search(client, db):
    areas = AreaListFactory()
    CodeFactory(code_list=areas, code="NAT")
    for n in range(PER_PAGE + 2):
        dataset = DatasetFactory(slug=f"series-{n:02d}", title=f"Series {n:02d}", area_code_list=areas)
        IndicatorFactory(dataset=dataset, code="X")
        import_observations(dataset, as_file("indicator,period,area,value\nX,2024,NAT,1\n"), publish=True)
    first = client.get(f"{URL}?q=series")
    assert len(found(first)) == PER_PAGE
    assert 'href="?q=series&amp;page=2"' in first.content.decode()
    assert found(client.get(f"{URL}?q=series&page=2")) == ["series-10", "series-11"]
    assert len(found(client.get(f"{URL}?q=series&page=999"))) == 2, "a page past the end shows the last"


def make_datasets(count):
    areas = AreaListFactory()
    CodeFactory(code_list=areas, code="NAT")
    existing = areas.area_datasets.count()
    for n in range(existing, count):
        dataset = DatasetFactory(
            slug=f"ds-{n:04d}", title=f"Dataset {n:04d}", topics=f"Topic {n % 7}", area_code_list=areas
        )
        IndicatorFactory(dataset=dataset, code="A", name="First")
        IndicatorFactory(dataset=dataset, code="B", name="Second")
        import_observations(
            dataset,
            as_file("indicator,period,area,value\nA,2023,NAT,1\nA,2024,NAT,2\nB,2024,NAT,3\n"),
            publish=True,
        )


def queries(url):
    client = Client()
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    assert response.context["datasets"]
    return len(context.captured_queries)


def assert_constant_queries(urls, grow, few, many):
    """The finder's pages make as many queries after ``grow(many)`` as after ``grow(few)``."""
    grow(few)
    before = [queries(url) for url in urls]
    grow(many)
    after = [queries(url) for url in urls]
    assert after == before, (before, after)


def test_queries_do_not_grow_with_the_number_of_datasets(db):
    urls = [URL, f"{URL}?q=dataset", f"{URL}?topic=Topic+1&area=NAT", f"{URL}?indicator=B"]
    assert_constant_queries(urls, make_datasets, 10, 100)
