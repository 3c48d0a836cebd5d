"""An Atom feed of each forum's newest topics."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext, ngettext

FEED_LENGTH = 20


class ForumFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, index_page, forum):
        super().__init__()
        self.index_page = index_page
        self.forum = forum

    def title(self):
        return gettext("%(forum)s: new topics") % {"forum": self.forum.title}

    def link(self):
        return self.index_page.route_url("forum", self.forum.slug)

    def subtitle(self):
        return self.forum.description

    def items(self):
        return (
            self.forum.topics.filter(approved=True, hidden=False)
            .select_related("author__forum_member")
            .order_by("-created_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, topic):
        return topic.title

    def item_link(self, topic):
        return self.index_page.route_url("topic", topic.pk)

    def item_description(self, topic):
        return ngettext("%(count)s reply", "%(count)s replies", topic.reply_count) % {
            "count": topic.reply_count
        }

    def item_author_name(self, topic):
        member = getattr(topic.author, "forum_member", None)
        return member.name if member else None

    def item_pubdate(self, topic):
        return topic.created_at

    def item_updateddate(self, topic):
        return topic.last_post_at
