"""RSS and Atom feeds of stories, for everything or one topic."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

FEED_LENGTH = 20


class StoryRssFeed(Feed):
    def __init__(self, index_page, topic=None):
        super().__init__()
        self.index_page = index_page
        self.topic = topic

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        site_name = self.index_page.get_site().site_name or "Portal"
        if self.topic:
            return f"{site_name}: stories about {self.topic.name.lower()}"
        return f"{site_name}: data stories"

    def link(self):
        if self.topic:
            return self.index_page.url + self.index_page.reverse_subpage("topic", args=[self.topic.slug])
        return self.index_page.url

    def description(self):
        return self.index_page.intro or "New data stories and infographics."

    def items(self):
        return self.index_page.stories(topic=self.topic)[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.standfirst

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.topics.all()]


class StoryAtomFeed(StoryRssFeed):
    feed_type = Atom1Feed
    subtitle = StoryRssFeed.description
