"""Atom and RSS feeds of fact-checks, newest first."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

FEED_LENGTH = 20


class FactCheckRssFeed(Feed):
    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def title(self):
        site = self.index_page.get_site()
        return f"{site.site_name if site and site.site_name else 'Portal'}: {self.index_page.title}"

    def link(self):
        return self.index_page.url

    def description(self):
        return self.index_page.intro or "Claims about official figures, checked against the data."

    def items(self):
        return self.index_page.fact_checks()[:FEED_LENGTH]

    def item_title(self, item):
        return f"{item.get_verdict_display()}: {item.title}"

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.get_verdict_display()]


class FactCheckAtomFeed(FactCheckRssFeed):
    feed_type = Atom1Feed
    subtitle = FactCheckRssFeed.description
