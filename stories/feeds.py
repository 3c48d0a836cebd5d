"""RSS and Atom feeds of stories, for everything or one topic."""

from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext

from portal.core.feeds import FEED_LENGTH, PageFeed


class StoryRssFeed(PageFeed):
    def __init__(self, index_page, topic=None):
        super().__init__(index_page)
        self.topic = topic

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        site_name = self.index_page.get_site().site_name or "Portal"
        if self.topic:
            return gettext("%(site)s: stories about %(topic)s") % {
                "site": site_name,
                "topic": self.topic.name.lower(),
            }
        return gettext("%(site)s: data stories") % {"site": site_name}

    def link(self):
        if self.topic:
            return self.index_page.url + self.index_page.reverse_subpage("topic", args=[self.topic.slug])
        return self.index_page.url

    def description(self):
        return self.index_page.intro or gettext("New data stories and infographics.")

    def items(self):
        return self.index_page.stories(topic=self.topic)[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.standfirst

    def item_categories(self, item):
        return [tag.name for tag in item.topics.all()]


class StoryAtomFeed(StoryRssFeed):
    feed_type = Atom1Feed
    subtitle = StoryRssFeed.description
