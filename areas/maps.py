"""Choropleth maps of any indicator at any level, drawn on the server: an SVG whose every area is
a keyboard-focusable link to its page (name and value in its title and label), a data table
beside it, and a PNG for sharing and email. No JavaScript.

Colours: ColorBrewer's five-class "Blues", sequential and safe for colour-blind readers; classes
are quantiles of the figures shown (each about a fifth of the areas), explained in the legend.
An area without a figure is hatched grey, with its own legend entry: never the lowest class.

A built map is cached per data version: the indicator's current public version and the last
change of the boundaries are in the cache key, so a new release or import draws a new map and
nothing embargoed is ever drawn (figures come only through ``datasets.figures``)."""

import hashlib
import io
import re
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from django.utils.translation import get_language, gettext, ngettext
from PIL import Image, ImageDraw, ImageFont

from datasets import figures
from portal.core.charts import format_number
from portal.core.pdf import FONT_DIR

from .models import AreaBoundary, AreaLevel

PALETTE = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")  # ColorBrewer Blues, 5 classes
CLASSES = len(PALETTE)
MISSING_FILL = "#d9d9d9"
HATCH = "#8c8c8c"
EDGE = "#ffffff"
INK = "#0b0c0c"
CACHE_SECONDS = 24 * 60 * 60
MAX_ANCESTRY = 4  # "within" finds areas up to this many levels below the chosen area


@dataclass
class MapArea:
    code: str
    name: str
    path: str
    url: str
    value: float | None
    text: str  # the figure as people read it, or why there is none
    colour_class: int | None = None  # index into PALETTE, None when there is no figure

    @property
    def label(self):
        return f"{self.name}: {self.text}"


@dataclass
class LegendClass:
    low: str
    high: str
    colour: str
    count: int
    first: bool = False  # the lowest class starts at the lowest figure, the others just over a bound

    @property
    def text(self):
        """ "over 3.6 to 4.7"; the lowest class from the lowest figure ("3.0 to 3.6", or "3.0")."""
        if self.first:
            if self.low == self.high:
                return self.high
            return gettext("%(low)s to %(high)s") % {"low": self.low, "high": self.high}
        return gettext("over %(low)s to %(high)s") % {"low": self.low, "high": self.high}


@dataclass
class AreaMap:
    """Everything a map page, its SVG and its PNG show: plain data, so it caches well."""

    title: str
    indicator: str
    unit: str
    period: str
    level: str
    viewbox: tuple = (0, 0, 1, 1)
    areas: list = field(default_factory=list)
    classes: list = field(default_factory=list)
    missing: int = 0
    source: str = ""
    version: int | None = None
    cache_key: str = ""  # names the data version: what the SVG and PNG are cached by

    @property
    def has_figures(self):
        return any(area.value is not None for area in self.areas)


def area_urls():
    """A function giving an area's page (``/areas/<code>/``) from its code: one reverse for all
    (codes are letters, digits, dots, dashes and underscores: nothing to quote)."""
    try:
        pattern = reverse("areas:area", args=["CODE"])
    except NoReverseMatch:  # the area pages' route is not there (yet)
        pattern = reverse("areas:map").removesuffix("map/") + "CODE/"
    before, _, after = pattern.rpartition("CODE")
    return lambda code: f"{before}{code}{after}"


