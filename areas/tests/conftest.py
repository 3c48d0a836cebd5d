import pytest

from areas.tests.world import make_world


@pytest.fixture
def world(home_page):
    """Norland: 2 regions of 3 towns, population for all, a rate for regions (factories)."""
    return make_world()
