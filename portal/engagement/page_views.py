"""Counting page views without analytics: a (page, day) counter in the database.

Nothing about the visitor is stored: no IP address, no cookie, no user agent. Robots (by
their User-Agent) and anything but a successful GET of an HTML page are not counted, and
neither are pages behind a view restriction.

Views are added up in each server process and written every PAGE_VIEWS_FLUSH_SECONDS in one
statement, so that a page served from the cache costs no database write; a process that dies
without exiting loses at most those seconds of counts.
"""

import atexit
import logging
import re
import threading
import time
from collections import Counter

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from .models import PageViewCount

logger = logging.getLogger(__name__)

BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|archiver|scrap|fetch|curl|wget|python|java/|go-http|http-?client|okhttp"
    r"|axios|node|headless|phantom|lighthouse|pingdom|uptime|monitor|scan|facebookexternalhit"
    r"|embedly|preview|validator",
    re.IGNORECASE,
)


PAGE_HEADER = "X-Page-Id"


def is_bot(user_agent):
    return not user_agent or bool(BOT_PATTERN.search(user_agent))


def is_countable_response(request, response):
    return (
        request.method == "GET"
        and response.status_code == 200
        and response.get("Content-Type", "").startswith("text/html")
        and not is_bot(request.headers.get("User-Agent", ""))
    )


def count_served_page(page, request, response):
    """Count a page Wagtail has just served; the response is labelled with the page, so that a
    copy served later from the page cache can be counted too (see count_cached_response)."""
    if is_countable_response(request, response) and page.live and not is_restricted(page):
        response[PAGE_HEADER] = str(page.pk)
        record_view(page.pk)


def count_cached_response(request, response):
    """Count a stored copy of a counted page, served without reaching Wagtail."""
    page_id = response.get(PAGE_HEADER, "")
    if page_id.isdigit() and is_countable_response(request, response):
        record_view(int(page_id))


def is_restricted(page):
    """True if the page or an ancestor has a view restriction (one indexed lookup)."""
    steplen = page.steplen
    ancestor_paths = [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
    return PageViewRestriction.objects.filter(page__path__in=ancestor_paths).exists()


def upsert_sql(rows):
    """Add `rows` (page, day, views) counters, inserting the ones that do not exist yet (the
    same on PostgreSQL and SQLite). The page's type is copied in the same statement, and a page
    that no longer exists inserts nothing."""
    quote = connection.ops.quote_name
    table = quote(PageViewCount._meta.db_table)
    pages = quote(Page._meta.db_table)
    # Only the models' own table names, quoted, go into the text; the values are parameters.
    select = f"SELECT id, content_type_id, %s, %s FROM {pages} WHERE id = %s"  # noqa: S608
    return (
        f"INSERT INTO {table} (page_id, content_type_id, day, views) "
        + " UNION ALL ".join([select] * rows)
        + f" ON CONFLICT (page_id, day) DO UPDATE SET views = {table}.views + excluded.views"
    )


BATCH_ROWS = 300


def write_view_counts(counts):
    """Write {(page_id, day): views} in as few statements as the batch size allows."""
    items = list(counts.items())
    for start in range(0, len(items), BATCH_ROWS):
        batch = items[start : start + BATCH_ROWS]
        params = [value for (page_id, day), views in batch for value in (day, views, page_id)]
        try:
            # A savepoint when called inside a transaction: a failure here must not break it.
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(upsert_sql(len(batch)), params)
        except DatabaseError:  # a lost count must never cost the reader the page
            logger.exception("Could not write %s page-view counters", len(batch))


class ViewBuffer:
    """This process's views not yet written, and when they were last written."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts = Counter()
        self.written_at = time.monotonic()

    def add(self, page_id, day):
        with self.lock:
            self.counts[(page_id, day)] += 1
            due = time.monotonic() - self.written_at >= settings.PAGE_VIEWS_FLUSH_SECONDS
        if due:
            self.flush()

    def flush(self):
        with self.lock:
            counts, self.counts = self.counts, Counter()
            self.written_at = time.monotonic()
        if counts:
            write_view_counts(counts)


view_buffer = ViewBuffer()
atexit.register(view_buffer.flush)  # a worker that is stopped or recycled writes what it has


def record_view(page_id, day=None):
    """Count one view of the page today (or on `day`)."""
    view_buffer.add(page_id, day or timezone.localdate())
