"""No visitor waits for a data chart to be drawn: publishing a page draws its charts, and a new
version of the dataset draws the charts of every page quoting it (with the new figures) before
those pages are purged; after a restart the drawings come from the database."""

from unittest import mock

import pytest
from django.core.cache import cache

from datasets.tests.corrections_helpers import first_version, second_version
from home.tests.factories import StandardPageFactory
from portal.core import charts
from portal.core.charts.pages import draw_page_charts, page_chart_specs
from portal.core.models import DrawnChart


def chart_block(indicator, **fields):
    value = {
        "indicator": indicator,
        "areas": "NAT",
        "breakdown": "",
        "period_from": "",
        "period_to": "",
        "chart_type": "line",
        "title": "Population",
        "summary": "",
        "notes": "",
    }
    return ("data_chart", value | fields)


def refuse_drawing():
    return mock.patch.object(charts, "render_svg", side_effect=AssertionError("drawn during a visit"))


@pytest.fixture
def page(home_page, dataset, committed):
    first_version(dataset)
    with committed():
        page = StandardPageFactory(
            parent=home_page, title="Our population", body=[chart_block(dataset.indicators.get(code="POP"))]
        )
        page.save_revision().publish()
    return page


def test_publishing_a_page_draws_its_data_charts_and_share_images(page):
    specs = page_chart_specs(page)
    assert [spec.title for spec in specs] == ["Population"]
    assert DrawnChart.objects.filter(svg__startswith="<svg").count() == 1
    assert DrawnChart.objects.filter(png__isnull=False).count() == 1  # the background task's PNG
    assert charts.warm_chart_cache(specs) == 0


def test_a_new_version_draws_the_charts_of_the_pages_quoting_it_before_any_visit(
    client, page, dataset, committed
):
    with committed():
        second_version(dataset)
    cache.clear()  # as after a restart
    with refuse_drawing():
        content = client.get(page.url).content.decode()
    assert "1,050" in content  # the 2025 figure of the new version, drawn and shown


def test_a_version_not_yet_public_draws_nothing(page, dataset, committed):
    before = DrawnChart.objects.count()
    with committed():
        second_version(dataset, publish=False)
    assert DrawnChart.objects.count() == before


def test_a_page_with_an_incomplete_or_unreadable_chart_draws_nothing(home_page, dataset, committed):
    first_version(dataset)
    pop = dataset.indicators.get(code="POP")
    page = StandardPageFactory(
        parent=home_page, body=[chart_block(pop, areas="NOWHERE"), ("heading", {"text": "Hi", "level": "h2"})]
    )
    assert page_chart_specs(page) == []
    assert draw_page_charts([page]) == 0
    assert not DrawnChart.objects.exists()
