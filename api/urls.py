"""/api/: the guide for people, version 1 of the API (its schema at /api/v1/openapi.json and its
interactive docs at /api/v1/docs/, both served from this site), and the downloads. Every
answer under /api/v1/ is rate limited per API key or per address and open to other sites' scripts (CORS) when
it is a read."""

from functools import wraps

from django.urls import URLPattern, URLResolver, path, re_path

from . import compression, downloads, keys, oembed, problems, views
from .v1 import api


def open_data(view):
    """Rate limit per API key or, without one, per address (429 problem with Retry-After); a bad
    key is a 401 problem (``keys.admit``); CORS for GET of public data; a key's use counted;
    gzip when the client accepts it."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        key, response = keys.admit(request)
        if response is None:
            try:
                response = view(request, *args, **kwargs)
            except problems.Problem as problem:
                response = problems.from_problem(request, problem)
            if key is not None:
                keys.record_use(key)
        if request.method in ("GET", "HEAD"):
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Expose-Headers"] = "Link, ETag, Retry-After"
        return compression.compress(request, response)

    return wrapped


def _wrapped(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            _wrapped(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            pattern.callback = open_data(pattern.callback)
    return patterns


ninja_patterns, ninja_app, ninja_namespace = api.urls
urlpatterns = [
    path("api/", views.guide, name="api_guide"),
    path("api/oembed/", open_data(oembed.oembed), name="api_oembed"),
    path("accounts/api-keys/", views.account_keys, name="api_keys"),
    path("accounts/api-keys/<int:pk>/revoke/", views.revoke_key, name="api_key_revoke"),
    path(
        "api/v1/datasets/<slug:slug>/versions/<int:number>/download/<str:fmt>",
        open_data(downloads.download),
        name="api_download",
    ),
    path("api/v1/datasets/<slug:slug>/download/<str:fmt>", open_data(downloads.latest), name="api_latest"),
    path("api/v1/", (_wrapped(ninja_patterns), ninja_app, ninja_namespace)),
    re_path(r"^api/v1/", open_data(problems.not_found), name="api_not_found"),
]
