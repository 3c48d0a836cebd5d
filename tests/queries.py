from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def queries_for(client, url):
    """SQL queries for a page view once per-process caches (content types, site paths) are warm."""
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(context.captured_queries)


def counts(urls):
    """Each page's queries for a first-time visitor (a page that starts a session would add its
    query to the pages after it)."""
    return {url: queries_for(Client(), url) for url in urls}


def assert_constant(urls, grow_to):
    """The pages' query counts with 10 items, then with 1,000 (search may need fewer: a page
    of results of fewer page types)."""
    grow_to(10)
    few = counts(urls)
    grow_to(1000)
    many = counts(urls)
    grown = {url: (few[url], many[url]) for url in urls if many[url] > few[url]}
    assert not grown, f"queries with 10 items, with 1,000: {grown}"
    assert all(few.values()), few


def counted_view(client, url, data=None, status=200, **headers):
    """One view of ``url`` (with query ``data`` and request headers): its query count and its
    page as text, the answer's status checked."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, data, **headers)
    assert response.status_code == status
    return len(captured.captured_queries), response.content.decode()
