"""The open data API, version 1 (django-ninja): datasets, their versions and observations, and
the release calendar. Only what is public now is ever read (``datasets.figures``); anything
else is a 404, exactly as if it did not exist."""

from datetime import datetime

from django.http import Http404, HttpResponse
from django.urls import reverse
from ninja import Query, Schema
from ninja.errors import ValidationError

from datasets import figures

from . import areas, content, corrections, formats, problems
from .common import ERRORS, ProblemAPI
from .common import absolute as _absolute
from .common import dataset_or_404 as _dataset_or_404
from .common import next_url as _next_url
from .query import DEFAULT_LIMIT, MAX_LIMIT, ObservationQuery, decode_cursor, encode_cursor, reject_unknown

api = ProblemAPI(
    title="Portal open data API",
    version="1",
    description=(
        "Official statistics as data: every dataset, every published version, observations in "
        "JSON, CSV, JSON-stat 2.0 and SDMX-CSV. Errors are RFC 9457 problem details. "
        "A person's guide: /api/."
    ),
    urls_namespace="api-v1",
    docs_url="/docs/",
)
api.add_exception_handler(problems.Problem, problems.from_problem)
api.add_exception_handler(ValidationError, problems.from_validation_error)
api.add_exception_handler(Http404, problems.not_found)
api.add_router("", areas.router)
api.add_router("", corrections.router)
api.add_router("", content.router)

OBSERVATION_PARAMETERS = {"version", "indicator", "area", "period_from", "period_to", "breakdown"}
OBSERVATION_PARAMETERS |= {"limit", "cursor", "format"}


class Link(Schema):
    href: str


class DatasetSummary(Schema):
    slug: str
    title: str
    summary: str
    topics: list[str]
    licence: str
    current_version: int
    url: str


class DatasetList(Schema):
    count: int
    next: str | None
    results: list[DatasetSummary]


class CodeOut(Schema):
    code: str
    label: str
    parent: str | None


class Dimension(Schema):
    id: str
    name: str
    kind: str
    codes: list[CodeOut]


class IndicatorOut(Schema):
    code: str
    name: str
    definition: str
    unit: str
    unit_multiplier: int
    decimals: int


class VersionOut(Schema):
    number: int
    published_at: datetime
    note: str
    rows: int
    observations: str
    downloads: dict[str, str]


class DatasetDetail(Schema):
    slug: str
    title: str
    summary: str
    topics: list[str]
    licence: str
    producer: str
    update_frequency: str
    contact_name: str
    contact_email: str
    methodology_url: str | None
    url: str
    indicators: list[IndicatorOut]
    dimensions: list[Dimension]
    versions: list[VersionOut]
    corrections: list[corrections.Correction]


class ObservationOut(Schema):
    indicator: str
    period: str
    area: str
    breakdown: dict[str, str]
    value: float | int | None
    status: str


class ObservationPage(Schema):
    dataset: str
    version: int
    published_at: datetime
    next: str | None
    observations: list[ObservationOut]


class ReleaseOut(Schema):
    id: int
    uid: str
    title: str
    summary: str
    topic: str
    announced_at: datetime
    status: str
    reason: str
    url: str
    dataset: str | None
    version: int | None


class ReleaseList(Schema):
    count: int
    next: str | None
    results: list[ReleaseOut]


def _version_or_404(dataset, number):
    version = figures.public_version(dataset, number)
    if version is None:
        raise problems.Problem(404, f"{dataset.title} has no published version {number}.")
    return version


def _version_out(request, dataset, version):
    downloads = {
        fmt: _absolute(
            request,
            reverse("api_download", kwargs={"slug": dataset.slug, "number": version.number, "fmt": fmt}),
        )
        for fmt in formats.EXTENSIONS
    }
    observations = reverse("api-v1:observations", kwargs={"slug": dataset.slug})
    return {
        "number": version.number,
        "published_at": version.published_at,
        "note": version.note,
        "rows": version.row_count,
        "observations": _absolute(request, f"{observations}?version={version.number}"),
        "downloads": downloads,
    }


