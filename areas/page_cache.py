"""Area pages in the page cache (and the HTTP cache in front): they are the same for every
anonymous visitor, so a repeat visit costs no Python. A version that becomes public retires the
site's cached pages at once: there is one address per area (thousands) and per comparison or map
choice, too many to name one by one."""

from datasets.signals import version_published
from portal.core.caching.pagecache import purge_site


def retire_on_release(sender, version, **kwargs):
    """Receiver of ``version_published`` (runs after the commit)."""
    purge_site()


def connect():
    version_published.connect(retire_on_release, dispatch_uid="areas_retire_on_release")
