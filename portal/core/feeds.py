"""Feeds of a listing page's children (stories, fact-checks): what every such feed shares."""

from django.contrib.syndication.views import Feed

FEED_LENGTH = 20


class PageFeed(Feed):
    """RSS (subclass with ``feed_type = Atom1Feed`` for Atom) of pages below ``index_page``: each
    item links to its page and carries its first and latest publication dates."""

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
