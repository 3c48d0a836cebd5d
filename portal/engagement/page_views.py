"""Counting page views without analytics: one upsert on a (page, day) counter per view.

Nothing about the visitor is stored: no IP address, no cookie, no user agent. Robots (by
their User-Agent) and anything but a successful GET of an HTML page are not counted, and
neither are pages behind a view restriction.
"""

import logging
import re

from django.db import DatabaseError, connection
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


def upsert_sql():
    """Insert the day's counter at 1, or add 1 to it (PostgreSQL and SQLite alike); the page's
    type is copied in the same statement, and a page that no longer exists inserts nothing."""
    quote = connection.ops.quote_name
    table = quote(PageViewCount._meta.db_table)
    pages = quote(Page._meta.db_table)
    # Only the models' own table names, quoted, go into the text; the values are parameters.
    return (
        f"INSERT INTO {table} (page_id, content_type_id, day, views) "  # noqa: S608
        f"SELECT id, content_type_id, %s, 1 FROM {pages} WHERE id = %s "
        f"ON CONFLICT (page_id, day) DO UPDATE SET views = {table}.views + 1"
    )


def record_view(page_id, day=None):
    """Add one to the day's counter for the page: a single statement, whatever the table's size."""
    day = day or timezone.localdate()
    try:
        with connection.cursor() as cursor:
            cursor.execute(upsert_sql(), [day, page_id])
    except DatabaseError:  # a lost count must never cost the reader the page
        logger.exception("Could not count a view of page %s", page_id)
