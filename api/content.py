"""Stories and e-modules as metadata: title, address, first publication, topics, tier and
summary of every live page anyone may see. The apps say what is public (``stories.catalogue``,
``literacy.modules.catalogue``): a draft, a scheduled page or a private one never appears."""

from datetime import datetime

from ninja import Query, Router, Schema

from literacy.modules import catalogue as modules_catalogue
from portal.core.vocabularies import Tier
from stories import catalogue as stories_catalogue

from .common import ERRORS, offset_page
from .problems import Problem
from .query import reject_unknown

router = Router()
PARAMETERS = {"topic", "tier", "limit", "offset"}
TIER_HELP = "basic, intermediate or advanced"


class Story(Schema):
    title: str
    url: str
    first_published_at: datetime | None
    topics: list[str]
    tier: str
    format: str
    summary: str


class StoryPage(Schema):
    count: int
    next: str | None
    results: list[Story]


class Module(Schema):
    title: str
    url: str
    first_published_at: datetime | None
    topics: list[str]
    tier: str
    duration_minutes: int
    summary: str


class ModulePage(Schema):
    count: int
    next: str | None
    results: list[Module]


def _tier(tier):
    if tier and tier not in Tier.values:
        raise Problem(
            400,
            f"tier: there is no tier {tier[:20]!r}; use {TIER_HELP}.",
            errors=[{"parameter": "tier", "detail": "unknown tier"}],
        )
    return tier


def _page(request, found, metadata, limit, offset):
    count = found.count()
    results = [metadata(page, request) for page in found[offset : offset + limit]]
    return offset_page(request, results, count, limit, offset)


@router.get("/stories", response={200: StoryPage, **ERRORS}, tags=["stories"], url_name="stories")
def stories(
    request,
    topic: str = Query("", max_length=100, description="A topic's slug, e.g. prices"),
    tier: str = Query("", max_length=20, description=f"How demanding: {TIER_HELP}"),
    limit: int = Query(50, ge=1, le=100),
    offset: int = Query(0, ge=0, le=100000),
):
    """Published data stories and infographics, newest first."""
    reject_unknown(request, PARAMETERS)
    found = stories_catalogue.public_stories(topic=topic, level=_tier(tier))
    return _page(request, found, stories_catalogue.metadata, limit, offset)


@router.get("/modules", response={200: ModulePage, **ERRORS}, tags=["modules"], url_name="modules")
def modules(
    request,
    topic: str = Query("", max_length=100, description="A topic's slug"),
    tier: str = Query("", max_length=20, description=TIER_HELP),
    limit: int = Query(50, ge=1, le=100),
    offset: int = Query(0, ge=0, le=100000),
):
    """Published e-modules in statistical literacy, newest first."""
    reject_unknown(request, PARAMETERS)
    found = modules_catalogue.public_modules(topic=topic, tier=_tier(tier))
    return _page(request, found, modules_catalogue.metadata, limit, offset)
