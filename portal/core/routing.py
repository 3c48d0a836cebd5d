"""Finding the page a request asks for in two queries instead of two per level of the tree.

Wagtail finds a page by walking the tree from the site's root: for each part of the path, one
query for the child with that slug and one for its specific page, after a query for the site and
one for its root page. A data story three levels down cost eight queries and about a third of
an uncached page's CPU before any of it was drawn. Every page's ``url_path`` is the chain of its
ancestors' slugs, so the whole chain is one query (``url_path IN`` the path's prefixes) and the
deepest page found one more; the rest of the path goes to that page's own ``route``, as Wagtail
would send it (a routable page's sub-routes, or a 404).

The walk is Wagtail's own whenever the shortcut could differ from it: when a live page above
the deepest one has a route of its own for the rest of the path (Wagtail tries it before the
page's children). The site is kept per host in the cache for one chrome generation (a new one starts when
a page, a site or a setting is saved), with its home page's translations.

Each language has its own tree under the home page's translation (``/fr/`` starts at the French
home page). A page not translated yet is still found under another language's prefix by its
original address (``/fr/`` + the English path): it is served as it is, and the page says it is
not translated yet (docs/languages.md).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import DisallowedHost
from django.http import Http404, HttpResponseRedirect
from django.urls import Resolver404
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site

from portal.core.caching.pagecache import chrome_generation, page_cache
from portal.core.homes import home_in_language, homes_by_language


def site_for_request(request):
    """The request's site with its root page, from the cache while the chrome generation lasts."""
    seconds = settings.PAGE_CACHE["CHROME_SECONDS"]
    try:
        host = request.get_host()
    except DisallowedHost:
        return Site.find_for_request(request)
    if not seconds:
        return Site.find_for_request(request)
    key = f"core:site:{chrome_generation()}:{host}:{request.get_port()}"
    site = page_cache().get(key)
    if site is None:
        site = Site._find_for_request(request)
        if site is not None:
            site.homes_by_language = homes_by_language(site.root_page)
            page_cache().set(key, site, seconds)
    request._wagtail_site = site
    return site


def route_in_two_queries(request, root, path):
    """Wagtail's ``RouteResult`` for ``path`` under the home page ``root``, or ``None`` when
    Wagtail's own walk must decide (see the module's docstring). Raises ``Http404`` as Wagtail's
    ``route`` does."""
    components = [component for component in path.split("/") if component]
    prefixes = [
        root.url_path + "".join(f"{part}/" for part in components[:count])
        for count in range(len(components) + 1)
    ]
    chain = (
        Page.objects.filter(url_path__in=prefixes, path__startswith=root.path)
        .order_by("depth")
        .values_list("url_path", "pk", "content_type_id", "live")
    )
    found = {url_path: rest for url_path, *rest in chain}
    depth = 0
    while depth < len(prefixes) and prefixes[depth] in found:
        depth += 1
    if depth == 0:
        return None
    models = [ContentType.objects.get_for_id(found[prefix][1]).model_class() for prefix in prefixes[:depth]]
    for level, model in enumerate(models[:-1]):
        if model is None or (found[prefixes[level]][2] and has_route(model, components[level:])):
            return None
    page = models[-1].objects.select_related("locale").get(pk=found[prefixes[depth - 1]][0])
    return page.route(request, components[depth - 1 :])


def has_route(model, components):
    """Whether a live page of ``model`` answers ``components`` with a route of its own, which
    Wagtail tries before the page's children."""
    if not issubclass(model, RoutablePageMixin):
        return False
    try:
        model.get_resolver().resolve("/" + "".join(f"{part}/" for part in components))
    except Resolver404:
        return False
    return True


def route(request, root, path):
    """The page (with its route's arguments) for ``path`` under the home page ``root``, or None."""
    try:
        found = route_in_two_queries(request, root, path)
        if found is None:
            found = root.specific.route(request, [component for component in path.split("/") if component])
    except Http404:
        return None
    return found


def serve(request, path):
    """Wagtail's page view, with the page found by ``route_in_two_queries`` in the request's
    language, else (not translated yet) by its original address; an original address whose
    page has been translated since goes on to the translation."""
    if not hasattr(request, "_wagtail_route_for_request"):
        site = site_for_request(request)
        found = None
        if site is not None:
            language = translation.get_language()
            home = home_in_language(site, language)
            found = route(request, home, path)
            if found is None and home.pk != site.root_page.pk:
                found = route(request, site.root_page, path)
                moved = found and translated_address(request, found[0], site.root_page, path, home)
                if moved:
                    return HttpResponseRedirect(moved)
        request._wagtail_route_for_request = found
    return wagtail_views.serve(request, path)


def translated_address(request, page, original_home, path, home):
    """The address of ``page``'s live translation under ``home`` (with the rest of ``path``
    below the page), or None when it has none."""
    translation_found = (
        Page.objects.filter(translation_key=page.translation_key, locale_id=home.locale_id, live=True)
        .filter(path__startswith=home.path)
        .first()
    )
    if translation_found is None:
        return None
    own_path = page.url_path[len(original_home.url_path) :]
    rest = path[len(own_path) :] if path.startswith(own_path) else ""
    return translation_found.get_url(request) + rest