@api.get("/datasets", response={200: DatasetList, **ERRORS}, tags=["datasets"], url_name="datasets")
def list_datasets(
    request,
    q: str = Query("", max_length=200, description="Words in the title, summary or topics"),
    topic: str = Query("", max_length=100),
    limit: int = Query(50, ge=1, le=100),
    offset: int = Query(0, ge=0, le=100000),
):
    """Datasets with at least one published version, by title."""
    reject_unknown(request, {"q", "topic", "limit", "offset"})
    found = figures.public_datasets().order_by("title", "pk")
    for word in q.split()[:10]:
        found = (
            found.filter(title__icontains=word)
            | found.filter(summary__icontains=word)
            | found.filter(topics__icontains=word)
        )
    if topic:
        found = found.filter(topics__icontains=topic)
    count = found.count()
    page = list(found[offset : offset + limit])
    current = {}
    for version in figures.public_versions_of(page):
        current.setdefault(version.dataset_id, version.number)
    results = [
        {
            "slug": dataset.slug,
            "title": dataset.title,
            "summary": dataset.summary,
            "topics": dataset.topic_list(),
            "licence": dataset.licence,
            "current_version": current.get(dataset.pk, 0),
            "url": _absolute(request, reverse("api-v1:dataset", kwargs={"slug": dataset.slug})),
        }
        for dataset in page
    ]
    more = offset + limit < count
    return {
        "count": count,
        "next": _next_url(request, offset=offset + limit) if more else None,
        "results": results,
    }


@api.get("/datasets/{slug}", response={200: DatasetDetail, **ERRORS}, tags=["datasets"], url_name="dataset")
def dataset_detail(request, slug: str):
    """What a dataset measures, its dimensions and code lists, and every published version."""
    reject_unknown(request, set())
    dataset = _dataset_or_404(slug)
    dimensions = [
        {
            "id": code_list.slug,
            "name": code_list.name,
            "kind": code_list.kind,
            "codes": [
                {"code": code.code, "label": code.label, "parent": code.parent.code if code.parent else None}
                for code in code_list.codes.all()
            ],
        }
        for code_list in figures.code_lists(dataset)
    ]
    methodology = dataset.methodology_page
    return {
        "slug": dataset.slug,
        "title": dataset.title,
        "summary": dataset.summary,
        "topics": dataset.topic_list(),
        "licence": dataset.licence,
        "producer": dataset.producer,
        "update_frequency": dataset.update_frequency,
        "contact_name": dataset.contact_name,
        "contact_email": dataset.contact_email,
        "methodology_url": _absolute(request, methodology.url) if methodology and methodology.live else None,
        "url": _absolute(request, dataset.get_absolute_url()),
        "indicators": list(dataset.indicators.all()),
        "dimensions": dimensions,
        "versions": [_version_out(request, dataset, v) for v in figures.public_versions(dataset)],
        "corrections": corrections.correction_list(request, dataset),
    }


@api.get(
    "/datasets/{slug}/versions/{number}",
    response={200: VersionOut, **ERRORS},
    tags=["datasets"],
    url_name="version",
)
def version_detail(request, slug: str, number: int):
    """One published version: when it came out, its note, and its downloads."""
    reject_unknown(request, set())
    dataset = _dataset_or_404(slug)
    return _version_out(request, dataset, _version_or_404(dataset, number))


JSONSTAT_DATASET = {
    "type": "object",
    "description": "A JSON-stat 2.0 dataset",
    "required": ["version", "class", "id", "size", "dimension", "value"],
    "properties": {"class": {"const": "dataset"}},
}
OBSERVATION_CONTENT = {
    "application/json": {
        "schema": {"anyOf": [{"$ref": "#/components/schemas/ObservationPage"}, JSONSTAT_DATASET]}
    },
    "text/csv": {"schema": {"type": "string"}},
    "application/vnd.sdmx.data+csv": {"schema": {"type": "string"}},
}


