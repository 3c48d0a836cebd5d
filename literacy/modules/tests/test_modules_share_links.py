"""A completion is counted for an ambassador's share link when the learner's visit carried the
link's code, kept only in the session the learner's progress already uses (portal.core.attribution)."""

import pytest

from ambassadors.models import ShareEvent
from ambassadors.tests.factories import ShareLinkFactory

from .module_helpers import finish_lessons, make_module, single_choice, take_check

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(learn_index):
    return make_module(
        "shared", lessons=1, pass_mark=50, pre_check=[single_choice()], post_check=[single_choice()]
    )


def completions(link):
    return ShareEvent.objects.filter(link=link, kind=ShareEvent.Kind.COMPLETION).count()


def test_a_learner_who_came_through_a_link_counts_as_a_completion(client, module):
    link = ShareLinkFactory(page=module)
    take_check(client, module, "pre")  # the learner's session now exists (their progress)
    assert client.get(client.get(f"/en/s/{link.code}")["Location"]).status_code == 200
    finish_lessons(client, module)
    take_check(client, module, "post", right=True)
    assert completions(link) == 1


def test_a_visit_through_a_link_starts_no_session(client, module):
    link = ShareLinkFactory(page=module)
    response = client.get(client.get(f"/en/s/{link.code}")["Location"])
    assert response.status_code == 200 and "sessionid" not in response.cookies


def test_a_learner_without_a_link_counts_for_nobody(client, module):
    link = ShareLinkFactory(page=module)
    take_check(client, module, "pre")
    finish_lessons(client, module)
    take_check(client, module, "post", right=True)
    assert completions(link) == 0
