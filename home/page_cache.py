"""The latest releases snapshot in the page cache: the home page and the stories' topic pages
show the newest public releases (``{% latest_releases %}``), so a version that becomes public
purges them at once. Pages quoting a dataset's figures in blocks are purged by the data layer
itself (``datasets.corrections``)."""

from wagtail.contrib.frontend_cache.utils import PurgeBatch


def purge_release_snapshots(sender, version, **kwargs):
    from stories.models import StoryIndexPage

    from .models import HomePage

    batch = PurgeBatch()
    batch.add_pages(HomePage.objects.live())
    batch.add_pages(StoryIndexPage.objects.live())  # with every topic page: get_cached_paths
    batch.purge()
