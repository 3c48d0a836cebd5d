"""The shared cache of whole responses for anonymous visitors.

A response is stored under its host, path and query string, plus a *generation* kept per path
and one for the whole site. Purging a path replaces its generation, which retires every variant
of it at once (each query string, each host name) without having to know them; purging the site
(when a setting or snippet shown on many pages changes) replaces the site's. Old entries simply
expire.

Only requests that cannot be personal are looked up: GET, and no session or messages cookie
(signed-in visitors, and anonymous ones with progress or a flash message, always have one).
Only responses that cannot be personal are stored: a view must have marked the request as
cacheable, and the response must be a plain 200 that sets no cookie (so no CSRF token, which
always comes with its cookie) and is not marked private.
"""

import functools
import hashlib
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import patch_cache_control

from portal.core import language_urls

CACHEABLE = "_portal_cache_anonymous"
ENTRY_KEY = "_portal_cache_entry_key"
SITE_GENERATION = "page-generation:site"
CHROME_GENERATION = "page-generation:chrome"


def page_cache():
    return caches[settings.PAGE_CACHE["ALIAS"]]


def mark_cacheable(request):
    """Say that this request's response is the same for every anonymous visitor."""
    setattr(request, CACHEABLE, True)


def could_be_cached(request):
    if request.method != "GET" or not settings.PAGE_CACHE["SECONDS"]:
        return False
    personal_cookies = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)
    return not any(name in request.COOKIES for name in personal_cookies)


def cached_response(request):
    """The stored response for this request, or None."""
    if not could_be_cached(request):
        return None
    key = entry_key(request)
    stored = page_cache().get(key)
    if stored is None:
        # On a miss, the response is stored under the key of the generations read before it
        # was rendered: a page purged meanwhile is then never served from the older render.
        setattr(request, ENTRY_KEY, key)
        return None
    content, status, headers = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Cache"] = "HIT"
    return response


def store(request, response):
    """Keep the response if it is the same for everyone; give it the headers a CDN needs."""
    key = getattr(request, ENTRY_KEY, None)  # set by the lookup that missed
    if key is None or not getattr(request, CACHEABLE, False):
        return
    if response.status_code != 200 or response.streaming or response.cookies:
        return
    if "private" in response.get("Cache-Control", "") or "no-store" in response.get("Cache-Control", ""):
        return
    options = settings.PAGE_CACHE
    patch_cache_control(
        response,
        public=True,
        max_age=0,
        s_maxage=options["S_MAXAGE"],
        stale_while_revalidate=options["STALE_WHILE_REVALIDATE"],
    )
    headers = [(name, value) for name, value in response.items() if name.lower() not in {"set-cookie"}]
    page_cache().set(key, (response.content, response.status_code, headers), options["SECONDS"])
    response["X-Cache"] = "MISS"


def purge_urls(urls):
    """Retire every stored variant of these URLs (full URLs or paths; query strings ignored), and
    the site's chrome, which may show them (a menu entry, a footer link)."""
    generations = {generation_key(urlsplit(url).path or "/"): new_generation() for url in urls}
    page_cache().set_many({**generations, CHROME_GENERATION: new_generation()}, None)


def purge_site(**kwargs):
    """Retire every stored response (connected to the saving of settings and snippets)."""
    page_cache().set_many({SITE_GENERATION: new_generation(), CHROME_GENERATION: new_generation()}, None)


def chrome_generation():
    """The key of the site's chrome (menu, footer) as it is now: it changes whenever a page or a
    setting does, so a fragment cached under it is never out of date."""
    return page_cache().get(CHROME_GENERATION) or "0"


def entry_key(request):
    """The stored response's key. It holds the language the request is answered in, found as
    the language middleware (which runs after this lookup) will find it, from the address's
    prefix or else the language cookie or Accept-Language: a page drawn in one language is never
    served to a visitor of another."""
    path = request.path
    path_generation = generation_key(path)
    generations = page_cache().get_many([SITE_GENERATION, path_generation])
    variant = hashlib.sha256(
        f"{request.get_host()}\n{request.META.get('QUERY_STRING', '')}\n{request_language(request)}".encode()
    ).hexdigest()
    return (
        f"page:{generations.get(SITE_GENERATION, '0')}:{generations.get(path_generation, '0')}:"
        f"{path_digest(path)}:{variant[:32]}"
    )


def request_language(request):
    """The language the request will be answered in (no query, no session)."""
    return language_urls.request_language(request)


def new_generation():
    return uuid.uuid4().hex[:16]


def generation_key(path):
    return f"page-generation:{path_digest(path)}"


def path_digest(path):
    return hashlib.sha256(path.encode()).hexdigest()[:32]


def cacheable_for_anonymous(view):
    """A view whose response is the same for every anonymous visitor, and changes only when
    pages are published (which purges it, see signals.py)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        mark_cacheable(request)
        return view(request, *args, **kwargs)

    return wrapped


def kept_until_next_publish(view):
    """A view whose response is the same for everyone, signed in or not, and changes only when a
    page is published or purged (the sitemap): drawn once per chrome generation, address and
    language, then served from the cache to every visitor until the next change."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        seconds = settings.PAGE_CACHE["CHROME_SECONDS"]
        key = (
            "kept:"
            + hashlib.sha256(
                f"{chrome_generation()}\n{request.get_host()}\n{request.get_full_path()}\n"
                f"{translation.get_language()}".encode()
            ).hexdigest()
        )
        stored = page_cache().get(key) if seconds and request.method == "GET" else None
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            return response
        response = view(request, *args, **kwargs)
        if seconds and request.method == "GET" and response.status_code == 200 and not response.streaming:
            if hasattr(response, "render"):
                response.render()
            headers = [(name, value) for name, value in response.items() if name.lower() != "set-cookie"]
            page_cache().set(key, (response.content, headers), seconds)
        return response

    return wrapped
