from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_for(client, url):
    """SQL queries for a page view once per-process caches (content types, site paths) are warm."""
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(context.captured_queries)
