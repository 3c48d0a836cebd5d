"""Atom and RSS feeds of fact-checks, newest first."""

from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext

from portal.core.feeds import FEED_LENGTH, PageFeed


class FactCheckRssFeed(PageFeed):
    def title(self):
        site = self.index_page.get_site()
        return f"{site.site_name if site and site.site_name else 'Portal'}: {self.index_page.title}"

    def link(self):
        return self.index_page.url

    def description(self):
        return self.index_page.intro or gettext("Claims about official figures, checked against the data.")

    def items(self):
        return self.index_page.fact_checks()[:FEED_LENGTH]

    def item_title(self, item):
        return f"{item.get_verdict_display()}: {item.title}"

    def item_description(self, item):
        return item.summary

    def item_categories(self, item):
        return [item.get_verdict_display()]


class FactCheckAtomFeed(FactCheckRssFeed):
    feed_type = Atom1Feed
    subtitle = FactCheckRssFeed.description
