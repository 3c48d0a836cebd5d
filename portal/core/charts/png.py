"""The chart as a PNG that stands alone (newsletters, social cards), with its title and source."""

from __future__ import annotations

import io

from .figure import draw_figure
from .scales import PAPER, PNG_STYLE
from .spec import ChartSpec


def render_png(spec: ChartSpec, width_px: int = 1200) -> bytes:
    """Draw the chart as a PNG, width_px wide and 0.525 as high (1200 x 630 for social cards);
    only sideways bar charts with many bars are taller, so that every bar stays readable.

    Unlike the SVG, which sits under its caption on the page, the PNG stands alone, so it
    carries the title and the source. A table-only chart has no image (b"").
    """
    if not 200 <= width_px <= 4000:
        raise ValueError("width_px must be between 200 and 4000.")
    if spec.chart_type == "table":
        return b""
    dpi = width_px / PNG_STYLE.width
    fig = draw_figure(spec, PNG_STYLE, dpi=dpi, standalone=True)
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=dpi, facecolor=PAPER, metadata={"Software": None})
    return out.getvalue()
