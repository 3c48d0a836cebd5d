"""Rate limits for the site's own forms (sign-ups, registrations, posts).

They run on allauth's machinery, so every limit lives in ACCOUNT_RATE_LIMITS and is counted in
the shared cache (Redis in production): one place to read and tune them all.
"""

from allauth.core import ratelimit


def limit_or_429(request, action, key=None):
    """None while `action` is within its limit for this visitor (and `key`, e.g. an email);
    otherwise the site's "too many attempts" response (HTTP 429)."""
    return ratelimit.consume_or_429(request, action=action, key=key)
