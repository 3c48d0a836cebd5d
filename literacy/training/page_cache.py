"""Training listings in the page cache. Anonymous visitors get the upcoming and past sessions and
the calendar feed from the cache; each card shows the seats taken, so any registration that is
made, confirmed, cancelled or deleted (by a journalist, staff or the admin) purges its index.
Publishing a session purges it as any page's parent listing is purged."""

from django.db import transaction
from wagtail.contrib.frontend_cache.utils import PurgeBatch


def purge_session_listings(session_id):
    from .models import TrainingSessionPage

    session = TrainingSessionPage.objects.filter(pk=session_id).first()
    index = session.get_parent().specific if session else None
    if index is not None:
        batch = PurgeBatch()
        batch.add_page(index)  # upcoming, past and the feed: TrainingIndexPage.get_cached_paths
        batch.purge()


def registration_changed(sender, instance, **kwargs):
    session_id = instance.session_id
    transaction.on_commit(lambda: purge_session_listings(session_id))
