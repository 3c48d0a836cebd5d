"""Pages shared by home's tests, and what the home page lists from other apps (modules, forum
conversations), built plainly here: the home page only needs their titles and addresses."""

import pytest
from allauth.account.models import EmailAddress

from forums.models import Forum, ForumIndexPage, Member
from literacy.models import ModuleIndexPage, ModulePage
from portal.core.vocabularies import Tier
from tests.factories import UserFactory

from .factories import StandardPageFactory


def publish_under(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def about(home_page):
    return StandardPageFactory(parent=home_page, title="About this site", slug="about")


@pytest.fixture
def forum(home_page):
    """A forum, and the forums section at /forums/ through which the home page links its topics."""
    publish_under(home_page, ForumIndexPage(title="Forums", slug="forums", show_in_menus=True))
    return Forum.objects.create(
        title="Using the data",
        slug="using-the-data",
        description="Questions about finding and reading the figures.",
        rules="<ol><li>Be courteous.</li></ol>",
    )


@pytest.fixture
def trusted_member(db):
    """An account that may post, and whose posts are published at once (not held)."""
    user = UserFactory()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    Member.objects.create(user=user, trusted=True)
    return user


@pytest.fixture
def modules(home_page):
    """One module per tier under /learn/, titled after its tier."""
    definitions = {f"{tier}_definition": f"What a learner at the {tier} tier can do." for tier in Tier.values}
    learn = publish_under(home_page, ModuleIndexPage(title="Learn", slug="learn", **definitions))
    return [
        publish_under(
            learn,
            ModulePage(
                title=f"{label} module", slug=tier, tier=tier, summary="Read a table.", objectives="Read it."
            ),
        )
        for tier, label in Tier.choices
    ]
