import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import translation
from pytest_django.plugin import blocking_manager_key

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


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Each test database starts with the site's home page as the default site's root, as every
    real site has: built once here, where each test that hangs pages under it would otherwise
    build it again (a page deleted and one published: a quarter of a second per test)."""
    from home.tests.factories import make_site_root

    with django_db_blocker.unblock():
        make_site_root()


def empties_tables(item):
    """A test that commits (a live server's, or one marked transactional) empties every table."""
    marker = item.get_closest_marker("django_db")
    kwargs = marker.kwargs if marker else {}
    transactional = bool(kwargs.get("transaction") or kwargs.get("reset_sequences"))
    return transactional or bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a test that emptied the tables, put the site's home page back for the tests after it."""
    try:
        return (yield)
    finally:
        if empties_tables(item):
            from home.tests.factories import make_site_root

            with item.config.stash[blocking_manager_key].unblock():
                make_site_root()


@pytest.fixture(autouse=True)
def _settings_put_back():
    """A setting left changed breaks some later test far from its cause (a leaked SMTP backend
    once sent a later test's emails to a server that had stopped), so fail the leaking test."""
    before = settings._wrapped
    yield
    assert settings._wrapped is before, "this test left Django's settings changed"


@pytest.fixture(autouse=True)
def _language_put_back():
    """LocaleMiddleware activates each request's language in the thread and leaves it there: a
    test that asks for an Arabic page would otherwise leave the next test's emails in Arabic."""
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and cached fragments must not leak from one test to the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    """The site's root page, published, as the default site's root: pages under test hang here
    (each test database starts with it; see django_db_setup)."""
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
    """The page cache, and the cached menu and footer, as in production (the test settings turn
    them off)."""
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "SECONDS": 600, "CHROME_SECONDS": 600}


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Wrap a change in this to run what waits for its commit (purges do) at the end of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def fragments_cached(settings):
    """The menu, footer and pages' shared fragments cached as in production, whole pages not: every
    view renders, and what ``{% body_cache %}`` keeps is reused (the test settings turn both off)."""
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "SECONDS": 0, "CHROME_SECONDS": 600}
