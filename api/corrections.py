"""Corrections and routine revisions of published figures, as the public notices say them:
when, what kind, why, which version replaced which, and the notice's page. A notice of a version
still under embargo is not here (``datasets.figures.public_notices``)."""

from datetime import datetime

from ninja import Query, Router, Schema

from datasets import figures

from .common import ERRORS, absolute, dataset_or_404, offset_page
from .problems import Problem
from .query import reject_unknown

router = Router(tags=["corrections"])
KINDS = ("correction", "revision")


class Correction(Schema):
    id: str
    dataset: str
    kind: str
    reason: str
    version: int
    previous_version: int
    published_at: datetime
    changed: int
    removed: int
    added: int
    url: str


class CorrectionPage(Schema):
    count: int
    next: str | None
    results: list[Correction]


def correction_out(request, notice):
    return {
        "id": str(notice.uid),
        "dataset": notice.dataset.slug,
        "kind": notice.kind,
        "reason": notice.reason,
        "version": notice.version.number,
        "previous_version": notice.previous.number,
        "published_at": notice.version.published_at,
        "changed": notice.changed,
        "removed": notice.removed,
        "added": notice.added,
        "url": absolute(request, notice.get_absolute_url()),
    }


def correction_list(request, dataset):
    """Every public notice of ``dataset``, newest first (for its detail)."""
    return [correction_out(request, notice) for notice in figures.public_notices(dataset)]


def _page(request, found, kind, limit, offset):
    if kind:
        if kind not in KINDS:
            raise Problem(
                400,
                f"kind: there is no kind {kind[:20]!r}; use {' or '.join(KINDS)}.",
                errors=[{"parameter": "kind", "detail": "unknown kind"}],
            )
        found = found.filter(kind=kind)
    count = found.count()
    results = [correction_out(request, notice) for notice in found[offset : offset + limit]]
    return offset_page(request, results, count, limit, offset)


@router.get("/corrections", response={200: CorrectionPage, **ERRORS}, url_name="corrections")
def corrections(
    request,
    kind: str = Query("", max_length=20, description="correction or revision"),
    limit: int = Query(50, ge=1, le=100),
    offset: int = Query(0, ge=0, le=100000),
):
    """Every public correction and revision notice, newest first."""
    reject_unknown(request, {"kind", "limit", "offset"})
    return _page(request, figures.public_notices(), kind, limit, offset)


@router.get(
    "/datasets/{slug}/corrections",
    response={200: CorrectionPage, **ERRORS},
    tags=["datasets"],
    url_name="dataset_corrections",
)
def dataset_corrections(
    request,
    slug: str,
    kind: str = Query("", max_length=20, description="correction or revision"),
    limit: int = Query(50, ge=1, le=100),
    offset: int = Query(0, ge=0, le=100000),
):
    """The dataset's public correction and revision notices, newest first."""
    reject_unknown(request, {"kind", "limit", "offset"})
    return _page(request, figures.public_notices(dataset_or_404(slug)), kind, limit, offset)
