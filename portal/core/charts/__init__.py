"""Charts: parsed from pasted CSV, drawn by matplotlib, served as SVG and PNG.

This package is the one entry point for charts: data stories, home, newsletters, feedback and
data pages import ``portal.core.charts`` and nothing below it (the StreamField block lives in
:mod:`portal.core.charts.blocks`).

No JavaScript and no CDN. Each chart is rendered on the server to an accessible SVG (with
<title> and <desc>, role="img") for pages and to a PNG for newsletters and social cards. Both
are kept under a hash of the chart's content (and so of its figures), in the cache and durably in
the database (:class:`portal.core.models.DrawnChart`), so a page view finds every chart already
drawn, even after a restart; :func:`warm_chart_cache` draws them ahead of time, when a page is
published or the figures it quotes change.

The pieces, one module each:

- ``spec``: :class:`ChartData` (a table of numbers), :class:`ChartSpec` (everything needed to
  draw one chart), the kinds of chart and the limits on what a chart may hold.
- ``reading``: :func:`parse_chart_csv` turns what an editor pasted into :class:`ChartData`, or
  raises a ``ValidationError`` that says which row and column is wrong and how to fix it.
- ``honesty``: :func:`honest_chart_problems` and :func:`validate_spec` refuse charts that would
  mislead (e.g. a pie that is not parts of a whole).
- ``scales`` and ``figure``: the look of a chart (palette, sizes, ticks) and drawing it on a
  matplotlib figure; ``svg`` and ``png``: :func:`render_svg` and :func:`render_png`.
- ``tables``: :func:`table_rows` for the HTML table beside every chart and :func:`chart_csv`,
  the data as spreadsheet-safe CSV that parses to the same data.
- here: :func:`chart_svg` and :func:`chart_png`, the kept versions of the renderers, which
  templates and views should use.
"""

from __future__ import annotations

import hashlib

import matplotlib
from django.core.cache import cache

from portal.core.formats import number_style

from .honesty import honest_chart_problems, validate_spec
from .png import render_png
from .reading import parse_chart_csv
from .scales import INK, MUTED, PALETTE, PAPER
from .spec import (
    CHART_TYPES,
    MAX_BAR_CATEGORIES,
    MAX_CELL_LENGTH,
    MAX_DECIMALS,
    MAX_PIE_CATEGORIES,
    MAX_REPORTED_PROBLEMS,
    MAX_ROWS,
    MAX_SERIES,
    MAX_TEXT_LENGTH,
    ChartData,
    ChartSpec,
    spec_digest,
)
from .svg import render_svg
from .tables import chart_csv, format_number, table_rows

__all__ = [
    "CACHE_TIMEOUT",
    "CHART_TYPES",
    "ENGINE_VERSION",
    "INK",
    "MAX_BAR_CATEGORIES",
    "MAX_CELL_LENGTH",
    "MAX_DECIMALS",
    "MAX_PIE_CATEGORIES",
    "MAX_REPORTED_PROBLEMS",
    "MAX_ROWS",
    "MAX_SERIES",
    "MAX_TEXT_LENGTH",
    "MUTED",
    "PALETTE",
    "PAPER",
    "ChartData",
    "ChartSpec",
    "chart_csv",
    "chart_png",
    "chart_svg",
    "format_number",
    "honest_chart_problems",
    "parse_chart_csv",
    "render_png",
    "render_svg",
    "spec_digest",
    "table_rows",
    "validate_spec",
    "warm_chart_cache",
]

# Bump when the look of the charts changes, so that cached charts are drawn again.
ENGINE_VERSION = "1"
CACHE_TIMEOUT = 60 * 60 * 24 * 30  # 30 days; keys change whenever the chart changes
CACHE_PREFIX = "stories:chart"


def _cache_key(kind: str, spec: ChartSpec, variant: str = "") -> str:
    # The labels hold numbers written the active language's way: one image per way of writing them.
    style = number_style()
    material = f"{ENGINE_VERSION}|{matplotlib.__version__}|{kind}|{variant}|{style}|{spec_digest(spec)}"
    return f"{CACHE_PREFIX}:{kind}:{hashlib.sha256(material.encode()).hexdigest()}"


def _kept(key: str, field: str, draw):
    """The image under ``key``: from the cache, else from the drawn charts kept in the database
    (after a restart or an eviction), else drawn now and kept in both."""
    image = cache.get(key)
    if image is not None:
        return image
    from portal.core.models import DrawnChart

    image = DrawnChart.objects.filter(key=key).values_list(field, flat=True).first()
    if image:
        image = bytes(image) if field == "png" else image
    else:
        image = draw()
        # The same key always holds the same image, so a row another worker wrote first is fine.
        DrawnChart.objects.bulk_create([DrawnChart(key=key, **{field: image})], ignore_conflicts=True)
    cache.set(key, image, CACHE_TIMEOUT)
    return image


def chart_svg(spec: ChartSpec) -> str:
    """The chart's SVG, drawn only if it was never drawn before."""
    if spec.chart_type == "table":
        return ""
    return _kept(_cache_key("svg", spec), "svg", lambda: render_svg(spec))


def chart_png(spec: ChartSpec, width_px: int = 1200) -> bytes:
    """The chart's PNG at this width, drawn only if it was never drawn before."""
    if spec.chart_type == "table":
        return b""
    return _kept(_cache_key("png", spec, str(width_px)), "png", lambda: render_png(spec, width_px))


def warm_chart_cache(specs, png_widths=(1200,)) -> int:
    """Draw and keep any of these charts (SVG, and PNG at each width) never drawn before.

    Called when a page is published or the figures it quotes change, so that no reader waits for
    a chart to be drawn. One query finds what is already kept; an image still in the cache is
    kept without drawing it again. Returns how many images were drawn.
    """
    from portal.core.models import DrawnChart

    wanted = {}
    for spec in specs:
        if spec.chart_type == "table":
            continue
        wanted[_cache_key("svg", spec)] = ("svg", lambda spec=spec: render_svg(spec))
        for width in png_widths:
            key = _cache_key("png", spec, str(width))
            wanted[key] = ("png", lambda spec=spec, width=width: render_png(spec, width))
    kept = set(DrawnChart.objects.filter(key__in=wanted).values_list("key", flat=True))
    drawn, rows = 0, []
    for key, (field, draw) in wanted.items():
        if key in kept:
            continue
        image = cache.get(key)
        if image is None:
            image = draw()
            drawn += 1
            cache.set(key, image, CACHE_TIMEOUT)
        rows.append(DrawnChart(key=key, **{field: image}))
    DrawnChart.objects.bulk_create(rows, ignore_conflicts=True)
    return drawn
