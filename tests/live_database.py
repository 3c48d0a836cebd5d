"""A live server's database for the tests that reach the app over real HTTP (the browser tests,
the HTTP cache tests): committed data, starting from exactly what the migrations create.

Registered as a plugin in the root conftest, so the session's snapshot is taken before anything
(Playwright's loop, for one) gives this thread a connection without it.
"""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections


def content_types_first(serialized):
    """Reorder a database snapshot so that restoring it puts back the content types first.

    Restoring a Wagtail page or task looks up its own content type, and must find the
    snapshot's row rather than create a new one that the snapshot then collides with.
    """
    rows = json.loads(serialized)
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    return json.dumps(rows)


def restore(connection, snapshot):
    call_command("flush", interactive=False, reset_sequences=False, inhibit_post_migrate=True, verbosity=0)
    ContentType.objects.clear_cache()
    connection.creation.deserialize_db_from_string(snapshot)


@pytest.fixture(scope="session")
def snapshots(django_db_setup):
    """The test database's contents: after the migrations (as pytest-django serialized it) and,
    once the first browser test has built it, with the demo content too."""
    return {"migrated": content_types_first(connections[DEFAULT_DB_ALIAS]._test_serialized_contents)}


@pytest.fixture
def migrated_live_db(snapshots, live_server, transactional_db, django_db_serialized_rollback):
    """Committed tables holding what the migrations create (root page, default site, locale,
    groups), whatever earlier transactional tests left; the test adds its own data."""
    connection = connections[DEFAULT_DB_ALIAS]
    # Without the snapshot on the connection, pytest-django's teardown empties the tables and
    # runs post_migrate, as after any transactional test (see the browser tests' site_url).
    connection.__dict__.pop("_test_serialized_contents", None)
    restore(connection, snapshots["migrated"])
