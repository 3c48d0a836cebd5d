"""Scales, ticks and the look of a chart: palette, sizes, number formats on axes, which way bars run."""

from __future__ import annotations

import itertools
import math
import re
import textwrap
from dataclasses import dataclass

from matplotlib import ticker

from portal.core.formats import format_number

from .spec import MAX_BAR_CATEGORIES, ChartSpec

# The UK Government Analysis Function's accessible categorical palette (tested for colour
# blindness, each colour at least 3:1 against white), extended by two colours that also meet 3:1.
PALETTE = (
    "#12436D",  # dark blue
    "#28A197",  # turquoise
    "#801650",  # dark pink
    "#F46A25",  # orange
    "#3D3D3D",  # dark grey
    "#A285D1",  # light purple
    "#2073BC",  # mid blue
    "#8A6D00",  # ochre
)
PAIR_PALETTE = ("#12436D", "#F46A25")  # two series: the most distinct pair, for every kind of vision
# So that colour is never the only difference between series.
LINE_STYLES = ("-", (0, (5, 2)), (0, (1, 1.5)), (0, (6, 2, 1.5, 2)), "-", (0, (5, 2)), (0, (1, 1.5)), "-")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
HATCHES = ("", "////", "\\\\\\\\", "----", "||||", "xxx", "++++", "//")

INK = "#1b1f24"
MUTED = "#4a5561"
GRID = "#d5dbe1"
PAPER = "#ffffff"


@dataclass(frozen=True)
class ChartStyle:
    """The size of a chart and of its text: one for the SVG in a page, one for the PNG card."""

    width: float  # inches
    height: float
    small: float  # points, for all text but the PNG's title
    title: float = 0.0
    line_width: float = 2.2
    marker_size: float = 5.0


# The SVG is small (317 x 230 units) so that its text stays readable on a 320 px wide phone.
SVG_STYLE = ChartStyle(width=4.4, height=3.2, small=11, marker_size=5.5)
PNG_STYLE = ChartStyle(width=8.0, height=4.2, small=12, title=17, line_width=3, marker_size=6.5)
# How many characters of tick labels fit across the plot (for the narrower SVG layout).
PLOT_CHARS = 38


def mpl_text(text: str, wrap: int = 0) -> str:
    """Text for matplotlib (which would read "$...$" as mathematics), wrapped at ``wrap`` characters."""
    if wrap:
        text = textwrap.fill(text, wrap, max_lines=3, placeholder=" \u2026")
    return text.replace("$", r"\$")


def colours_for(count: int) -> tuple[str, ...]:
    return PAIR_PALETTE if count == 2 else PALETTE[:count]


def _axis_number(value: float, _position=None) -> str:
    """A tick label in the active language's number format (0.30000000000000004 is "0.3")."""
    return (format_number(round(value, 6)) or "0").replace("-", "\u2212")


def year_axis(labels: tuple[str, ...]) -> list[int] | None:
    """Labels that are whole numbers in increasing order (years, usually) as numbers; else None."""
    if not all(re.fullmatch(r"\d{1,6}", label) for label in labels):
        return None
    numbers = [int(label) for label in labels]
    return numbers if all(a < b for a, b in itertools.pairwise(numbers)) else None


def thinned_ticks(labels: tuple[str, ...]) -> list[int]:
    longest = max((len(label) for label in labels), default=1)
    fit = max(2, PLOT_CHARS // (longest + 2))
    step = math.ceil(len(labels) / fit)
    return list(range(0, len(labels), step))


def horizontal_bars(labels: tuple[str, ...]) -> bool:
    """Bars run sideways when their labels would not fit under upright columns."""
    if sum(len(label) + 2 for label in labels) <= PLOT_CHARS:
        return False
    return not (len(labels) <= MAX_BAR_CATEGORIES and all(len(label) <= 7 for label in labels))


def style_axes(ax, style: ChartStyle, value_axis: str, bars: bool = False) -> None:
    """Quiet axes: light grid lines across the values, no box; bars get a firm line at zero."""
    for spine in ax.spines.values():
        spine.set_visible(False)
    if bars:
        (ax.axhline if value_axis == "y" else ax.axvline)(0, color=INK, linewidth=1.0, zorder=4)
    else:
        ax.spines["bottom"].set_visible(True)
        ax.spines["bottom"].set_color(INK)
    ax.set_facecolor(PAPER)
    ax.tick_params(labelsize=style.small, labelcolor=INK, color=MUTED, length=4, width=0.8)
    ax.tick_params(axis=value_axis, length=0, pad=4)
    ax.grid(axis=value_axis, color=GRID, linewidth=0.8)
    ax.set_axisbelow(True)
    axis = ax.yaxis if value_axis == "y" else ax.xaxis
    axis.set_major_formatter(ticker.FuncFormatter(_axis_number))
    axis.set_major_locator(ticker.MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]))


def label_axes(ax, spec: ChartSpec, style: ChartStyle, horizontal: bool) -> None:
    """Category label under (or beside) the categories; value label and unit above the values."""
    value_label = mpl_text(spec.value_label)
    category_label = mpl_text(spec.x_label)
    text = {"fontsize": style.small, "color": MUTED}
    if horizontal:
        if value_label:
            ax.set_xlabel(value_label, labelpad=6, **text)
        if category_label:
            ax.set_title(category_label, loc="left", pad=6, **text)
    else:
        if value_label:
            ax.set_title(value_label, loc="left", pad=6, **text)
        if category_label:
            ax.set_xlabel(category_label, labelpad=6, **text)


def zero_line(ax, values, axis: str) -> None:
    """A firm line at zero when values go below it (otherwise the axis itself is at zero or the
    data is all positive)."""
    if any(value is not None and value < 0 for value in values):
        (ax.axhline if axis == "y" else ax.axvline)(0, color=INK, linewidth=0.9, zorder=2)


def add_legend(fig, handles, labels, style: ChartStyle) -> None:
    """A key above the chart, drawn with the same line styles, markers and hatching as the data,
    in as many columns (up to 4) as fit across."""
    renderer = fig.get_figure(root=True).canvas.get_renderer()
    for columns in range(min(len(labels), 4), 0, -1):
        legend = fig.legend(
            handles,
            [mpl_text(label, 36) for label in labels],
            loc="outside upper left",
            ncols=columns,
            frameon=False,
            fontsize=style.small,
            labelcolor=INK,
            handlelength=2.8,
            handleheight=1.0,
            columnspacing=1.4,
            borderaxespad=0.2,
        )
        if columns == 1 or legend.get_window_extent(renderer).width <= fig.bbox.width - 12:
            return
        legend.remove()
