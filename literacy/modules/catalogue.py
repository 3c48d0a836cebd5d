"""What other apps (the open data API) may read about e-modules: the metadata of live modules
anyone may see, never a draft, a scheduled page or a page behind a password or login."""

from .models import ModulePage


def public_modules(topic="", tier=""):
    """Live, unrestricted modules, newest first, with their topics (one query for all of them);
    ``topic`` is a topic's slug."""
    found = ModulePage.objects.live().public()
    if topic:
        found = found.filter(topics__slug=topic)
    if tier:
        found = found.filter(tier=tier)
    return found.prefetch_related("topics").order_by("-first_published_at", "-pk").distinct()


def metadata(page, request):
    """A module as the API lists it."""
    return {
        "title": page.title,
        "url": page.get_full_url(request),
        "first_published_at": page.first_published_at,
        "topics": sorted(tag.name for tag in page.topics.all()),
        "tier": page.tier,
        "duration_minutes": page.duration_minutes,
        "summary": page.summary,
    }
