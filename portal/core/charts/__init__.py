"""Charts: parsed from pasted CSV, drawn by matplotlib, served as SVG and PNG.

This package is the one entry point for charts: data stories, home, newsletters, feedback and
data pages import ``portal.core.charts`` and nothing below it (the StreamField block lives in
:mod:`portal.core.charts.blocks`).

No JavaScript and no CDN. Each chart is rendered on the server to an accessible SVG (with
<title> and <desc>, role="img") for pages and to a PNG for newsletters and social cards. Both
are cached under a hash of the chart's content, so a page view that finds the chart in the
cache renders nothing; :func:`warm_chart_cache` fills the cache ahead of time (e.g. on publish).

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
- here: :func:`chart_svg` and :func:`chart_png`, the cached versions of the renderers, which
  templates and views should use.
"""

from __future__ import annotations

import hashlib

import matplotlib
from django.core.cache import cache

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
    material = f"{ENGINE_VERSION}|{matplotlib.__version__}|{kind}|{variant}|{spec_digest(spec)}"
    return f"{CACHE_PREFIX}:{kind}:{hashlib.sha256(material.encode()).hexdigest()}"


def chart_svg(spec: ChartSpec) -> str:
    """The chart's SVG from the cache, drawn (and cached) only on a miss."""
    if spec.chart_type == "table":
        return ""
    key = _cache_key("svg", spec)
    svg = cache.get(key)
    if svg is None:
        svg = render_svg(spec)
        cache.set(key, svg, CACHE_TIMEOUT)
    return svg


def chart_png(spec: ChartSpec, width_px: int = 1200) -> bytes:
    """The chart's PNG from the cache, drawn (and cached) only on a miss."""
    if spec.chart_type == "table":
        return b""
    key = _cache_key("png", spec, str(width_px))
    png = cache.get(key)
    if png is None:
        png = render_png(spec, width_px)
        cache.set(key, png, CACHE_TIMEOUT)
    return png


def warm_chart_cache(specs, png_widths=(1200,)) -> int:
    """Draw and cache any of these charts (SVG, and PNG at each width) not yet cached.

    Call it when a page is published, so that no reader waits for a chart to be drawn.
    Returns how many images were drawn.
    """
    drawn = 0
    for spec in specs:
        if spec.chart_type == "table":
            continue
        if cache.get(_cache_key("svg", spec)) is None:
            chart_svg(spec)
            drawn += 1
        for width in png_widths:
            if cache.get(_cache_key("png", spec, str(width))) is None:
                chart_png(spec, width)
                drawn += 1
    return drawn
