"""Area pages (/areas/<code>/), finding an area (/areas/), comparing areas (/areas/compare/), an
area's downloads and its embeddable figures. Every view reads the area tree once and the figures
in a fixed number of queries (``areas.profiles``), whatever the number of areas or indicators."""

from csp.decorators import csp_replace
from django.core.exceptions import TooManyFieldsSent
from django.http import Http404, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.clickjacking import xframe_options_exempt
from wagtail.models import Page

from datasets import figures
from portal.core import ratelimit
from portal.core.translations import in_language

from . import compare as comparing
from . import downloads, profiles, rendered
from .forms import MAX_COMPARE, FindForm, read_compare
from .tree import Tree, fold

RATE_ACTION = "area_search"
MAX_MENTIONS = 8
MAX_SUGGESTIONS = 10
MAX_LISTED = 500  # above this many areas, the compare form asks for codes rather than listing them


def too_many(request):
    seconds = ratelimit.retry_after(request, RATE_ACTION)
    response = TemplateResponse(request, "areas/too_many.html", {"seconds": seconds}, status=429)
    response["Retry-After"] = str(seconds)
    return response


def not_found(request, tree, code):
    """404 with the areas whose names or codes are close to what was asked for."""
    asked = code[:60]
    return TemplateResponse(
        request,
        "areas/not_found.html",
        {
            "asked": asked,
            "suggestions": tree.suggestions(asked),
            "form": FindForm(),
            **listing(tree),
        },
        status=404,
    )


def regions(tree):
    """The top of the tree and one level below, for lists of every area."""
    return [(root, root.children) for root in tree.roots()]


def listing(tree):
    """What the lists of areas need; with thousands of areas, regions link to their pages
    (which list their municipalities) and compare asks for typed codes."""
    return {"regions": regions(tree), "typed": len(tree.places) > MAX_LISTED}


def mentions(request, place):
    """Live public pages whose text mentions the area by name (the site's search index): stories,
    forum topics, lessons and any other page."""
    pages = in_language(Page.objects.live().public().exclude(depth__lte=2))
    found = pages.search(place.label, operator="and")
    return [
        {"title": page.title, "url": page.get_url(request), "kind": page.specific_class._meta.verbose_name}
        for page in found[:MAX_MENTIONS]
        if page.specific_class is not None
    ]


def profile_or_404(request, code):
    """(place, profile, None) for a known code, else (None, None, the 404 with suggestions)."""
    tree = Tree.load()
    place = tree.get(code)
    if place is None:
        return None, None, not_found(request, tree, code)
    return place, profiles.build(tree, place), None


def area_page(request, code):
    tree = Tree.load()
    place = tree.get(code)
    if place is None:
        return not_found(request, tree, code)
    return TemplateResponse(
        request,
        "areas/area_page.html",
        {
            "place": place,
            "parent": tree.parent(place),
            "level": place.level,
            "body": rendered.area_body(tree, place),
            "mentions": rendered.mentions(place, lambda: mentions(request, place)),
            "embed_url": request.build_absolute_uri(reverse("areas:embed", args=[place.code])),
        },
    )


@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
def embed(request, code):
    """The area's headline figures alone, for other sites to show in an iframe."""
    place, profile, missing = profile_or_404(request, code)
    if missing:
        return missing
    page = request.build_absolute_uri(reverse("areas:area", args=[place.code]))
    return TemplateResponse(
        request, "areas/embed.html", {"place": place, "profile": profile, "page_url": page}
    )


def download(request, code, fmt):
    tree = Tree.load()
    place = tree.get(code)
    if place is None:
        return not_found(request, tree, code)
    if fmt not in ("csv", "xlsx"):
        raise Http404("Downloads are CSV or XLSX.")
    versions, indicators = figures.area_indicators(place.code_list_id)
    writer = downloads.as_xlsx if fmt == "xlsx" else downloads.as_csv
    return writer(place, versions, indicators)


def find(request):
    if not ratelimit.consume_read(request, RATE_ACTION):
        return too_many(request)
    form = FindForm(request.GET or None)
    tree = Tree.load()
    query, results, suggestions = "", [], []
    if form.is_bound and form.is_valid():
        query = form.cleaned_data["q"]
        if query:
            results = tree.search(query)
            if not results:
                suggestions = tree.suggestions(query)
    return TemplateResponse(
        request,
        "areas/find.html",
        {
            "form": form,
            "query": query,
            "searched": bool(query) or bool(form.errors),
            "empty": form.is_bound and form.is_valid() and not query and "q" in request.GET,
            "results": [(place, tree.ancestors(place)) for place in results],
            "suggestions": suggestions,
            **listing(tree),
        },
        status=400 if form.errors else 200,
    )


def suggest(request):
    """JSON for the autocomplete: up to ten areas for ``q`` (names, then close names)."""
    if not ratelimit.consume_read(request, RATE_ACTION):
        response = JsonResponse({"error": gettext("Too many searches: try again in a minute.")}, status=429)
        response["Retry-After"] = str(ratelimit.retry_after(request, RATE_ACTION))
        return response
    form = FindForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"error": str(form.errors["q"][0]), "results": []}, status=400)
    query = form.cleaned_data["q"]
    tree = Tree.load()
    found = tree.search(query, limit=MAX_SUGGESTIONS) if fold(query) else []
    close = not found and bool(fold(query))
    if close:
        found = tree.suggestions(query, limit=MAX_SUGGESTIONS)
    results = []
    for place in found:
        parent = tree.parent(place)
        results.append(
            {
                "code": place.code,
                "name": place.label,
                "level": place.level,
                "parent": parent.label if parent else "",
                "url": reverse("areas:area", args=[place.code]),
            }
        )
    return JsonResponse({"query": query, "close_matches": close, "results": results})


def compare(request):
    if not ratelimit.consume_read(request, RATE_ACTION):
        return too_many(request)
    tree = Tree.load()
    try:
        codes = request.GET.getlist("areas")
    except TooManyFieldsSent:
        codes, problems, notes, places = (
            [],
            [gettext("The address has too many parameters: choose 2 to 5 areas.")],
            [],
            [],
        )
    else:
        places, problems, notes = read_compare(codes, tree)
    table = comparing.compare(places) if places and not problems else None
    chosen = (
        [place.code for place in places] if not problems else [place.code for place in places][:MAX_COMPARE]
    )
    return TemplateResponse(
        request,
        "areas/compare.html",
        {
            "places": places,
            "problems": problems,
            "notes": notes,
            "table": table,
            "slots": (chosen + [""] * MAX_COMPARE)[:MAX_COMPARE],
            **listing(tree),
        },
        status=400 if problems else 200,
    )
