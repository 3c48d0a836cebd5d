"""Responses about one person (their request, entry, registration, subscription or progress)."""

from django.utils.cache import add_never_cache_headers


def private(response, *, indexable=False):
    """Never kept by the site's page cache, a CDN or the browser for anyone else; and, unless the
    page is also public content, kept out of search engines."""
    add_never_cache_headers(response)
    if not indexable:
        response["X-Robots-Tag"] = "noindex"
    return response


class PrivateResponsesMiddleware:
    """Whatever a signed-in person is shown may be about them (their account, progress,
    preferences, entries): no browser history, proxy or CDN may keep it. Responses that already
    chose otherwise for a signed-in visitor do not exist on this site, so this is not optional."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            for directive in ("public", "s-maxage", "stale-while-revalidate"):
                response.headers["Cache-Control"] = ", ".join(
                    part
                    for part in response.headers.get("Cache-Control", "").split(",")
                    if part.strip() and not part.strip().startswith(directive)
                )
            add_never_cache_headers(response)
        return response
