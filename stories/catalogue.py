"""What other apps (the open data API) may read about stories: the metadata of live stories
anyone may see, never a draft, a scheduled page or a page behind a password or login."""

from portal.core.pages import listing_metadata, public_listing

from .models import DataStoryPage


def public_stories(topic="", level=""):
    """Live, unrestricted stories, newest first; ``topic`` is a topic's slug, ``level`` a tier."""
    return public_listing(DataStoryPage.objects, topic, **({"literacy_level": level} if level else {}))


def metadata(page, request):
    return listing_metadata(
        page, request, tier=page.literacy_level, format=page.format, summary=page.standfirst
    )
