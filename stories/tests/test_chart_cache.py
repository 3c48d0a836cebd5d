"""Charts are drawn once: kept in the cache and in the database (portal.core.models.DrawnChart),
drawn again only when the chart, its figures or the drawing engine change."""

from unittest import mock

import pytest

from portal.core import charts
from portal.core.charts import chart_png, chart_svg, parse_chart_csv, warm_chart_cache
from stories.tests.chart_specs import bar_spec, line_spec

pytestmark = pytest.mark.django_db


def test_second_chart_svg_call_comes_from_the_cache():
    spec = line_spec()
    with mock.patch.object(charts, "render_svg", wraps=charts.render_svg) as renderer:
        first = chart_svg(spec)
        second = chart_svg(spec)
    assert renderer.call_count == 1
    assert first == second
    assert first.startswith("<svg")


def test_second_chart_png_call_comes_from_the_cache_per_width():
    spec = bar_spec()
    with mock.patch.object(charts, "render_png", wraps=charts.render_png) as renderer:
        chart_png(spec)
        chart_png(spec)
        chart_png(spec, width_px=600)
    assert renderer.call_count == 2


def test_a_changed_chart_is_drawn_again():
    with mock.patch.object(charts, "render_svg", return_value="<svg/>") as renderer:
        chart_svg(line_spec())
        chart_svg(line_spec(summary="Something else"))
        chart_svg(line_spec(data=parse_chart_csv("Year,Men\n2024,1\n2025,2")))
    assert renderer.call_count == 3


def test_a_new_engine_version_draws_again():
    with mock.patch.object(charts, "render_svg", return_value="<svg/>") as renderer:
        chart_svg(line_spec())
        with mock.patch.object(charts, "ENGINE_VERSION", "next"):
            chart_svg(line_spec())
    assert renderer.call_count == 2


def test_warming_the_cache_means_a_page_view_draws_nothing():
    specs = [line_spec(), bar_spec(), line_spec(chart_type="table")]
    assert warm_chart_cache(specs) == 4  # two SVGs and two PNGs; a table has no image
    assert warm_chart_cache(specs) == 0
    with (
        mock.patch.object(charts, "render_svg", side_effect=AssertionError("drawn")),
        mock.patch.object(charts, "render_png", side_effect=AssertionError("drawn")),
    ):
        assert chart_svg(line_spec()).startswith("<svg")
        assert chart_png(bar_spec()).startswith(b"\x89PNG")


def test_a_drawn_chart_outlives_the_cache():
    """After a restart or an eviction the chart comes from the database, not from matplotlib."""
    from django.core.cache import cache

    svg, png = chart_svg(line_spec()), chart_png(bar_spec())
    cache.clear()
    with (
        mock.patch.object(charts, "render_svg", side_effect=AssertionError("drawn")),
        mock.patch.object(charts, "render_png", side_effect=AssertionError("drawn")),
    ):
        assert chart_svg(line_spec()) == svg
        assert chart_png(bar_spec()) == png  # bytes again, not the database's memoryview
        assert isinstance(chart_png(bar_spec()), bytes)


def test_warming_keeps_a_cached_chart_without_drawing_it_again():
    from django.core.cache import cache

    from portal.core.models import DrawnChart

    chart_svg(line_spec())
    DrawnChart.objects.all().delete()  # cached, but not kept (e.g. drawn before the table existed)
    with mock.patch.object(charts, "render_svg", side_effect=AssertionError("drawn")):
        assert warm_chart_cache([line_spec()], png_widths=()) == 0
    assert DrawnChart.objects.count() == 1
    cache.clear()
    with mock.patch.object(charts, "render_svg", side_effect=AssertionError("drawn")):
        assert chart_svg(line_spec()).startswith("<svg")


def test_a_chart_another_worker_kept_first_is_not_an_error():
    from django.core.cache import cache

    from portal.core.models import DrawnChart

    first = chart_svg(line_spec())
    cache.clear()
    with (
        mock.patch.object(DrawnChart.objects, "filter") as lookup,
        mock.patch.object(charts, "render_svg", wraps=charts.render_svg) as renderer,
    ):
        lookup.return_value.values_list.return_value.first.return_value = None  # missed the row
        assert chart_svg(line_spec()) == first
    assert renderer.call_count == 1  # drawn again, and its row refused quietly
    assert DrawnChart.objects.count() == 1
