from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Page
from wagtail.search.utils import parse_query_string

from forums.search import site_search_results

SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_RESULTS_PER_PAGE = 10


@require_GET
def search(request):
    """Site search over every live, public page, whatever its type. The results are read only when
    they are drawn, not when they come from the fragment cache (``{% body_cache %}``: one copy per
    query, page number and language until the next publish)."""
    raw_query = " ".join(request.GET.get("q", "").split())
    query = raw_query[:SEARCH_QUERY_MAX_LENGTH]
    results_page = SimpleLazyObject(lambda: results_for(query, request.GET.get("page", 1)))
    return render(
        request,
        "home/search.html",
        {
            "search_query": query,
            "query_was_shortened": len(raw_query) > SEARCH_QUERY_MAX_LENGTH,
            "results_page": results_page,
            "pagination_query": urlencode({"q": query}),
            "forum_results": SimpleLazyObject(
                lambda: site_search_results(query) if query and on_first_page(results_page) else None
            ),
        },
    )


def results_for(query, page_number):
    """The page ``page_number`` of the results (the first or the last if it is not one), or None."""
    if not query:
        return None
    paginator = Paginator(
        Page.objects.live().public().specific().search(search_terms(query)), SEARCH_RESULTS_PER_PAGE
    )
    try:
        return paginator.page(page_number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def on_first_page(results_page):
    """Forum topics are listed with the first page of results only, not repeated on each."""
    return not results_page or results_page.number == 1


def search_terms(query):
    """What people type, as a search the database can always run.

    Quoted phrases are kept; stray quotes, control characters (which PostgreSQL refuses)
    and Wagtail's "field:value" filter syntax are not treated as syntax.
    """
    printable = "".join(char if char.isprintable() else " " for char in query).replace(":", " ")
    _filters, terms = parse_query_string(printable, operator="and")
    return terms


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
def favicon(request):
    return redirect(static("img/favicon.ico"), permanent=True)
