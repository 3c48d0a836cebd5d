"""The formats observations are served in, and which one a request asks for (``format=`` first,
then the ``Accept`` header).

Every writer takes the same description of a slice (``Slice``: the dataset, the version, its
breakdown columns) and an iterator of rows, and yields text chunks, so a whole version streams
with flat memory. Codes were checked at import (no formula-like text can be stored), values are
numbers, and any free text (titles, notes) goes through ``spreadsheet_safe`` in spreadsheets."""

import csv
import io
import json
from dataclasses import dataclass, field
from decimal import Decimal

from .problems import Problem

JSON, CSV, JSONSTAT, SDMX_CSV, XLSX = "json", "csv", "json-stat", "sdmx-csv", "xlsx"
MEDIA_TYPES = {
    JSON: "application/json",
    CSV: "text/csv; charset=utf-8",
    JSONSTAT: "application/json",
    SDMX_CSV: "application/vnd.sdmx.data+csv; version=1.0.0; charset=utf-8",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
EXTENSIONS = {JSON: "json", CSV: "csv", JSONSTAT: "jsonstat.json", SDMX_CSV: "sdmx.csv", XLSX: "xlsx"}
# What an Accept header may name, most specific first.
ACCEPTED = {
    "application/json": JSON,
    "text/csv": CSV,
    "application/vnd.json-stat+json": JSONSTAT,
    "application/json-stat+json": JSONSTAT,
    "application/vnd.sdmx.data+csv": SDMX_CSV,
    "*/*": JSON,
    "application/*": JSON,
    "text/*": CSV,
}
API_FORMATS = (JSON, CSV, JSONSTAT, SDMX_CSV)
# Row: (id, indicator code, period, area code, breakdown key, value, status).
ROW_FIELDS = ("pk", "indicator__code", "period", "area__code", "breakdown_key", "value", "status")


def negotiate(request, allowed=API_FORMATS):
    """The format asked for, or a 406 problem naming what is available."""
    names = ", ".join(allowed)
    asked = request.GET.get("format")
    if asked is not None:
        if asked not in allowed:
            raise Problem(400, f"Unknown format {asked[:40]!r}: use one of {names}.")
        return asked
    header = request.headers.get("Accept", "").strip()
    if not header:
        return JSON
    choices = []
    for position, part in enumerate(header.split(",")[:20]):
        media, *params = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        fmt = ACCEPTED.get(media.lower())
        if fmt in allowed and quality > 0:
            choices.append((-quality, position, fmt))
    if not choices:
        raise Problem(
            406, f"None of the types in Accept can be served: ask for one of {names} (or use format=)."
        )
    return min(choices)[2]


def number(value):
    return "" if value is None else f"{Decimal(value).normalize():f}"


def json_number(value):
    """JSON numbers are doubles: integers (up to 2^53) stay exact, decimals as close as a double is."""
    if value is None:
        return None
    as_float = float(value)
    return int(as_float) if as_float.is_integer() and abs(as_float) < 2**53 else as_float


def pairs(key):
    return dict(pair.split("=", 1) for pair in key.split(";")) if key else {}


@dataclass
class Slice:
    dataset: object
    version: object
    breakdowns: list = field(default_factory=list)  # slugs, the CSV columns, sorted

    @property
    def dataflow(self):
        return f"PORTAL:DF_{self.dataset.slug.upper().replace('-', '_')}({self.version.number}.0)"


def _csv_line(cells):
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(cells)
    return out.getvalue()


def csv_chunks(part, rows):
    """Tidy CSV, the same columns the importer reads: a download can be imported again."""
    yield _csv_line(["indicator", "period", "area", *part.breakdowns, "value", "status"])
    buffer = []
    for _pk, indicator, period, area, key, value, status in rows:
        found = pairs(key)
        cells = [indicator, period, area, *(found.get(slug, "") for slug in part.breakdowns)]
        buffer.append(_csv_line([*cells, number(value), status]))
        if len(buffer) >= 1000:
            yield "".join(buffer)
            buffer = []
    yield "".join(buffer)


def sdmx_csv_chunks(part, rows):
    """SDMX-CSV 1.0: a confidential figure has no value and OBS_CONF C; the others OBS_CONF F."""
    dims = [slug.upper() for slug in part.breakdowns]
    yield _csv_line(
        ["DATAFLOW", "INDICATOR", "REF_AREA", *dims, "TIME_PERIOD", "OBS_VALUE", "OBS_STATUS", "OBS_CONF"]
    )
    dataflow = part.dataflow
    buffer = []
    for _pk, indicator, period, area, key, value, status in rows:
        found = pairs(key)
        confidential = status == "C"
        cells = [dataflow, indicator, area, *(found.get(slug, "") for slug in part.breakdowns), period]
        cells += [number(value), "" if confidential else status, "C" if confidential else "F"]
        buffer.append(_csv_line(cells))
        if len(buffer) >= 1000:
            yield "".join(buffer)
            buffer = []
    yield "".join(buffer)


def version_dict(part):
    return {
        "dataset": part.dataset.slug,
        "version": part.version.number,
        "published_at": part.version.published_at.isoformat(),
    }


def json_chunks(part, rows, extra=None):
    """``{"dataset", "version", "published_at", ..., "observations": [...]}``, streamed a
    thousand rows at a time (each thousand encoded by one call of the C encoder)."""
    head = json.dumps({**version_dict(part), **(extra or {})})
    yield head[:-1] + ', "observations": ['
    breakdowns = {}  # a version has few distinct keys: parse each once
    batch = []
    first = True
    for _pk, indicator, period, area, key, value, status in rows:
        if key not in breakdowns:
            found = pairs(key)
            breakdowns[key] = {slug: found.get(slug, "") for slug in part.breakdowns}
        batch.append(
            {
                "indicator": indicator,
                "period": period,
                "area": area,
                "breakdown": breakdowns[key],
                "value": json_number(value),
                "status": status,
            }
        )
        if len(batch) == 1000:
            yield ("" if first else ",") + json.dumps(batch)[1:-1]
            first, batch = False, []
    if batch:
        yield ("" if first else ",") + json.dumps(batch)[1:-1]
    yield "]}"


@dataclass
class Categories:
    """Each dimension's codes in order and their labels: ``{dimension: {code: label}}``."""

    dimensions: dict
    units: dict = field(default_factory=dict)  # indicator code: {"label", "decimals"}
    labels: dict = field(default_factory=dict)  # dimension id: its label


def jsonstat_chunks(part, categories, rows, extension=None, note=None):
    """A JSON-stat 2.0 dataset. Dimensions: indicator, area, period, then each breakdown; values
    and statuses are sparse objects keyed by the cell's position, so a slice of a large cube
    streams without holding it. ``note``: lines for people (the correction notices)."""
    ids = list(categories.dimensions)
    sizes = [len(categories.dimensions[name]) for name in ids]
    positions = [{code: i for i, code in enumerate(categories.dimensions[name])} for name in ids]
    strides = []
    stride = 1
    for size in reversed(sizes):
        strides.insert(0, stride)
        stride *= size
    dimension = {}
    for name in ids:
        category = {
            "index": list(categories.dimensions[name]),
            "label": categories.dimensions[name],
        }
        if name == "indicator" and categories.units:
            category["unit"] = categories.units
        dimension[name] = {"label": categories.labels.get(name, name), "category": category}
    head = {
        "version": "2.0",
        "class": "dataset",
        "label": f"{part.dataset.title}, version {part.version.number}",
        "source": part.dataset.producer or part.dataset.title,
        "updated": part.version.published_at.isoformat(),
        "id": ids,
        "size": sizes,
        "role": {"time": ["period"], "geo": ["area"], "metric": ["indicator"]},
        "dimension": dimension,
        "extension": {**version_dict(part), "licence": part.dataset.licence, **(extension or {})},
    }
    if note:
        head["note"] = list(note)
    yield json.dumps(head)[:-1] + ', "value": {'
    statuses = []
    first = True
    buffer = []
    for _pk, indicator, period, area, key, value, status in rows:
        found = pairs(key)
        codes = [indicator, area, period, *(found.get(slug, "") for slug in ids[3:])]
        index = sum(positions[i][code] * strides[i] for i, code in enumerate(codes))
        buffer.append(f'{"" if first else ","}"{index}": {json.dumps(json_number(value))}')
        first = False
        if status != "A":
            statuses.append(f'"{index}": "{status}"')
        if len(buffer) >= 1000:
            yield "".join(buffer)
            buffer = []
    yield "".join(buffer) + '}, "status": {' + ",".join(statuses) + "}}"


# Correction and revision notices: every download of a version names the notices behind its
# figures. JSON, JSON-stat and the spreadsheet carry them in their metadata; CSV and SDMX-CSV
# must stay plain tables that parse, so they (like every format) get an HTTP Link header to each
# notice's page instead of a comment line.


def notice_facts(notices, absolute):
    """Each notice as the downloads state it; ``absolute`` turns a path into an address."""
    return [
        {
            "kind": notice.kind,
            "label": notice.get_kind_display(),
            "version": notice.version.number,
            "published_at": notice.published_at.isoformat(),
            "reason": notice.reason,
            "url": absolute(notice.get_absolute_url()),
        }
        for notice in notices
    ]


def notice_line(fact):
    """The notice in one line a person reads: date, kind, version, reason and its address."""
    reason = " ".join(fact["reason"].split()) or "no reason given"
    return (
        f"{fact['published_at'][:10]} {fact['label']} in version {fact['version']}: {reason} — {fact['url']}"
    )


def notice_links(facts):
    """``Link`` header values, one per notice: its page describes what changed in these figures."""
    return [
        f'<{fact["url"]}>; rel="describedby"; title="{fact["label"]}, version {fact["version"]}"'
        for fact in facts
    ]
