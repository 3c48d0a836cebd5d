"""Areas: the code lists of places the published datasets use (country, regions,
municipalities), each code with its place in the hierarchy. A list only an embargoed dataset
uses does not exist here (``datasets.figures.public_area_lists``)."""

from django.urls import reverse
from ninja import Query, Router, Schema

from datasets import figures

from .common import ERRORS, absolute, offset_page
from .problems import Problem
from .query import reject_unknown

router = Router(tags=["areas"])
MAX_DEPTH = 50  # a hierarchy deeper than this is a loop in the data, not a place


class AreaList(Schema):
    slug: str
    name: str
    codes: int
    url: str


class AreaListPage(Schema):
    count: int
    next: str | None
    results: list[AreaList]


class Area(Schema):
    list: str
    code: str
    name: str
    level: int
    parent: str | None
    children_count: int
    url: str


class AreaPage(Schema):
    count: int
    next: str | None
    results: list[Area]


class AreaDetail(Area):
    ancestors: list[str]
    children: list[Area]


def _levels(codes):
    """Each code's depth from the top of its list (0: the country), from the parents in hand."""
    by_pk = {code.pk: code for code in codes}
    levels = {}
    for code in codes:
        depth, node = 0, code
        while node.parent_id in by_pk and depth < MAX_DEPTH:
            node, depth = by_pk[node.parent_id], depth + 1
        levels[code.pk] = depth
    return levels


def _area_out(request, code_list, code, level):
    path = reverse("api-v1:area", kwargs={"list_slug": code_list.slug, "code": code.code})
    return {
        "list": code_list.slug,
        "code": code.code,
        "name": code.label,
        "level": level,
        "parent": code.parent.code if code.parent_id else None,
        "children_count": code.children_count,
        "url": absolute(request, path),
    }


def _read(code_list):
    codes = list(figures.area_codes(code_list))
    return codes, _levels(codes)


def _list_or_problem(slug, status=404):
    found = figures.public_area_lists().filter(slug=slug).first()
    if found is None:
        raise Problem(status, f"There is no area list {slug[:60]!r} in a published dataset.")
    return found


@router.get("/areas/lists", response={200: AreaListPage, **ERRORS}, url_name="area_lists")
def area_lists(request, limit: int = Query(50, ge=1, le=100), offset: int = Query(0, ge=0, le=100000)):
    """The area code lists of published datasets."""
    reject_unknown(request, {"limit", "offset"})
    found = figures.public_area_lists()
    count = found.count()
    results = [
        {
            "slug": code_list.slug,
            "name": code_list.name,
            "codes": code_list.code_count,
            "url": absolute(request, f"{reverse('api-v1:areas')}?list={code_list.slug}"),
        }
        for code_list in found[offset : offset + limit]
    ]
    return offset_page(request, results, count, limit, offset)


@router.get("/areas", response={200: AreaPage, **ERRORS}, url_name="areas")
def areas(
    request,
    list: str = Query("", max_length=50, description="An area list's slug; default every list"),
    level: int | None = Query(None, ge=0, le=MAX_DEPTH, description="0 for the top (the country)"),
    parent: str = Query("", max_length=50, description="A code: only its children"),
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=100000),
):
    """Areas in the order of their list, each with its level, parent and number of children."""
    reject_unknown(request, {"list", "level", "parent", "limit", "offset"})
    lists = [_list_or_problem(list, 400)] if list else figures.public_area_lists()
    found = []
    for code_list in lists:
        codes, levels = _read(code_list)
        found += [(code_list, code, levels[code.pk]) for code in codes]
    if parent:
        if not any(code.code == parent for _, code, _ in found):
            raise Problem(
                400,
                f"parent: there is no area {parent[:50]!r}.",
                errors=[{"parameter": "parent", "detail": "unknown area"}],
            )
        found = [row for row in found if row[1].parent_id and row[1].parent.code == parent]
    if level is not None:
        found = [row for row in found if row[2] == level]
    results = [_area_out(request, *row) for row in found[offset : offset + limit]]
    return offset_page(request, results, len(found), limit, offset)


@router.get("/areas/{list_slug}/{code}", response={200: AreaDetail, **ERRORS}, url_name="area")
def area_detail(request, list_slug: str, code: str):
    """One area: its place in the hierarchy (ancestors from the top) and its children."""
    reject_unknown(request, set())
    code_list = _list_or_problem(list_slug)
    codes, levels = _read(code_list)
    by_pk = {found.pk: found for found in codes}
    area = next((found for found in codes if found.code == code), None)
    if area is None:
        raise Problem(404, f"There is no area {code[:50]!r} in {code_list.name}.")
    ancestors, node = [], area
    while node.parent_id in by_pk and len(ancestors) < MAX_DEPTH:
        node = by_pk[node.parent_id]
        ancestors.insert(0, node.code)
    children = [found for found in codes if found.parent_id == area.pk]
    return {
        **_area_out(request, code_list, area, levels[area.pk]),
        "ancestors": ancestors,
        "children": [_area_out(request, code_list, child, levels[child.pk]) for child in children],
    }
