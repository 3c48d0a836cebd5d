"""Progress: in the session for anonymous learners, in the database for signed-in ones, and
carried over when someone signs in (with a touchpoint in the user database)."""

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from literacy.modules.models import CheckAttempt, ModuleCompletion, ModuleProgress
from literacy.modules.progress import SESSION_KEY
from portal.contacts.models import Contact, TouchpointKind
from tests.factories import PASSWORD

from .module_helpers import (
    answer_lesson,
    complete_module,
    finish_lessons,
    make_module,
    post_to_lesson,
    questions,
    take_check,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(learn_index):
    return make_module("progress", lessons=3, tier="intermediate")


@pytest.fixture
def learner(django_user_model):
    user = django_user_model.objects.create_user(
        "lena@example.org", PASSWORD, first_name="Lena", last_name="Learner"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def sign_in(client, user):
    response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return response


def state_of(client, module):
    return client.get(module.url).context["state"]


def test_anonymous_progress_lives_in_the_session_only(client, module):
    lesson = module.lessons().first().specific
    answer_lesson(client, lesson, questions(lesson.body)[0])
    post_to_lesson(client, lesson, "done")
    assert not ModuleProgress.objects.exists()
    saved = client.session[SESSION_KEY]["modules"][str(module.pk)]
    assert saved["lessons"] == [lesson.pk]
    assert state_of(client, module).lessons == [lesson.pk]
    assert state_of(Client(), module).lessons == []  # another browser sees nothing


def test_signed_in_progress_lives_in_the_database(client, module, learner):
    client.force_login(learner)
    lesson = module.lessons().first().specific
    block = questions(lesson.body)[0]
    answer_lesson(client, lesson, block, right=False)
    post_to_lesson(client, lesson, "done")
    row = ModuleProgress.objects.get(user=learner, module=module)
    assert row.completed_lessons == [lesson.pk]
    assert row.answers[block.id]["correct"] is False
    other_browser = Client()
    other_browser.force_login(learner)
    assert state_of(other_browser, module).lessons == [lesson.pk]


def test_starting_a_module_signed_in_records_a_learning_touchpoint(client, module, learner):
    client.force_login(learner)
    take_check(client, module, "pre")
    contact = Contact.objects.get(email="lena@example.org")
    touchpoint = contact.touchpoints.get()
    assert touchpoint.kind == TouchpointKind.LEARNING
    assert "Module progress" in touchpoint.detail
    assert contact.literacy_level == "intermediate"
    assert contact.user == learner
    take_check(client, module, "post")
    assert contact.touchpoints.count() == 1  # not one per answer


def test_progress_carries_over_on_sign_in(client, module, learner):
    take_check(client, module, "pre", right=False)
    lessons = list(module.lessons())
    post_to_lesson(client, lessons[0], "done")
    sign_in(client, learner)

    row = ModuleProgress.objects.get(user=learner, module=module)
    assert row.pre_score == 0
    assert row.completed_lessons == [lessons[0].pk]
    assert SESSION_KEY not in client.session
    attempt = CheckAttempt.objects.get(module=module)
    assert (attempt.user, attempt.learner) == (learner, f"user-{learner.pk}")
    touchpoint = Contact.objects.get(email=learner.email).touchpoints.get(kind=TouchpointKind.LEARNING)
    assert "Signed in to save e-module progress" in touchpoint.detail
    # Continue where you left off, now from the account.
    html = client.get("/en/learn/").content.decode()
    assert f'href="{lessons[1].url}"' in html


def test_carry_over_merges_with_what_the_account_already_has(client, module, learner):
    lessons = list(module.lessons())
    ModuleProgress.objects.create(
        user=learner, module=module, completed_lessons=[lessons[2].pk], pre_score=40
    )
    take_check(client, module, "pre", right=True)  # anonymous: 100%, but the account's baseline stands
    post_to_lesson(client, lessons[0], "done")
    sign_in(client, learner)
    row = ModuleProgress.objects.get(user=learner, module=module)
    assert sorted(row.completed_lessons) == sorted([lessons[0].pk, lessons[2].pk])
    assert row.pre_score == 40


def test_a_completed_module_carries_over_with_its_completion(client, module, learner):
    complete_module(client, module)
    assert ModuleCompletion.objects.get(module=module).user is None
    sign_in(client, learner)
    completion = ModuleCompletion.objects.get(module=module)
    assert completion.user == learner
    assert ModuleProgress.objects.get(user=learner, module=module).completed_at is not None
    assert "Get your certificate" in client.get(module.url).content.decode()


def test_signing_in_with_nothing_to_carry_records_nothing(client, learner):
    sign_in(client, learner)
    assert not Contact.objects.filter(email=learner.email, touchpoints__kind=TouchpointKind.LEARNING).exists()


def test_progress_for_a_deleted_module_is_dropped_on_sign_in(client, module, learner):
    finish_lessons(client, module)
    module.delete()
    sign_in(client, learner)
    assert not ModuleProgress.objects.exists()
