"""Who may frame the site's pages: nobody, except the admin framing its own preview panel."""

from csp.constants import SELF


class PreviewFramingMiddleware:
    """Wagtail renders a preview by running the page's own request through the middleware
    (``request.is_dummy``), so the public policy "frame-ancestors 'none'" blanked the admin's
    preview panel. A preview may be framed by the same origin; everything else keeps 'none'.

    Listed after django-csp's middleware, so it marks the response before that writes the header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_dummy", False):
            response._csp_replace = {**getattr(response, "_csp_replace", {}), "frame-ancestors": [SELF]}
        return response
