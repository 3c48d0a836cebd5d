"""oEmbed (https://oembed.com) for the site's data charts: given the address of a chart's embed
(``datasets.embeds``), the iframe to paste, its size and title, so that a blog or a content
system that speaks oEmbed embeds a chart from its address alone. JSON only; anything that is
not an embeddable chart of this site is a 404 problem."""

from urllib.parse import urlsplit

from django.http import JsonResponse
from django.urls import Resolver404, resolve
from wagtail.models import Site

from datasets import embeds

from .problems import Problem
from .query import reject_unknown

PARAMETERS = {"url", "format", "maxwidth", "maxheight"}
MIN_SIZE = 200
CACHE_SECONDS = 3600


def _size(request, name, default):
    raw = request.GET.get(name, "")
    if not raw:
        return default
    if not raw.isdigit() or len(raw) > 5:
        raise Problem(400, f"{name} must be a whole number of pixels.", errors=[{"parameter": name}])
    return max(MIN_SIZE, min(default, int(raw)))


def _chart(request, url):
    """The chart the address names, or a 404 problem: another site's address, something that is
    not a chart's embed, or a chart that is not (or no longer) embeddable."""
    not_found = Problem(404, "This address is not a chart of this site that can be embedded.")
    try:
        parts = urlsplit(url)
    except ValueError:
        raise not_found from None
    if parts.scheme not in ("http", "https") or parts.netloc.lower() != request.get_host().lower():
        raise not_found
    try:
        match = resolve(parts.path)
    except Resolver404:
        raise not_found from None
    if match.view_name != "datasets:embed_chart":
        raise not_found
    found = embeds.find(match.kwargs["page_id"], str(match.kwargs["block_id"]))
    if found is None:
        raise not_found
    return found


def oembed(request):
    reject_unknown(request, PARAMETERS)
    fmt = request.GET.get("format", "json")
    if fmt != "json":
        raise Problem(501, f"Only format=json is served, not {fmt[:20]!r}.")
    url = request.GET.get("url", "")
    if not url or len(url) > 2000:
        raise Problem(400, "url: the address of a chart's embed is needed (at most 2,000 characters).")
    width = _size(request, "maxwidth", embeds.WIDTH)
    height = _size(request, "maxheight", embeds.HEIGHT)
    found = _chart(request, url)
    site = Site.find_for_request(request)
    embed_url = request.build_absolute_uri(embeds.embed_path(found.page.pk, found.block.id))
    response = JsonResponse(
        {
            "version": "1.0",
            "type": "rich",
            "title": found.title,
            "author_name": found.context["dataset"].producer or (site.site_name if site else ""),
            "provider_name": (site.site_name if site else "") or "Portal",
            "provider_url": request.build_absolute_uri("/"),
            "cache_age": CACHE_SECONDS,
            "html": str(embeds.snippet(embed_url, found.title, width, height)),
            "width": width,
            "height": height,
        }
    )
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    return response
