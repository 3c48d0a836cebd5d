"""Fixtures for the newsletters: the demo's sign-up page and lists, subscribers, issues and sends.

Tests marked `rq_worker` start a real RQ worker process on Redis: they run only where
REDIS_URL is set and the database is PostgreSQL (a worker process cannot see SQLite's
in-memory test database), as in the CI's PostgreSQL + Redis pass.
"""

import os

import pytest
from django.db import connection
from django.utils import timezone

from newsletters.models import (
    NewsletterIndexPage,
    NewsletterIssuePage,
    NewsletterList,
    Sending,
    Subscriber,
    Subscription,
)
from portal.contacts.models import TouchpointKind
from portal.contacts.services import ConsentGiven, record_touchpoint


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
def newsletter_index(demo_site):
    return NewsletterIndexPage.objects.get()


@pytest.fixture
def lists(demo_site):
    """The demo's lists, by short name."""
    by_name = {newsletter_list.name: newsletter_list for newsletter_list in NewsletterList.objects.all()}
    return {
        "monthly": by_name["Monthly round-up"],
        "releases": by_name["Release alerts"],
        "teachers": by_name["Teachers' news"],
    }


@pytest.fixture
def no_subscribers(demo_site):
    """Start without the demo's subscribers, for tests that count who gets what."""
    Subscriber.objects.all().delete()


@pytest.fixture
def make_subscriber(db):
    """make_subscriber(email, *lists, user_group="", **fields): a confirmed subscriber."""

    def make(email, *newsletter_lists, user_group="", **fields):
        contact = record_touchpoint(
            email,
            kind=TouchpointKind.NEWSLETTER_SIGNUP,
            consent=ConsentGiven("newsletter", "I agree."),
            user_group=user_group,
        )
        subscriber = Subscriber.objects.create(contact=contact, **fields)
        Subscription.objects.bulk_create(
            [Subscription(subscriber=subscriber, newsletter_list=item) for item in newsletter_lists]
        )
        return subscriber

    return make


@pytest.fixture
def make_issue(newsletter_index):
    """make_issue(lists=[...], **fields): a published issue under the demo's sign-up page."""
    made = []

    def make(lists=(), **fields):
        fields.setdefault("title", f"Test issue {len(made) + 1}")
        fields.setdefault("slug", f"test-issue-{len(made) + 1}")
        fields.setdefault("intro", '<p>Hello <a href="/stories/">readers</a>.</p>')
        fields.setdefault("show_training", False)
        issue = NewsletterIssuePage(**fields)
        newsletter_index.add_child(instance=issue)
        issue.lists.set(lists)
        issue.save_revision().publish()
        issue = NewsletterIssuePage.objects.get(pk=issue.pk)
        made.append(issue)
        return issue

    return make


@pytest.fixture
def make_sending(make_issue):
    """make_sending(lists, user_groups=(), **issue_fields): an issue and its send, due now."""

    def make(lists, user_groups=(), **issue_fields):
        issue = make_issue(lists=lists, **issue_fields)
        sending = Sending.objects.create(
            issue=issue, user_groups=list(user_groups), scheduled_for=timezone.now()
        )
        sending.lists.set(lists)
        return sending

    return make
