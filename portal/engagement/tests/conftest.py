import pytest

from home.tests.factories import StandardPageFactory
from stories.tests.factories import DataStoryPageFactory

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


@pytest.fixture
def story(home_page):
    return DataStoryPageFactory()


@pytest.fixture
def about(home_page):
    """An editorial page: a page type that is not a story."""
    return StandardPageFactory()


@pytest.fixture
def browser_client(client):
    client.defaults["HTTP_USER_AGENT"] = BROWSER
    return client
