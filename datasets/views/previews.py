"""The pre-release preview of a release's embargoed figures, for one named journalist.

Every answer here is private (no-store, noindex, no referrer: the address is the key) and never
goes through the page cache. An unknown, tampered or wrong-release link gets 403; a revoked or
expired one 410; once the release is out, the link leads to the public release page."""

import hashlib
import hmac
import re

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from portal.core.private import private

from ..models import PreviewAccess, PreviewGrant, Release
from ..models.previews import token_hash

PER_PAGE = 100
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{20,100}")


def hashed_address(request):
    """The visitor's address, keyed with the site's secret: the log can tell openings from the
    same place apart from others without keeping anyone's address."""
    address = request.META.get("REMOTE_ADDR", "")
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def refuse(request, reason, status, grant=None):
    response = TemplateResponse(
        request, "datasets/releases/preview_refused.html", {"reason": reason, "grant": grant}, status=status
    )
    return secret(response)


def secret(response):
    private(response)
    response["Referrer-Policy"] = "no-referrer"
    return response


def release_preview(request, pk, token):
    grant = None
    if TOKEN_SHAPE.fullmatch(token):
        grant = (
            PreviewGrant.objects.select_related("release__dataset", "release__version")
            .filter(token_hash=token_hash(token))
            .first()
        )
    if grant is None or grant.release_id != pk:
        return refuse(request, "invalid", 403)
    release = grant.release
    if release.status == Release.Status.PUBLISHED:
        return secret(redirect(release.get_absolute_url()))
    if grant.revoked:
        return refuse(request, "revoked", 410, grant)
    if grant.is_expired():
        return refuse(request, "expired", 410, grant)
    if release.status == Release.Status.CANCELLED:
        return refuse(request, "cancelled", 410, grant)
    PreviewAccess.objects.create(
        grant=grant,
        ip_hash=hashed_address(request),
        user_agent=request.headers.get("User-Agent", "").replace("\x00", "")[:300],
    )
    observations = None
    if release.version is not None:
        rows = release.version.observations.select_related("indicator", "area").order_by(
            "indicator__code", "area__code", "period_start", "breakdown_key", "pk"
        )
        observations = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    response = TemplateResponse(
        request,
        "datasets/releases/preview.html",
        {"release": release, "grant": grant, "observations": observations},
    )
    return secret(response)
