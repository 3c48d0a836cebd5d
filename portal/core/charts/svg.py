"""The chart as an SVG element to inline in a page: accessible, scalable, and fit for a strict CSP."""

from __future__ import annotations

import io
import logging
import re
from xml.etree import ElementTree as ET  # only to build and serialise; parsing goes through defusedxml

import defusedxml.ElementTree as SafeET
import matplotlib

from .figure import draw_figure
from .scales import PAPER, SVG_STYLE
from .spec import ChartSpec, spec_digest

logger = logging.getLogger(__name__)

# The SVG writer reads these from the global settings only. A fixed salt makes its internal
# ids repeatable (we rename them anyway); "path" draws text as glyph outlines, so a chart looks
# the same everywhere and needs no web font.
matplotlib.rcParams["svg.hashsalt"] = "portal-stories-charts"
matplotlib.rcParams["svg.fonttype"] = "path"


SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_ALLOWED_TAGS = {"svg", "g", "path", "defs", "use", "clipPath", "rect", "pattern", "title", "desc"}
# Everything matplotlib writes as style="..." is also an SVG presentation attribute.
_PRESENTATION = {
    "clip-path",
    "clip-rule",
    "fill",
    "fill-opacity",
    "fill-rule",
    "opacity",
    "stroke",
    "stroke-dasharray",
    "stroke-dashoffset",
    "stroke-linecap",
    "stroke-linejoin",
    "stroke-miterlimit",
    "stroke-opacity",
    "stroke-width",
}
_ALLOWED_ATTRIBUTES = _PRESENTATION | {
    "id",
    "d",
    "transform",
    "x",
    "y",
    "width",
    "height",
    "viewBox",
    "href",
    "patternUnits",
    "version",
}
_REFERENCE = re.compile(r"url\(#([^)]+)\)")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _finish_svg(raw: str, spec: ChartSpec, prefix: str) -> str:
    """Make matplotlib's SVG fit to inline in a page with a strict CSP.

    Adds <title> and <desc> as the first children and labels the root with them; turns style
    attributes into presentation attributes (inline styles are blocked by the CSP); drops the
    metadata and <style>; keeps only ids that are referenced, renamed to be unique to this
    chart; removes the fixed size so the chart scales to its container.
    """
    root = SafeET.fromstring(raw.encode())
    for child in list(root):
        if _local(child.tag) == "metadata":
            root.remove(child)
    for defs in root.iter(f"{{{SVG_NS}}}defs"):
        for style in defs.findall(f"{{{SVG_NS}}}style"):
            defs.remove(style)
    root.set("stroke-linejoin", "round")  # was the <style> rule for every element
    root.set("stroke-linecap", "butt")

    elements = list(root.iter())
    referenced: set[str] = set()
    for element in elements:
        element.text = element.text if element.text and element.text.strip() else None
        element.tail = None
        style = element.attrib.pop("style", "")
        for declaration in style.split(";"):
            name, _, value = declaration.partition(":")
            if name.strip() in _PRESENTATION and value.strip():
                element.set(name.strip(), value.strip())
        href = element.attrib.pop(f"{{{XLINK_NS}}}href", None)
        if href is not None:
            element.set("href", href)
        for name, value in element.attrib.items():
            if name == "href" and value.startswith("#"):
                referenced.add(value[1:])
            referenced.update(_REFERENCE.findall(value))
        if "d" in element.attrib:
            element.set("d", " ".join(element.attrib["d"].split()))
    renamed: dict[str, str] = {}
    for element in elements:
        old = element.attrib.pop("id", None)
        if old in referenced:
            renamed[old] = f"{prefix}-{len(renamed) + 1}"
            element.set("id", renamed[old])

    def rename(match):
        return f"url(#{renamed.get(match[1], match[1])})"

    for element in elements:
        for name, value in list(element.attrib.items()):
            if name == "href" and value.startswith("#"):
                element.set(name, "#" + renamed.get(value[1:], value[1:]))
            elif "url(#" in value:
                element.set(name, _REFERENCE.sub(rename, value))
    _keep_known(root)

    for name in ("width", "height", "version"):
        root.attrib.pop(name, None)
    root.set("class", "chart__svg")
    root.set("role", "img")
    root.set("aria-labelledby", f"{prefix}-title {prefix}-desc")
    title = ET.Element(f"{{{SVG_NS}}}title", {"id": f"{prefix}-title"})
    title.text = spec.title
    desc = ET.Element(f"{{{SVG_NS}}}desc", {"id": f"{prefix}-desc"})
    desc.text = spec.summary
    root.insert(0, title)
    root.insert(1, desc)
    # Every element is SVG: write plain tag names under one xmlns rather than ElementTree's
    # "ns0:" prefixes (which browsers would not read as SVG when inlined in HTML).
    for element in root.iter():
        element.tag = _local(element.tag)
    root.set("xmlns", SVG_NS)
    return ET.tostring(root, encoding="unicode")


def _keep_known(element) -> None:
    """Drop any element or attribute outside what matplotlib is known to write (defence in depth)."""
    for child in list(element):
        if not child.tag.startswith(f"{{{SVG_NS}}}") or _local(child.tag) not in _ALLOWED_TAGS:
            logger.warning("Chart SVG: dropped an unexpected <%s> element", _local(child.tag))
            element.remove(child)
        else:
            _keep_known(child)
    for name in list(element.attrib):
        if name not in _ALLOWED_ATTRIBUTES:
            logger.warning("Chart SVG: dropped an unexpected %s attribute", name)
            del element.attrib[name]


def render_svg(spec: ChartSpec) -> str:
    """Draw the chart as an accessible, scalable SVG element ("" for a table-only chart)."""
    if spec.chart_type == "table":
        return ""
    fig = draw_figure(spec, SVG_STYLE, dpi=72)
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None}, facecolor=PAPER)
    return _finish_svg(out.getvalue(), spec, f"chart-{spec_digest(spec)[:12]}")
