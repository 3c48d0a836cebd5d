"""Fixtures for the newsletters: the sign-up page and three lists.

Tests marked `rq_worker` start a real RQ worker process on Redis: they run only where
REDIS_URL is set and the database is PostgreSQL (a worker process cannot see SQLite's
in-memory test database), as in the CI's PostgreSQL + Redis pass.
"""

import os

import pytest
from django.db import connection

from newsletters.tests.factories import NewsletterIndexPageFactory, NewsletterListFactory


def pytest_configure(config):
    config.addinivalue_line("markers", "rq_worker: runs a real RQ worker on Redis (PostgreSQL + Redis only)")


def pytest_collection_modifyitems(config, items):
    if os.environ.get("REDIS_URL") and connection.vendor == "postgresql":
        return
    kept, deselected = [], []
    for item in items:
        (deselected if item.get_closest_marker("rq_worker") else kept).append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept


@pytest.fixture
def newsletter_index(home_page):
    return NewsletterIndexPageFactory(parent=home_page)


@pytest.fixture
def lists(db):
    """Three lists, by short name; the monthly round-up is offered in the footer."""
    return {
        "monthly": NewsletterListFactory(name="Monthly round-up", offered_in_footer=True, sort_order=0),
        "releases": NewsletterListFactory(name="Release alerts", sort_order=1),
        "teachers": NewsletterListFactory(name="Teachers' news", sort_order=2),
    }
