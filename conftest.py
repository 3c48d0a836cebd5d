import io
import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

pytest_plugins = ["tests.smtp", "literacy.training.tests.staff_fixtures"]


def pytest_collection_modifyitems(config, items):
    """Tests that prove PostgreSQL behaviour run only there (the CI runs the suite on both)."""
    if connection.vendor == "postgresql":
        return
    kept, deselected = [], []
    for item in items:
        (deselected if item.get_closest_marker("postgresql") else kept).append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept


@pytest.fixture(autouse=True)
def _settings_put_back():
    """A setting left changed breaks some later test far from its cause (a leaked SMTP backend
    once sent a later test's emails to a server that had stopped), so fail the leaking test."""
    before = settings._wrapped
    yield
    assert settings._wrapped is before, "this test left Django's settings changed"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and cached fragments must not leak from one test to the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the demo site once; each test then runs in a transaction that is rolled back.

    Transitional: tests already built on factories run with PORTAL_TESTS_WITHOUT_DEMO=1."""
    if os.environ.get("PORTAL_TESTS_WITHOUT_DEMO"):
        return
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def empty_user_database(db):
    """Start with no contacts, for tests that count the ones they make: the demo's training
    registrants are in the user database too (their registrations protect them, so they go first)."""
    from literacy.training.models import Registration
    from portal.contacts.models import Contact

    Registration.objects.all().delete()
    Contact.objects.all().delete()


@pytest.fixture
def no_accounts(empty_user_database):
    """Start with no accounts either, for tests that count them: the demo's forum members are
    accounts (their posts and topics protect them, so those go first)."""
    from django.contrib.auth import get_user_model

    from forums.models import Post, Topic

    Post.objects.all().delete()
    Topic.objects.all().delete()
    get_user_model().objects.all().delete()


@pytest.fixture
def demo_site(db):
    from home.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def home_page(db):
    """The site's root page, published, as the default site's root: pages under test hang here."""
    from home.tests.factories import make_site_root

    return make_site_root()


@pytest.fixture
def superuser_client(client, db):
    """A client signed in as a superuser, for admin screens."""
    from tests.factories import SuperUserFactory

    client.force_login(SuperUserFactory())
    return client


@pytest.fixture
def page_cache_on(settings, db):
    """The page cache as in production (the test settings turn it off)."""
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "SECONDS": 600}


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Wrap a change in this to run what waits for its commit (purges do) at the end of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
