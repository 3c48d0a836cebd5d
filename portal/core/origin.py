"""The check that stands in for a CSRF token on forms that sit on pages cached whole for
anonymous readers (the footer newsletter sign-up, "Was this page useful?"): a token would set a
cookie, and a response that sets one is never cached.

What a token guards against, a form on another site posting here, is refused by the browser's
own word instead: browsers send Origin with every POST (Referer where an old one does not), and
a page on another site cannot forge either. The session cookie is SameSite=Lax, so such a post
would reach us without the visitor's session anyway.
"""

from urllib.parse import urlsplit


def from_this_site(request):
    """True when the browser says the form was sent from one of this site's pages."""
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        origin = request.headers.get("Referer", "")
    parts = urlsplit(origin)
    return parts.scheme == request.scheme and parts.netloc == request.get_host()
