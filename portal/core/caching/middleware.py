from django.conf import settings
from django.utils.module_loading import import_string

from . import pagecache


class AnonymousPageCacheMiddleware:
    """Serves stored responses to anonymous visitors before anything else runs (no session, no
    database), and stores the responses that views marked as the same for everyone.

    It sits above the session, CSRF and message middleware, so that it sees the cookies they set
    and never stores a response carrying one. What must still happen on every view (counting it)
    is named in PAGE_CACHE["ON_HIT"] and called with the request and the stored response."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.on_hit = [import_string(path) for path in settings.PAGE_CACHE.get("ON_HIT", [])]

    def __call__(self, request):
        response = pagecache.cached_response(request)
        if response is not None:
            for callback in self.on_hit:
                callback(request, response)
            return response
        response = self.get_response(request)
        pagecache.store(request, response)
        return response
