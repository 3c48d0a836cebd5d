"""End-to-end tests in a real headless Chromium, driven by Playwright against a live server.

One Chromium serves every browser test in the session: it starts with the first of them and
stops straight after the last, so that Playwright's event loop is not left running under the
rest of the suite. Each test gets its own browser context (fresh cookies and storage) and a
live server holding the migrations' data plus the demo content.
"""

import io
import json
import os
import sqlite3
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections

CHROMIUM = os.environ.get("PORTAL_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
TIMEOUT_MS = 10_000
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"


class SharedChromium:
    """The session's one Chromium, started on demand."""

    def __init__(self):
        self.playwright = None
        self.browser = None
        self.previous_async_unsafe = None

    def get(self):
        if self.browser is None:
            if not Path(CHROMIUM).is_file():
                pytest.fail(f"No Chromium at {CHROMIUM}; `make test` installs Debian's package.")
            from playwright.sync_api import sync_playwright

            # Playwright's sync API keeps an asyncio event loop running in this thread, and Django
            # refuses database access from a thread with a running loop unless told it is safe.
            # Set only while the browser runs: it must not leak into the rest of the suite.
            self.previous_async_unsafe = os.environ.get(ASYNC_UNSAFE)
            os.environ[ASYNC_UNSAFE] = "true"
            self.playwright = sync_playwright().start()
            self.browser = self.playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        return self.browser

    def stop(self):
        if self.playwright is None:
            return
        try:
            self.browser.close()
            self.playwright.stop()
        finally:
            self.playwright = self.browser = None
            if self.previous_async_unsafe is None:
                os.environ.pop(ASYNC_UNSAFE, None)
            else:
                os.environ[ASYNC_UNSAFE] = self.previous_async_unsafe


chromium = SharedChromium()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After the test's own fixtures are torn down, stop Chromium unless another test needs it."""
    try:
        return (yield)
    finally:
        if nextitem is None or "browser" not in getattr(nextitem, "fixturenames", ()):
            chromium.stop()


def pytest_sessionfinish(session, exitstatus):
    chromium.stop()


def content_types_first(serialized):
    """Reorder a database snapshot so that restoring it puts back the content types first.

    Restoring a Wagtail page or task looks up its own content type, and must find the
    snapshot's row rather than create a new one that the snapshot then collides with.
    """
    rows = json.loads(serialized)
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    return json.dumps(rows)


def restore(connection, snapshot):
    """Put the database back as the snapshot holds it: a copy of SQLite's whole in-memory database
    (page by page, in milliseconds), or else rows to write back one by one (seconds)."""
    if isinstance(snapshot, sqlite3.Connection):
        connection.ensure_connection()
        snapshot.backup(connection.connection)
    else:
        call_command(
            "flush", interactive=False, reset_sequences=False, inhibit_post_migrate=True, verbosity=0
        )
        connection.creation.deserialize_db_from_string(snapshot)
    ContentType.objects.clear_cache()


def take_snapshot(connection):
    """SQLite's test database lives in memory: copy it whole into another in-memory database."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        return copy
    return content_types_first(connection.creation.serialize_db_to_string())


@pytest.fixture(scope="session")
def snapshots(django_db_setup):
    """The test database's contents: after the migrations (as pytest-django serialized it) and,
    once the first browser test has built it, with the demo content too.

    Requested before Chromium starts: once Playwright's loop runs, Django gives this thread a
    new connection object, one without pytest-django's snapshot attached.
    """
    return {"migrated": content_types_first(connections[DEFAULT_DB_ALIAS]._test_serialized_contents)}


@pytest.fixture
def browser(snapshots):
    return chromium.get()


@pytest.fixture
def site_url(snapshots, browser, live_server, transactional_db, django_db_serialized_rollback):
    """The live server's address, serving exactly what the migrations create plus the demo content.

    The live server reads the database through committed transactions, so these tests cannot
    run inside a rolled-back transaction, and each one starts by emptying every table (which
    also clears whatever earlier tests left committed). The first then restores what the
    migrations created (Wagtail's root page, default site, locale, collections, groups) and
    loads the demo content, which writes its pages, people and images and takes seconds; the others
    restore the snapshot of the result (on SQLite, a copy of the whole in-memory database). (That a
    second load_demo changes nothing is the demo smoke test's job.)
    """
    connection = connections[DEFAULT_DB_ALIAS]
    # Without the snapshot on the connection, pytest-django's teardown empties the tables and
    # then runs post_migrate, like any transactional test's: the tests that come after these
    # find content types and permissions, and a content type cache that matches them.
    connection.__dict__.pop("_test_serialized_contents", None)
    if "demo" in snapshots:
        restore(connection, snapshots["demo"])
    else:
        restore(connection, snapshots["migrated"])
        call_command("load_demo", stdout=io.StringIO())
        snapshots["demo"] = take_snapshot(connection)
    return live_server.url


@pytest.fixture
def new_page(browser, site_url):
    """Open pages in fresh browser contexts: new_page() for a desktop, new_page(**PHONE) for a phone."""
    contexts = []

    def open_page(viewport=DESKTOP, **options):
        context = browser.new_context(base_url=site_url, viewport=viewport, **options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()
