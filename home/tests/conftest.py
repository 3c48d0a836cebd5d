"""Pages shared by home's tests, and what the home page lists from other apps (modules, forum
conversations), built with those apps' factories."""

import pytest

from forums.tests.factories import ForumFactory, ForumIndexPageFactory, MemberFactory
from literacy.modules.tests.factories import ModuleIndexPageFactory, ModulePageFactory
from portal.core.vocabularies import Tier

from .factories import StandardPageFactory


@pytest.fixture
def about(home_page):
    return StandardPageFactory(parent=home_page, title="About this site", slug="about")


@pytest.fixture
def forum(home_page):
    """A forum, and the forums section at /forums/ through which the home page links its topics."""
    ForumIndexPageFactory(parent=home_page)
    return ForumFactory(title="Using the data")


@pytest.fixture
def trusted_member(db):
    """An account that may post, and whose posts are published at once (not held)."""
    return MemberFactory().user


@pytest.fixture
def modules(home_page):
    """One module per tier under /learn/, titled after its tier."""
    learn = ModuleIndexPageFactory(parent=home_page)
    return [
        ModulePageFactory(parent=learn, title=f"{label} module", slug=tier, tier=tier)
        for tier, label in Tier.choices
    ]
