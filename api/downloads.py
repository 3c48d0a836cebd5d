"""Downloads of a whole published version in every format, at addresses that never change
(``/api/v1/datasets/<slug>/versions/<n>/download/<format>``): a version is never edited, so
browsers and caches may keep them for a year, and a second request answers 304. Text formats
stream from the database in chunks (flat memory whatever the size); the spreadsheet is written
by openpyxl's write-only mode to a temporary file."""

import hashlib
import tempfile

from django.http import FileResponse, HttpResponseRedirect, QueryDict, StreamingHttpResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from datasets import figures
from portal.contacts.exports import spreadsheet_safe

from . import formats
from .problems import Problem
from .query import ObservationQuery

FORMAT_REVISION = "2"  # bump when a writer changes what it writes: every ETag changes with it
IMMUTABLE = "public, max-age=31536000, immutable"
XLSX_MAX_ROWS = 1_048_575  # a worksheet's rows, less the header


def _public(slug, number):
    dataset = figures.public_dataset(slug)
    version = figures.public_version(dataset, number) if dataset else None
    if version is None:
        raise Problem(404, f"There is no published version {number} of a dataset {slug[:60]!r}.")
    return dataset, version


def download(request, slug, number, fmt):
    if fmt not in formats.EXTENSIONS:
        raise Problem(404, f"Unknown format {fmt[:40]!r}: use one of {', '.join(formats.EXTENSIONS)}.")
    dataset, version = _public(slug, number)
    notices = figures.notices_for_version(version)
    facts = formats.notice_facts(notices, request.build_absolute_uri)
    seed = f"{dataset.slug}|{version.number}|{version.published_at.isoformat()}|{fmt}|{FORMAT_REVISION}"
    seed += "|" + ",".join(str(notice.pk) for notice in notices)  # a notice recorded late shows
    etag = f'"{hashlib.sha256(seed.encode()).hexdigest()[:32]}"'
    last_modified = int(version.published_at.timestamp())
    cached = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if cached is None:
        query = ObservationQuery(QueryDict(), dataset, version, figures.code_lists(dataset, area_codes=False))
        part = formats.Slice(dataset, version, query.breakdown_slugs)
        rows = query.rows().iterator(chunk_size=2000)
        if fmt == formats.XLSX:
            cached = _xlsx(request, part, query, rows, facts)
        else:
            chunks = {
                formats.CSV: lambda: formats.csv_chunks(part, rows),
                formats.SDMX_CSV: lambda: formats.sdmx_csv_chunks(part, rows),
                formats.JSON: lambda: formats.json_chunks(part, rows, {"notices": facts}),
                formats.JSONSTAT: lambda: formats.jsonstat_chunks(
                    part,
                    query.categories(),
                    rows,
                    {"notices": facts},
                    [formats.notice_line(f) for f in facts],
                ),
            }[fmt]()
            cached = StreamingHttpResponse(
                (chunk.encode() for chunk in chunks), content_type=formats.MEDIA_TYPES[fmt]
            )
        filename = f"{dataset.slug}-v{version.number}.{formats.EXTENSIONS[fmt]}"
        cached["Content-Disposition"] = f'attachment; filename="{filename}"'
    cached["ETag"] = etag
    if facts:
        cached["Link"] = ", ".join(formats.notice_links(facts))
    cached["Last-Modified"] = http_date(last_modified)
    cached["Cache-Control"] = IMMUTABLE
    return cached


def latest(request, slug, fmt):
    """The current version's download: a short-lived redirect to its permanent address."""
    dataset, version = _public(slug, None)
    target = reverse("api_download", kwargs={"slug": dataset.slug, "number": version.number, "fmt": fmt})
    response = HttpResponseRedirect(target)
    response["Cache-Control"] = "public, max-age=60"
    return response


def citation(dataset, version, url):
    who = dataset.producer or dataset.title
    return (
        f"{who}, {dataset.title}, version {version.number}, published "
        f"{version.published_at:%d %B %Y}. {url}. Licence: {dataset.licence}."
    )


def _xlsx(request, part, query, rows, notices):
    dataset, version = part.dataset, part.version
    if version.row_count > XLSX_MAX_ROWS:
        raise Problem(413, "This version has more rows than a spreadsheet holds: download the CSV.")
    book = Workbook(write_only=True)
    data = book.create_sheet("Data")
    data.append(["indicator", "period", "area", *part.breakdowns, "value", "status"])
    for _pk, indicator, period, area, key, value, status in rows:
        found = formats.pairs(key)
        cells = [indicator, period, area, *(found.get(slug, "") for slug in part.breakdowns)]
        data.append([spreadsheet_safe(cell) for cell in cells] + [formats.json_number(value), status])
    about = book.create_sheet("About")
    page = request.build_absolute_uri(dataset.get_absolute_url())
    release = figures.releases().filter(version=version).order_by("-announced_at").first()
    methodology = dataset.methodology_page
    facts = [
        ("Dataset", dataset.title),
        ("Summary", dataset.summary),
        ("Version", version.number),
        ("Published", version.published_at.strftime("%Y-%m-%d %H:%M %Z")),
        ("Release", f"{release.title} ({release.announced_at:%Y-%m-%d %H:%M})" if release else ""),
        ("Source", dataset.producer),
        ("Licence", dataset.licence),
        (
            "Methodology",
            request.build_absolute_uri(methodology.url) if methodology and methodology.live else "",
        ),
        ("Contact", f"{dataset.contact_name} <{dataset.contact_email}>" if dataset.contact_email else ""),
        ("Page", page),
        ("How to cite", citation(dataset, version, page)),
        ("Version note", version.note),
        *((fact["label"], ILLEGAL_CHARACTERS_RE.sub("", formats.notice_line(fact))) for fact in notices),
        (
            "Statuses",
            "A normal, P provisional, E estimated, B break in series, M not available, C confidential",
        ),
    ]
    for label, value in facts:
        about.append([label, spreadsheet_safe(value)])
    about.append([])
    about.append(["Indicator", "Name", "Unit", "Unit multiplier (10^n)", "Decimals", "Definition"])
    for indicator in query.indicators.values():
        cells = [indicator.code, indicator.name, indicator.unit, indicator.unit_multiplier]
        cells += [indicator.decimals, indicator.definition]
        about.append([spreadsheet_safe(cell) for cell in cells])
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes (and so deletes) it
    book.save(spool)
    spool.seek(0)
    return FileResponse(spool, content_type=formats.MEDIA_TYPES[formats.XLSX])
