"""Drawing a chart on a matplotlib figure, the same figure for the SVG and for the PNG.

It uses ``matplotlib.figure.Figure`` directly (never pyplot), so it keeps no global state between
charts and is safe in threaded servers.
"""

from __future__ import annotations

import itertools
import math
import textwrap

from matplotlib import ticker
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from portal.core.formats import format_percent

from .scales import (
    HATCHES,
    INK,
    LINE_STYLES,
    MARKERS,
    MUTED,
    PALETTE,
    PAPER,
    PLOT_CHARS,
    ChartStyle,
    add_legend,
    colours_for,
    horizontal_bars,
    label_axes,
    mpl_text,
    style_axes,
    thinned_ticks,
    year_axis,
    zero_line,
)
from .spec import ChartSpec
from .tables import format_number

_PAD = 0.12  # inches of white space around the chart


def _nan(values):
    return [math.nan if value is None else value for value in values]


def _draw_line(fig, ax, spec: ChartSpec, style: ChartStyle) -> None:
    data = spec.data
    labels = data.categories
    years = year_axis(labels)
    xs = years if years is not None else list(range(len(labels)))
    colours = colours_for(len(data.series))
    step = 1 if len(xs) <= 24 else math.ceil(len(xs) / 12)
    handles = []
    for index, name in enumerate(data.series):
        (line,) = ax.plot(
            xs,
            _nan(data.series_values(index)),
            color=colours[index],
            linewidth=style.line_width,
            linestyle=LINE_STYLES[index],
            marker=MARKERS[index],
            markersize=style.marker_size,
            markeredgecolor=PAPER,
            markeredgewidth=0.8,
            markevery=(index * step // max(len(data.series), 1) % step, step),
            solid_capstyle="round",
            label=name,
        )
        handles.append(line)
    style_axes(ax, style, "y")
    if years is not None:
        ax.xaxis.set_major_locator(ticker.MaxNLocator(nbins=6, integer=True, steps=[1, 2, 5, 10]))
        ax.xaxis.set_major_formatter(ticker.FuncFormatter(lambda value, _: str(int(value))))
    else:
        positions = thinned_ticks(labels)
        ax.set_xticks(positions, [mpl_text(labels[i], 14) for i in positions])
    ax.margins(x=0.03, y=0.12)
    zero_line(ax, [v for _, row in data.rows for v in row], "y")
    label_axes(ax, spec, style, horizontal=False)
    if len(data.series) > 1:
        add_legend(fig, handles, list(data.series), style)


def _draw_bars(fig, ax, spec: ChartSpec, style: ChartStyle, stacked: bool) -> list:
    data = spec.data
    labels = data.categories
    count = len(data.series)
    colours = colours_for(count)
    horizontal = horizontal_bars(labels)
    positions = list(range(len(labels)))
    width = 0.72 if stacked or count == 1 else 0.8 / count
    bottoms = [0.0] * len(labels)
    handles = []
    containers = []
    for index, name in enumerate(data.series):
        values = data.series_values(index)
        heights = [0.0 if value is None else value for value in values]
        if stacked:
            offsets = positions
        else:
            offsets = [p - 0.4 + width * (index + 0.5) if count > 1 else p for p in positions]
        common = {
            "color": colours[index],
            "edgecolor": PAPER,
            "linewidth": 0.8 if (stacked or count > 1) else 0,
            "hatch": HATCHES[index] if count > 1 else None,
            "hatchcolor": PAPER,
            "label": name,
            "zorder": 3,
        }
        if horizontal:
            bars = ax.barh(offsets, heights, height=width, left=bottoms if stacked else 0, **common)
        else:
            bars = ax.bar(offsets, heights, width=width, bottom=bottoms if stacked else 0, **common)
        for bar in bars:
            bar.set_hatch_linewidth(1.0)
        containers.append((bars, values))
        handles.append(
            Patch(
                facecolor=colours[index], edgecolor=PAPER, hatch=HATCHES[index], hatchcolor=PAPER, label=name
            )
        )
        if stacked:
            bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    value_axis = "x" if horizontal else "y"
    style_axes(ax, style, value_axis, bars=True)
    shown = [mpl_text(label, 24 if horizontal else 14) for label in labels]
    labelled = count == 1 and len(labels) <= 15
    if horizontal:
        ax.set_yticks(positions, shown)
        ax.invert_yaxis()
        ax.margins(y=0.02, x=0.04)
    else:
        ticks = positions if sum(len(label) + 2 for label in labels) <= PLOT_CHARS else thinned_ticks(labels)
        ax.set_xticks(ticks, [shown[i] for i in ticks])
        ax.margins(x=0.02, y=0.06)
    ax.tick_params(axis="x" if horizontal else "y", length=0)
    ax.tick_params(axis="y" if horizontal else "x", length=0, pad=4)
    value_labels = []
    if labelled:
        bars, values = containers[0]
        places = data.places(0)
        value_labels = ax.bar_label(
            bars,
            labels=[
                "no data" if v is None else format_number(v, places).replace("-", "\u2212") for v in values
            ],
            padding=3,
            fontsize=style.small,
            color=INK,
        )
    label_axes(ax, spec, style, horizontal=horizontal)
    if count > 1:
        add_legend(fig, handles, list(data.series), style)
    return value_labels


def _draw_pie(fig, ax, spec: ChartSpec, style: ChartStyle) -> None:
    """A donut with every part labelled directly (name and share), never by colour alone."""
    labels = spec.data.categories
    values = [value or 0.0 for value in spec.data.series_values(0)]
    total = sum(values)
    shares = [100 * value / total for value in values]
    places = 0 if all(share >= 1 for share in shares) else 1
    wedges, _ = ax.pie(
        values,
        colors=PALETTE[: len(values)],
        startangle=90,
        counterclock=False,
        radius=1.0,
        wedgeprops={"width": 0.42, "edgecolor": PAPER, "linewidth": 1.5},
    )
    ax.set_aspect("equal")
    # Labels sit in a column on each side, moved apart where small parts are close together,
    # with a thin line to their part.
    line_height = 0.2 * style.small / 10
    placed = []
    for wedge, label, share in zip(wedges, labels, shares, strict=True):
        angle = math.radians((wedge.theta1 + wedge.theta2) / 2)
        text = f"{mpl_text(label, 18)}\n{mpl_text(format_percent(share, places))}"
        placed.append(
            {"x": math.cos(angle), "y": math.sin(angle), "text": text, "lines": text.count("\n") + 1}
        )
    for right in (True, False):
        side = sorted((p for p in placed if (p["x"] >= 0) == right), key=lambda p: -p["y"])
        for item in side:
            item["ty"] = 1.15 * item["y"]
        for upper, lower in itertools.pairwise(side):
            gap = line_height * (upper["lines"] + lower["lines"]) / 2 + 0.06
            lower["ty"] = min(lower["ty"], upper["ty"] - gap)
        overflow = -1.35 - min((item["ty"] for item in side), default=0)
        for item in side if overflow > 0 else ():
            item["ty"] += overflow
        for item in side:
            sign = 1 if right else -1
            ax.annotate(
                item["text"],
                xy=(item["x"], item["y"]),
                xytext=(sign * 1.3, item["ty"]),
                ha="left" if right else "right",
                va="center",
                fontsize=style.small,
                color=INK,
                linespacing=1.15,
                arrowprops={"arrowstyle": "-", "color": MUTED, "linewidth": 0.8, "shrinkA": 2, "shrinkB": 0},
            )
    ax.set_xlim(-2.1, 2.1)
    ax.set_ylim(-1.45, 1.45)


def draw_figure(spec: ChartSpec, style: ChartStyle, dpi: float, standalone: bool = False) -> Figure:
    """A figure with the chart; a standalone one (the PNG) also carries the title and source."""
    data = spec.data
    title, source = [], ""
    title_height = source_height = 0.0
    if standalone:
        title = textwrap.wrap(mpl_text(spec.title), 50, max_lines=2, placeholder=" \u2026") or [""]
        source = textwrap.shorten(mpl_text(f"Source: {spec.source}"), 100, placeholder=" \u2026")
        title_height = 0.2 + len(title) * style.title * 1.25 / 72
        source_height = 0.3 + style.small * 1.25 / 72 if spec.source else 0.1
    body_height = style.height - title_height - source_height
    if spec.chart_type in {"bar", "stacked_bar"} and horizontal_bars(data.categories):
        # Sideways bars grow downwards: enough room for each bar (or group) and its label.
        # (The PNG keeps its card shape for up to about a dozen single bars.)
        lines = max(mpl_text(label, 24).count("\n") + 1 for label in data.categories)
        per_text = (lines * 1.2 - 0.2) * style.small / 72 + 0.03
        bar = 0.2 if standalone else 0.26
        per_bars = bar if spec.chart_type == "stacked_bar" else bar - 0.1 + 0.1 * len(data.series)
        legend = 0.4 if len(data.series) > 1 else 0
        body_height = max(body_height, 0.75 + legend + max(per_text, per_bars) * len(data.rows))
    fig = Figure(
        figsize=(style.width, body_height + title_height + source_height),
        dpi=dpi,
        facecolor=PAPER,
        layout="constrained",
    )
    FigureCanvasAgg(fig)  # for measuring text while laying out; saving picks the format's own canvas
    fig.get_layout_engine().set(w_pad=_PAD, h_pad=_PAD / 2)
    body = fig
    if standalone:
        fig.get_layout_engine().set(h_pad=0.04, w_pad=_PAD, hspace=0, wspace=0)
        head, body, foot = fig.subfigures(3, 1, height_ratios=[title_height, body_height, source_height])
        head.text(
            _PAD / style.width, 0.5, "\n".join(title), ha="left", va="center", fontsize=style.title,
            fontweight="bold", color=INK, linespacing=1.15,
        )  # fmt: skip
        if spec.source:
            foot.text(
                _PAD / style.width, 0.5, source, ha="left", va="center", fontsize=style.small - 1, color=MUTED
            )
    ax = body.add_subplot()
    value_labels = []
    if spec.chart_type == "line":
        _draw_line(body, ax, spec, style)
    elif spec.chart_type in {"bar", "stacked_bar"}:
        value_labels = _draw_bars(body, ax, spec, style, stacked=spec.chart_type == "stacked_bar")
    elif spec.chart_type == "pie":
        _draw_pie(body, ax, spec, style)
    else:
        raise ValueError(f"Cannot draw a chart of type {spec.chart_type!r}.")
    if value_labels:
        _fit_value_labels(fig, ax, value_labels, "x" if horizontal_bars(data.categories) else "y")
    return fig


def _fit_value_labels(fig, ax, value_labels, value_axis: str) -> None:
    """Measure the laid-out chart and widen the value axis where a bar's label would run off it."""
    for _ in range(3):
        fig.draw_without_rendering()
        box = ax.get_window_extent()
        extents = [text.get_window_extent() for text in value_labels]
        if value_axis == "x":
            (low, high), size = ax.get_xlim(), box.width
            below = max(box.x0 - extent.x0 for extent in extents)
            above = max(extent.x1 - box.x1 for extent in extents)
        else:
            (low, high), size = ax.get_ylim(), box.height
            below = max(box.y0 - extent.y0 for extent in extents)
            above = max(extent.y1 - box.y1 for extent in extents)
        if below <= 0 and above <= 0:
            return
        per_pixel = (high - low) / size
        low -= max(below, 0) * per_pixel * 1.2
        high += max(above, 0) * per_pixel * 1.2
        (ax.set_xlim if value_axis == "x" else ax.set_ylim)(low, high)