def quantile_classes(values):
    """Upper bounds of up to five classes, each holding about a fifth of ``values`` (sorted, at
    least one); fewer classes when values repeat."""
    ordered = sorted(values)
    bounds = []
    for step in range(1, CLASSES + 1):
        bound = ordered[max(0, -(-len(ordered) * step // CLASSES) - 1)]
        if not bounds or bound > bounds[-1]:
            bounds.append(bound)
    return bounds


def boundaries_stamp():
    """What changes whenever boundaries are imported: part of every map's cache key."""
    stamp = AreaBoundary.objects.aggregate(last=Max("updated_at"), count=Count("pk"))
    return f"{stamp['last'].timestamp() if stamp['last'] else 0}-{stamp['count']}"


def _boundaries(indicator, level, within):
    found = AreaBoundary.objects.filter(level=level, code__code_list_id=indicator.dataset.area_code_list_id)
    if within:
        ancestry = Q()
        for depth in range(1, MAX_ANCESTRY + 1):
            ancestry |= Q(**{"code" + "__parent" * depth + "__code": within})
        found = found.filter(ancestry)
    # Tuples, not model instances: a map of 10,000 areas spends its time here otherwise.
    return found.values_list(
        "code_id", "code__code", "code__label", "path", "min_x", "min_y", "max_x", "max_y"
    )


def build_map(indicator, level, period, within=""):
    """The map of ``indicator`` for ``period`` at ``level`` (optionally only the areas within the
    area coded ``within``), from the current public version, cached per data version."""
    key = _key(indicator, level, period, within)
    cached = cache.get(key)
    if cached is not None:
        return cached
    version, found = figures.area_figures(indicator, period)
    area_map = AreaMap(
        title="",
        indicator=indicator.name,
        unit=figures.unit_text(indicator),
        period=figures.period_text(period),
        level=level.name_plural,
        source=indicator.dataset.title,
        version=version.number if version else None,
        cache_key=key,
    )
    area_map.title = gettext("%(indicator)s, %(period)s, by %(level)s") % {
        "indicator": area_map.indicator,
        "period": area_map.period,
        "level": level.name,
    }
    edges = []
    area_url = area_urls()
    for code_id, code, name, path, *edge in _boundaries(indicator, level, within).iterator(chunk_size=2000):
        observation = found.get(code_id)
        text = figures.figure_text(observation, indicator)
        has_value = (
            observation is not None
            and observation.value is not None
            and observation.status not in observation.WITHOUT_VALUE
        )
        area_map.areas.append(
            MapArea(
                code=code,
                name=name,
                path=path,
                url=area_url(code),
                value=float(observation.value) if has_value else None,
                text=text,
            )
        )
        edges.append(edge)
    if edges:
        min_x, min_y = min(edge[0] for edge in edges), min(edge[1] for edge in edges)
        max_x, max_y = max(edge[2] for edge in edges), max(edge[3] for edge in edges)
        margin = max(max_x - min_x, max_y - min_y) * 0.01
        area_map.viewbox = (
            round(min_x - margin, 2),
            round(min_y - margin, 2),
            round(max_x - min_x + 2 * margin, 2),
            round(max_y - min_y + 2 * margin, 2),
        )
    _classify(area_map, indicator.decimals)
    area_map.areas.sort(key=lambda area: area.name.casefold())
    cache.set(key, area_map, CACHE_SECONDS)
    return area_map


def _key(indicator, level, period, within):
    version = figures.current_version(indicator.dataset)
    # The language too: the title, legend and figures are drawn in the reader's language.
    parts = [indicator.pk, version.pk if version else 0, level.pk, level.simplify_tolerance, period, within]
    parts.append(get_language())
    digest = hashlib.sha256(repr([*parts, boundaries_stamp()]).encode()).hexdigest()[:32]
    return f"areas:map:{digest}"


def _classify(area_map, decimals):
    values = [area.value for area in area_map.areas if area.value is not None]
    area_map.missing = len(area_map.areas) - len(values)
    if not values:
        return
    bounds = quantile_classes(values)
    counts = [0] * len(bounds)
    for area in area_map.areas:
        if area.value is None:
            continue
        index = next(number for number, bound in enumerate(bounds) if area.value <= bound)
        # Fewer classes than five spread over the palette, keeping its ends.
        area.colour_class = round(index * (CLASSES - 1) / max(1, len(bounds) - 1)) if len(bounds) > 1 else 2
        counts[index] += 1
    low = min(values)
    for index, bound in enumerate(bounds):
        colour = PALETTE[round(index * (CLASSES - 1) / max(1, len(bounds) - 1)) if len(bounds) > 1 else 2]
        start = low if index == 0 else bounds[index - 1]
        area_map.classes.append(
            LegendClass(
                low=format_number(start, decimals),
                high=format_number(bound, decimals),
                colour=colour,
                count=counts[index],
                first=index == 0,
            )
        )


def render_svg(area_map, highlight="", id_prefix="map"):
    """The map as SVG markup (standalone or inline in a page): every area an ``<a>`` link with a
    tab stop, its name and value as title and accessible name. ``highlight`` outlines one area
    (an area page's locator map)."""
    x, y, width, height = area_map.viewbox
    hatch = round(max(width, height) / 120, 2) or 1
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x} {y} {width} {height}" class="area-map__svg" '
        f'role="group" aria-labelledby="{id_prefix}-title">',
        f'<title id="{id_prefix}-title">{escape(area_map.title)}</title>',
        f'<defs><pattern id="{id_prefix}-missing" patternUnits="userSpaceOnUse" '
        f'width="{hatch}" height="{hatch}" patternTransform="rotate(45)">'
        f'<rect width="{hatch}" height="{hatch}" fill="{MISSING_FILL}"/>'
        f'<rect width="{round(hatch / 3, 3)}" height="{hatch}" fill="{HATCH}"/></pattern></defs>',
        f'<g stroke="{EDGE}" stroke-width="0.75" stroke-linejoin="round">',
    ]
    outlined = ""
    for area in area_map.areas:
        fill = PALETTE[area.colour_class] if area.colour_class is not None else f"url(#{id_prefix}-missing)"
        label = escape(area.label)
        out.append(
            f'<a href="{escape(area.url)}" tabindex="0" aria-label="{label}" class="area-map__area">'
            f'<title>{label}</title><path d="{area.path}" fill="{fill}" '
            'vector-effect="non-scaling-stroke"/></a>'
        )
        if highlight and area.code == highlight:
            outlined = area.path
    out.append("</g>")
    if outlined:
        out.append(
            f'<path d="{outlined}" fill="none" stroke="#000" stroke-width="3" '
            'vector-effect="non-scaling-stroke" aria-hidden="true"/>'
        )
    out.append("</svg>")
    return "".join(out)


def map_svg(area_map, highlight="", id_prefix="map"):
    """``render_svg``, cached with the map (the map's cache key already carries the data version)."""
    variant = hashlib.sha256(repr((highlight, id_prefix)).encode()).hexdigest()[:16]
    key = f"{area_map.cache_key}:svg:{variant}"
    return cache.get_or_set(key, lambda: render_svg(area_map, highlight, id_prefix), CACHE_SECONDS)


def area_map_svg(indicator, level, period=None, *, within="", highlight=""):
    """The interface for area pages (a locator or choropleth map): the SVG of ``indicator`` at
    ``level`` (an AreaLevel or its slug) for ``period`` (default: the latest), optionally only the
    areas within the area coded ``within`` and one area outlined. "" when there is nothing to
    draw."""
    if isinstance(level, str):
        level = AreaLevel.objects.filter(slug=level).first()
        if level is None:
            return ""
    if period is None:
        periods = figures.indicator_periods(indicator)
        if not periods:
            return ""
        period = periods[0]
    area_map = build_map(indicator, level, period, within)
    if not area_map.areas:
        return ""
    return map_svg(area_map, highlight, id_prefix=f"map-{indicator.pk}-{level.slug}")


# The PNG: drawn with Pillow from the same paths, with its title, legend and source, since it
# travels alone (email, social media).

PNG_WIDTH = 1200
PNG_MAP_HEIGHT = 900
RING = re.compile(r"M([^Ml]+)l([^Mz]*)z")


def _rings(path, scale, dx, dy):
    """Each ring of an SVG path (as ``svg_path`` writes it) in pixels, with its signed area
    (exteriors and holes turn opposite ways)."""
    for start, moves in RING.findall(path):
        x, y = (float(number) for number in start.split())
        points = [(x, y)]
        numbers = [float(number) for number in moves.split()]
        for index in range(0, len(numbers) - 1, 2):
            x += numbers[index]
            y += numbers[index + 1]
            points.append((x, y))
        pixels = [((px - dx) * scale, (py - dy) * scale) for px, py in points]
        twice_area = sum(
            x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(pixels, pixels[1:] + pixels[:1], strict=True)
        )
        yield pixels, twice_area


def _font(size, bold=False):
    return ImageFont.truetype(str(FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size)


def render_png(area_map, highlight=""):
    """The map as a PNG that stands alone: title, map, legend (classes and "not available") and
    source; ``highlight`` outlines one area in black."""
    x, y, width, height = area_map.viewbox
    scale = min((PNG_WIDTH - 80) / width, PNG_MAP_HEIGHT / height)
    map_width, map_height = round(width * scale), round(height * scale)
    legend_rows = len(area_map.classes) + (1 if area_map.missing else 0)
    image = Image.new("RGB", (PNG_WIDTH, 110 + map_height + 40 + 34 * legend_rows + 60), "white")
    draw = ImageDraw.Draw(image)
    draw.text((40, 30), area_map.title, fill=INK, font=_font(30, bold=True))
    if area_map.unit:
        draw.text((40, 72), gettext("Unit: %(unit)s") % {"unit": area_map.unit}, fill=INK, font=_font(20))
    left, top = (PNG_WIDTH - map_width) // 2, 110
    hatch = _hatch()
    for area in area_map.areas:
        rings = list(_rings(area.path, scale, x, y))
        if not rings:
            continue
        xs = [px for pixels, _ in rings for px, _ in pixels]
        ys = [py for pixels, _ in rings for _, py in pixels]
        box = (int(min(xs)), int(min(ys)), int(max(xs)) + 2, int(max(ys)) + 2)
        mask = Image.new("L", (box[2] - box[0], box[3] - box[1]), 0)
        pen = ImageDraw.Draw(mask)
        outer = max(rings, key=lambda ring: abs(ring[1]))[1] > 0
        for pixels, twice_area in sorted(rings, key=lambda ring: (ring[1] > 0) != outer):
            shifted = [(px - box[0], py - box[1]) for px, py in pixels]
            pen.polygon(shifted, fill=255 if (twice_area > 0) == outer else 0)
        where = (left + box[0], top + box[1])
        if area.colour_class is None:
            image.paste(hatch.crop((0, 0, *mask.size)), where, mask)
        else:
            corner = (where[0] + mask.width, where[1] + mask.height)
            image.paste(PALETTE[area.colour_class], (*where, *corner), mask)
        for pixels, _ in rings:
            draw.line([(left + px, top + py) for px, py in pixels + pixels[:1]], fill=EDGE, width=1)
    for area in area_map.areas:
        if highlight and area.code == highlight:
            for pixels, _ in _rings(area.path, scale, x, y):
                draw.line([(left + px, top + py) for px, py in pixels + pixels[:1]], fill=INK, width=5)
    _png_legend(draw, area_map, top + map_height + 30)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _hatch(size=2400):
    """Grey diagonal stripes, the PNG's "not available"."""
    tile = Image.new("RGB", (size, size), MISSING_FILL)
    draw = ImageDraw.Draw(tile)
    for offset in range(-size, size, 14):
        draw.line([(offset, size), (offset + size, 0)], fill=HATCH, width=2)
    return tile


def _png_legend(draw, area_map, top):
    font = _font(20)
    for index, legend in enumerate(area_map.classes):
        row = top + 34 * index
        draw.rectangle((40, row, 80, row + 24), fill=legend.colour, outline="#636363")
        text = ngettext("%(class)s (%(count)d area)", "%(class)s (%(count)d areas)", legend.count) % {
            "class": legend.text,
            "count": legend.count,
        }
        draw.text((95, row), text, fill=INK, font=font)
    if area_map.missing:
        row = top + 34 * len(area_map.classes)
        draw.rectangle((40, row, 80, row + 24), fill=MISSING_FILL, outline="#636363")
        for offset in range(40, 80, 8):
            draw.line([(offset, row + 24), (offset + 8, row)], fill=HATCH, width=2)
        text = ngettext("Not available (%(count)d area)", "Not available (%(count)d areas)", area_map.missing)
        draw.text((95, row), text % {"count": area_map.missing}, fill=INK, font=font)
    row = top + 34 * (len(area_map.classes) + (1 if area_map.missing else 0)) + 10
    source = gettext("Source: %(source)s, version %(version)s") % {
        "source": area_map.source,
        "version": area_map.version,
    }
    draw.text((40, row), source, fill="#505a5f", font=_font(18))


def map_png(area_map, highlight=""):
    """``render_png``, cached with the map."""
    key = f"{area_map.cache_key}:png:{highlight}"
    return cache.get_or_set(key, lambda: render_png(area_map, highlight), CACHE_SECONDS)
