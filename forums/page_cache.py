"""Forum pages in the page cache. Anonymous readers get the Forums index, each forum and each
topic from the cache; any saved or deleted post or topic purges them, whoever made the change
(a member, a moderator, the admin, a deleted account). Forums are few, so a change purges every
forum's page along with the topic's: a moved topic changes two of them."""

from django.db import transaction
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site

from portal.core.caching.pagecache import purge_site


def purge_topic_pages(topic_id):
    from .models import ForumIndexPage

    batch = PurgeBatch()
    # Each site's home page lists the latest conversations.
    batch.add_pages(Page.objects.live().filter(pk__in=Site.objects.values("root_page")))
    for index in ForumIndexPage.objects.live():
        batch.add_page(index)  # the index and every forum, see ForumIndexPage.get_cached_paths
        batch.add_url(index.full_url + index.reverse_subpage("topic", args=[topic_id]))
    batch.purge()


def post_or_topic_changed(sender, instance, **kwargs):
    topic_id = getattr(instance, "topic_id", instance.pk)  # a post's topic, or the topic itself
    transaction.on_commit(lambda: purge_topic_pages(topic_id))


def member_changed(sender, instance, created, update_fields=None, **kwargs):
    """A member's name is on every post of theirs: renaming one (in the admin) purges every page.
    Joining and suspensions change no page."""
    if not created and (update_fields is None or "display_name" in update_fields):
        transaction.on_commit(purge_site)
