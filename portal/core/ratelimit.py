"""Rate limits for the site's own forms (sign-ups, registrations, posts).

They run on allauth's machinery, so every limit lives in ACCOUNT_RATE_LIMITS and is counted in
the shared cache (Redis in production): one place to read and tune them all.
"""

import math
import time

from allauth.core import ratelimit
from allauth.core.internal import ratelimit as _impl
from django.core.cache import cache

APP = "allauth.account"  # where ACCOUNT_RATE_LIMITS are read


def limit_or_429(request, action, key=None):
    """None while `action` is within its limit for this visitor (and `key`, e.g. an email);
    otherwise the site's "too many attempts" response (HTTP 429)."""
    return ratelimit.consume_or_429(request, action=action, key=key)


def consume_read(request, action, key=None):
    """Count one read (a GET, which allauth leaves uncounted by default) against `action`'s
    limits (per `key`, e.g. an API key, for a "/key" rate); False once over any of them."""
    return bool(_impl.consume(request, app=APP, action=action, key=key, limit_get=True))


def retry_after(request, action, key=None):
    """Whole seconds until the visitor is back under every limit of `action` (at least 1)."""
    now = time.time()
    wait = 1.0
    for rate in _impl.get_rates(app=APP, action=action):
        history = cache.get(_impl.get_cache_key(request, app=APP, action=action, rate=rate, key=key), [])
        if len(history) >= rate.amount:
            wait = max(wait, history[rate.amount - 1] + rate.duration - now)
    return math.ceil(wait)
