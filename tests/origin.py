"""Posting as a browser does from this site's pages: forms on cached pages carry no CSRF token,
and the views they post to check the Origin header instead (portal/origin.py)."""

ORIGIN = "http://testserver"


def sent_from(origin=ORIGIN):
    """The request headers of a form sent from `origin` (none at all when it is empty)."""
    return {"HTTP_ORIGIN": origin} if origin else {}
