"""The map page (``/areas/map/``), the same map as SVG and PNG files and alone for embedding,
chosen by GET parameters (indicator=<dataset>/<code>, level, period, within): a stable URL to
link or embed."""

from functools import wraps

from csp.decorators import csp_replace
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from datasets import figures
from portal.core import ratelimit

from .forms import MapForm, levels_with_boundaries
from .maps import build_map, map_png, map_svg
from .models import AreaBoundary

RATE_ACTION = "area_map"


def rate_limited(view):
    """A map not yet cached is drawn on request: a visitor may ask for only so many a minute."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not ratelimit.consume_read(request, RATE_ACTION):
            seconds = ratelimit.retry_after(request, RATE_ACTION)
            response = HttpResponse(
                gettext("Too many maps asked for from your address: try again in %(seconds)s seconds.")
                % {"seconds": seconds},
                status=429,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = str(seconds)
            return response
        return view(request, *args, **kwargs)

    return wrapped


def _form(request):
    """The form on the request's parameters (the first indicator and the lowest level unless
    chosen), and whether it was filled in by the visitor."""
    levels = list(levels_with_boundaries())
    indicators = list(figures.map_indicators())
    parents = [
        (code, name)
        for code, name in AreaBoundary.objects.filter(level__in=levels[:-1])
        .order_by("level__depth", "code__label")
        .values_list("code__code", "code__label")
    ]
    data = request.GET.copy()
    chosen = bool(data)
    if indicators and not data.get("indicator"):
        first = figures.most_mapped_indicator() or indicators[0]
        data["indicator"] = f"{first.dataset.slug}/{first.code}"
    if levels and not data.get("level"):
        data["level"] = levels[-1].slug
    return MapForm(data, indicators=indicators, levels=levels, parents=parents), chosen


def _chosen_map(request):
    form, _ = _form(request)
    if not form.is_valid():
        raise Http404("No such map: check the indicator, level, period and area.")
    data = form.cleaned_data
    return build_map(data["indicator"], data["level"], data["period"], data["within"])


@require_GET
@rate_limited
def map_page(request):
    form, chosen = _form(request)
    area_map = svg = None
    if form.is_valid():
        data = form.cleaned_data
        area_map = build_map(data["indicator"], data["level"], data["period"], data["within"])
        svg = map_svg(area_map) if area_map.areas else None
    query = request.GET.urlencode() if chosen else form.data.urlencode()
    embed_url = request.build_absolute_uri(f"{reverse('areas:map_embed')}?{query}")
    return TemplateResponse(
        request,
        "areas/map.html",
        {
            "form": form,
            "area_map": area_map,
            "svg": svg,
            "query": query,
            "chosen": chosen,
            "embed_url": embed_url,
        },
        status=200 if form.is_valid() or not chosen else 400,
    )


@require_GET
@rate_limited
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
def map_embed(request):
    """The map alone, with its legend, source and a link back, for other sites to show in an
    iframe: besides the charts' and areas' embeds, the one map address that may be framed."""
    area_map = _chosen_map(request)
    if not area_map.areas:
        raise Http404("This map has no areas.")
    page_url = request.build_absolute_uri(f"{reverse('areas:map')}?{request.GET.urlencode()}")
    return TemplateResponse(
        request,
        "areas/map_embed.html",
        {"area_map": area_map, "svg": map_svg(area_map, id_prefix="embed"), "page_url": page_url},
    )


@require_GET
@rate_limited
def map_svg_file(request):
    area_map = _chosen_map(request)
    response = HttpResponse(map_svg(area_map, id_prefix="map"), content_type="image/svg+xml; charset=utf-8")
    response["Content-Security-Policy"] = "default-src 'none';"
    return response


@require_GET
@rate_limited
def map_png_file(request):
    area_map = _chosen_map(request)
    if not area_map.areas:
        raise Http404("This map has no areas.")
    response = HttpResponse(map_png(area_map), content_type="image/png")
    response["Content-Disposition"] = 'inline; filename="map.png"'
    return response
