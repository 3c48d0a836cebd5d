import pytest

from .module_helpers import make_learn_index


@pytest.fixture
def learn_index(home_page):
    """The site's Learn index, under which make_module() puts its modules."""
    return make_learn_index(home_page)
