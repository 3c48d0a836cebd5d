"""What data stories offer other apps through Wagtail hooks."""

from wagtail import hooks

from .models import DataStoryPage


@hooks.register("newsletter_latest_stories")  # see newsletters.sections
def latest_stories(limit):
    return DataStoryPage.objects.live().public().order_by("-first_published_at")[:limit]
