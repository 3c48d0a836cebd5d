import pytest

from forums.tests.conftest import forum, index, make_member, moderator, topic  # noqa: F401  (shared fixtures)
from stories.tests.conftest import contact_person, make_story, story_index  # noqa: F401  (shared fixtures)


@pytest.fixture
def page_cache_on(settings, db):
    """The page cache as in production."""
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "SECONDS": 600}


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Wrap a change in this to run what waits for its commit (purges do) at the end of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
