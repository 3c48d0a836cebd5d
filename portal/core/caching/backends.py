"""A Wagtail front-end cache backend for the site's own page cache, so that Wagtail's purging
(on publish and unpublish, and PurgeBatch elsewhere) clears it like it clears a CDN."""

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from . import pagecache


class SitePageCacheBackend(BaseBackend):
    def purge(self, url):
        pagecache.purge_urls([url])

    def purge_batch(self, urls):
        pagecache.purge_urls(urls)
