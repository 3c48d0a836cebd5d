"""What other apps (the open data API) may read about stories: the metadata of live stories
anyone may see, never a draft, a scheduled page or a page behind a password or login."""

from .models import DataStoryPage


def public_stories(topic="", level=""):
    """Live, unrestricted stories, newest first, with their topics (one query for all of them);
    ``topic`` is a topic's slug, ``level`` a tier."""
    found = DataStoryPage.objects.live().public()
    if topic:
        found = found.filter(topics__slug=topic)
    if level:
        found = found.filter(literacy_level=level)
    return found.prefetch_related("topics").order_by("-first_published_at", "-pk").distinct()


def metadata(page, request):
    """A story as the API lists it."""
    return {
        "title": page.title,
        "url": page.get_full_url(request),
        "first_published_at": page.first_published_at,
        "topics": sorted(tag.name for tag in page.topics.all()),
        "tier": page.literacy_level,
        "format": page.format,
        "summary": page.standfirst,
    }
