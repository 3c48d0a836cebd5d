"""Responses about one person (their request, entry, registration, subscription or progress)."""

from django.utils.cache import add_never_cache_headers


def private(response, *, indexable=False):
    """Never kept by the site's page cache, a CDN or the browser for anyone else; and, unless the
    page is also public content, kept out of search engines."""
    add_never_cache_headers(response)
    if not indexable:
        response["X-Robots-Tag"] = "noindex"
    return response