@api.get(
    "/datasets/{slug}/observations",
    response={200: ObservationPage, **ERRORS},
    tags=["observations"],
    url_name="observations",
    openapi_extra={"x-content": {"200": OBSERVATION_CONTENT}},
)
def observations(
    request,
    slug: str,
    version: int | None = Query(None, ge=1, description="A version number; default the current one"),
    indicator: list[str] = Query(None, description="Indicator codes, repeated or comma-separated"),
    area: list[str] = Query(None, description="Area codes, repeated or comma-separated"),
    period_from: str | None = Query(None, max_length=10, description="First period, e.g. 2020, 2024-Q1"),
    period_to: str | None = Query(None, max_length=10, description="Last period"),
    breakdown: list[str] = Query(None, description="list=code, e.g. sex=F; repeat for more"),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Rows per page"),
    cursor: str | None = Query(None, max_length=40, description="From the previous page's next"),
    format: str | None = Query(None, description="json, csv, json-stat or sdmx-csv (or use Accept)"),
):
    """Observations of one version, in the order they were imported, a page at a time; follow
    ``next`` (JSON), the ``Link`` header (every format) for the next page."""
    reject_unknown(request, OBSERVATION_PARAMETERS)
    fmt = formats.negotiate(request)
    dataset = _dataset_or_404(slug)
    found = _version_or_404(dataset, version)
    query = ObservationQuery(request.GET, dataset, found, figures.code_lists(dataset, area_codes=False))
    after = decode_cursor(cursor)
    rows = list(query.rows(after=after, limit=limit + 1))
    more = len(rows) > limit
    rows = rows[:limit]
    next_url = _next_url(request, cursor=encode_cursor(rows[-1][0])) if more else None
    part = formats.Slice(dataset, found, query.breakdown_slugs)
    notices = formats.notice_facts(figures.notices_for_version(found), request.build_absolute_uri)
    if fmt == formats.JSON:
        chunks = formats.json_chunks(part, rows, {"next": next_url, "notices": notices})
    elif fmt == formats.CSV:
        chunks = formats.csv_chunks(part, rows)
    elif fmt == formats.SDMX_CSV:
        chunks = formats.sdmx_csv_chunks(part, rows)
    else:
        extension = {"next": next_url, "notices": notices}
        note = [formats.notice_line(fact) for fact in notices]
        chunks = formats.jsonstat_chunks(part, query.categories(rows), rows, extension, note)
    response = HttpResponse("".join(chunks), content_type=formats.MEDIA_TYPES[fmt])
    response["Vary"] = "Accept"
    links = [f'<{next_url}>; rel="next"'] if next_url else []
    links += formats.notice_links(notices)
    if links:
        response["Link"] = ", ".join(links)
    return response


@api.get("/releases", response={200: ReleaseList, **ERRORS}, tags=["releases"], url_name="releases")
def list_releases(
    request,
    status: str = Query(
        "", max_length=20, description="provisional, confirmed, published, postponed, cancelled"
    ),
    topic: str = Query("", max_length=100),
    announced_from: datetime | None = Query(None),
    announced_to: datetime | None = Query(None),
    limit: int = Query(50, ge=1, le=100),
    offset: int = Query(0, ge=0, le=100000),
):
    """The release calendar: upcoming releases first (soonest first), then past ones."""
    reject_unknown(request, {"status", "topic", "announced_from", "announced_to", "limit", "offset"})
    found = figures.releases().calendar_order()
    statuses = {choice for choice, _label in figures.Release.Status.choices}
    if status:
        if status not in statuses:
            raise problems.Problem(
                400, f"status: there is no status {status[:20]!r}; use {', '.join(sorted(statuses))}."
            )
        found = found.filter(status=status)
    if topic:
        found = found.filter(topic=topic)
    if announced_from:
        found = found.filter(announced_at__gte=announced_from)
    if announced_to:
        found = found.filter(announced_at__lte=announced_to)
    count = found.count()
    results = [_release_out(request, release) for release in found[offset : offset + limit]]
    more = offset + limit < count
    return {
        "count": count,
        "next": _next_url(request, offset=offset + limit) if more else None,
        "results": results,
    }


@api.get(
    "/releases/{release_id}", response={200: ReleaseOut, **ERRORS}, tags=["releases"], url_name="release"
)
def release_detail(request, release_id: int):
    reject_unknown(request, set())
    release = figures.releases().filter(pk=release_id).first()
    if release is None:
        raise problems.Problem(404, f"There is no release {release_id}.")
    return _release_out(request, release)


def _release_out(request, release):
    """A release's dataset and version are named only once they are public."""
    public = (
        release.status == figures.Release.Status.PUBLISHED and release.version and release.version.is_public()
    )
    return {
        "id": release.pk,
        "uid": str(release.uid),
        "title": release.title,
        "summary": release.summary,
        "topic": release.topic,
        "announced_at": release.announced_at,
        "status": release.status,
        "reason": release.status_reason,
        "url": _absolute(request, release.get_absolute_url()),
        "dataset": release.dataset.slug if public else None,
        "version": release.version.number if public else None,
    }
