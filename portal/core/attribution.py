"""Attribution of visits that came through a share link: the interface between the apps where
people sign up or finish something (newsletters, e-modules) and the app that hands out the links
(ambassadors), so that neither imports the other.

A share link's redirect adds ``?via=<code>`` to the page's address. Nothing is stored in the
visitor's browser for it: the code travels in the address, in a hidden form field, or, when the
visitor already has a session (a signed-in person, an anonymous learner whose progress the
session keeps), in that session. An app calls :func:`record_conversion` when a sign-up or a
completion happens; whoever listens to :data:`conversion` (the ambassadors app) counts it.
"""

import re

from django.dispatch import Signal

VIA_PARAM = "via"
SESSION_KEY = "share-via"
# What a share code looks like: URL-safe base64 characters. Anything else is never a code.
CODE_PATTERN = re.compile(r"[A-Za-z0-9_-]{8,32}")

SIGNUP = "signup"
COMPLETION = "completion"

# Sent with ``code`` and ``kind`` (SIGNUP or COMPLETION) when a conversion carries a share code.
conversion = Signal()


def clean_code(value):
    """``value`` if it looks like a share code, else "" (no lookup: an oracle needs a lookup)."""
    value = str(value or "")
    return value if CODE_PATTERN.fullmatch(value) else ""


def share_code(request):
    """The share code this request carries: a form field, the address, or an existing session."""
    for source in (request.POST, request.GET):
        code = clean_code(source.get(VIA_PARAM))
        if code:
            return code
    session = getattr(request, "session", None)
    if session is not None and session.session_key:
        return clean_code(session.get(SESSION_KEY))
    return ""


def remember_share_code(request):
    """Keep the request's code in the visitor's session, only if they already have one: a share
    link never starts a session (and so never sets a cookie) by itself."""
    code = clean_code(request.POST.get(VIA_PARAM) or request.GET.get(VIA_PARAM))
    session = getattr(request, "session", None)
    if code and session is not None and session.session_key and session.get(SESSION_KEY) != code:
        session[SESSION_KEY] = code
    return code


def record_conversion(request, kind):
    """Tell the listeners that a sign-up or completion happened; True if it carried a code."""
    if kind not in (SIGNUP, COMPLETION):
        raise ValueError(f"Not a conversion: {kind!r}.")
    code = share_code(request)
    if code:
        conversion.send(sender=None, code=code, kind=kind)
    return bool(code)
