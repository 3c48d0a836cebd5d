"""What every page needs to offer the survey: the survey's address, the sampling rate, the
period and the invitation's words. Read once into the cache (no query per page view) and cleared
when the settings are saved or the survey page is published, unpublished or deleted
(satisfaction.signals)."""

from django.core.cache import cache

from .models import SatisfactionSurveyPage, SurveySettings

CACHE_KEY = "satisfaction:invitation"


def invitation():
    """``{"url", "title", "rate", "period_days", "text"}`` for the live survey page, or None."""
    found = cache.get(CACHE_KEY)
    if found is None:
        page = SatisfactionSurveyPage.objects.live().public().first()
        settings = SurveySettings.load()
        found = {
            "url": page.get_url() if page else "",
            "title": page.title if page else "",
            "rate": f"{settings.sample_percent / 100:.4f}",
            "period_days": settings.period_days,
            "text": settings.invitation,
        }
        cache.set(CACHE_KEY, found, None)
    return found if found["url"] else None


def forget(**kwargs):
    cache.delete(CACHE_KEY)
