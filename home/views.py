from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page
from wagtail.search.utils import parse_query_string

from forums.search import site_search_results
from portal.core.templatetags.language_tags import bcp47
from portal.core.translations import in_language

SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_RESULTS_PER_PAGE = 10
# Said of a result written in another language than the visitor's: whole phrases, which
# translators can put in their grammar ("En anglais").
LANGUAGE_LABELS = {"en-gb": _("In English"), "fr": _("In French"), "ar": _("In Arabic")}


@require_GET
def search(request):
    """Site search over every live, public page in the visitor's language (or, untranslated, in
    the default language), whatever its type. The results are read only when
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


def pages_in_language(language):
    """Live, public pages for a reader of ``language``: its own, and the originals of pages not
    translated into it (``portal.core.translations.in_language``); each result's locale comes
    with it (for its "In English" label)."""
    return (
        in_language(Page.objects.live().public(), language)
        .specific()
        .select_related("locale", for_specific_subqueries=True)
    )


def results_for(query, page_number):
    """The page ``page_number`` of the results (the first or the last if it is not one), or None.
    A result in another language than the visitor's says which (``result_language``)."""
    if not query:
        return None
    language = get_language()
    paginator = Paginator(pages_in_language(language).search(search_terms(query)), SEARCH_RESULTS_PER_PAGE)
    try:
        results = paginator.page(page_number)
    except PageNotAnInteger:
        results = paginator.page(1)
    except EmptyPage:
        results = paginator.page(paginator.num_pages)
    active = get_supported_content_language_variant(language)
    results.object_list = [with_language(result, active) for result in results.object_list]
    return results


def with_language(page, active):
    """``page`` with ``result_language`` (its language as HTML writes it, and a label in the
    visitor's language) when it is not written in the visitor's language ``active``."""
    code = page.locale.language_code
    page.result_language = None
    if code != active:
        label = LANGUAGE_LABELS.get(code) or get_language_info(code)["name_translated"]
        page.result_language = {"lang": bcp47(code), "label": label}
    return page


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
