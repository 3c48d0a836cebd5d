"""API keys on the request path: read a key from ``Authorization: Bearer …`` or ``X-API-Key``,
find and check it, choose the rate limit (per key or per address), count what it is used for.

A key is ``ptl_`` + a 10-character prefix + ``_`` + a 40-character secret (letters and digits).
Anything else that claims to be a key (too long, NUL bytes, not ASCII, revoked, unknown) is a
401 problem: a client that sent a key wants to know it did not work, not be served silently
at the anonymous limit."""

import datetime
import hashlib
import hmac
import re
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import get_random_string

from portal.core import ratelimit

from . import problems
from .models import ApiKey, ApiKeyUsage

SCHEME = "ptl"
PREFIX_LENGTH = 10
SECRET_LENGTH = 40
KEY_PATTERN = re.compile(rf"{SCHEME}_([a-z0-9]{{{PREFIX_LENGTH}}})_[A-Za-z0-9]{{{SECRET_LENGTH}}}")
MAX_HEADER = 200  # longer than any key: refused before any pattern or database work
ANONYMOUS_ACTION = "api"
KEY_ACTION = "api_key"
CHALLENGE = 'Bearer realm="api", error="invalid_token"'
LAST_USED_EVERY = datetime.timedelta(minutes=1)  # last_used_at is written at most this often


@dataclass(frozen=True)
class NewKey:
    key: ApiKey
    secret: str  # the whole key, shown once and never stored


def digest(raw):
    return hashlib.sha256(raw.encode("ascii")).hexdigest()


def create_key(user, name):
    """A new key for ``user``; the whole key is only in the returned value."""
    while True:
        prefix = get_random_string(PREFIX_LENGTH, "abcdefghijklmnopqrstuvwxyz0123456789")
        raw = f"{SCHEME}_{prefix}_{get_random_string(SECRET_LENGTH)}"
        try:
            with transaction.atomic():
                key = ApiKey.objects.create(user=user, name=name, prefix=prefix, digest=digest(raw))
        except IntegrityError:  # a prefix already taken (1 in 36^10): draw again
            continue
        return NewKey(key=key, secret=raw)


def revoke(key, by):
    """Revoke now; idempotent (the first revocation's time and author stay)."""
    ApiKey.objects.filter(pk=key.pk, revoked_at__isnull=True).update(revoked_at=timezone.now(), revoked_by=by)


def _unauthorised(detail):
    return problems.Problem(401, detail, headers={"WWW-Authenticate": CHALLENGE})


def presented(request):
    """The key the request presents, as text, or None; a Problem (401) when the headers are not
    a usable key."""
    authorization = request.META.get("HTTP_AUTHORIZATION")
    header = request.META.get("HTTP_X_API_KEY")
    bearer = None
    if authorization is not None:
        scheme, _, value = authorization.partition(" ")
        if scheme.lower() != "bearer" or not value.strip():
            raise _unauthorised("Send an API key as “Authorization: Bearer <key>” or “X-API-Key: <key>”.")
        bearer = value.strip()
    if bearer is not None and header is not None and bearer != header.strip():
        raise _unauthorised("The request carries two different API keys: send one.")
    raw = bearer if bearer is not None else header
    if raw is None:
        return None
    raw = raw.strip()
    if len(raw) > MAX_HEADER or not raw.isascii() or not KEY_PATTERN.fullmatch(raw):
        raise _unauthorised("This is not an API key of this site: copy the whole key from your account page.")
    return raw


def authenticate(request):
    """The active ApiKey the request presents, None without one, a 401 Problem for a bad one."""
    raw = presented(request)
    if raw is None:
        return None
    prefix = KEY_PATTERN.fullmatch(raw).group(1)
    fields = ("pk", "prefix", "digest", "revoked_at", "last_used_at")
    key = ApiKey.objects.filter(prefix=prefix).only(*fields).first()
    if key is None or not hmac.compare_digest(key.digest, digest(raw)):
        raise _unauthorised("This API key is not known: check it, or create a new one on your account page.")
    if key.revoked_at is not None:
        raise _unauthorised("This API key has been revoked: create a new one on your account page.")
    return key


def admit(request):
    """(the request's key or None, None) when the request may go on; (key, a problem
    response) when it is refused: 401 for a bad key, 429 with Retry-After over the limit."""
    try:
        key = authenticate(request)
    except problems.Problem as problem:
        return None, problems.from_problem(request, problem)
    action, bucket = (KEY_ACTION, key.prefix) if key else (ANONYMOUS_ACTION, None)
    if ratelimit.consume_read(request, action, key=bucket):
        return key, None
    seconds = ratelimit.retry_after(request, action, key=bucket)
    who = "with this API key" if key else "from your address"
    refusal = problems.problem_response(
        request,
        429,
        f"Too many requests {who}: try again in {seconds} seconds.",
        headers={"Retry-After": str(seconds)},
    )
    return key, refusal


def record_use(key, now=None):
    """One more request for ``key`` today: one UPDATE (an INSERT on the day's first request),
    plus ``last_used_at`` at most once a minute."""
    now = now or timezone.now()
    day = timezone.localdate(now)
    counted = ApiKeyUsage.objects.filter(key_id=key.pk, day=day).update(requests=F("requests") + 1)
    if not counted:
        try:
            with transaction.atomic():
                ApiKeyUsage.objects.create(key_id=key.pk, day=day, requests=1)
        except IntegrityError:  # another request made the day's row first
            ApiKeyUsage.objects.filter(key_id=key.pk, day=day).update(requests=F("requests") + 1)
    if key.last_used_at is None or now - key.last_used_at >= LAST_USED_EVERY:
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)


def keys_per_user():
    return settings.API_KEYS_PER_USER
