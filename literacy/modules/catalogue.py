"""What other apps (the open data API) may read about e-modules: the metadata of live modules
anyone may see, never a draft, a scheduled page or a page behind a password or login."""

from portal.core.pages import listing_metadata, public_listing

from .models import ModulePage


def public_modules(topic="", tier=""):
    """Live, unrestricted modules, newest first; ``topic`` is a topic's slug."""
    return public_listing(ModulePage.objects, topic, **({"tier": tier} if tier else {}))


def metadata(page, request):
    return listing_metadata(
        page, request, tier=page.tier, duration_minutes=page.duration_minutes, summary=page.summary
    )
