"""The budgets of issue 22 in one place, so that cold.py's verdict and the table's never drift."""

UNCACHED_MS, SEARCH_UNCACHED_MS, QUERIES, COLD_MS = 12, 20, 15, 25
HTTP_CACHE_SHARE = 0.5  # warm pages through nginx's cache, against a static file of the same size
SEND_PER_WORKER = 500  # emails/s


def page_misses(page):
    """The budgets a page's figures miss, by name; a figure that was not measured is not judged."""
    searching = page["path"].startswith(("/search/", "/en/search/", "/fr/search/", "/ar/search/"))
    uncached_limit = SEARCH_UNCACHED_MS if searching else UNCACHED_MS
    checks = (
        ("uncached", page.get("uncached_ms"), lambda ms: ms <= uncached_limit),
        ("queries", page.get("queries"), lambda count: float(count) <= QUERIES),
        ("cold", page.get("cold_ms"), lambda ms: ms <= COLD_MS),
        ("nginx", page.get("cache_share"), lambda share: share >= HTTP_CACHE_SHARE),
    )
    return [name for name, value, within in checks if value is not None and not within(value)]


def send_misses(send):
    return [] if send["rate"] / send["workers"] >= SEND_PER_WORKER else ["send"]


def verdict(misses):
    return f"MISSED ({', '.join(misses)})" if misses else "met"
