"""Lessons in the page cache: stored whole for newcomers (no progress, no CSRF token in their
forms), never for learners with progress, and purged with their module and sibling lessons."""

import pytest
from django.test import Client

from literacy.modules.models import LessonPage, ModulePage
from literacy.modules.tests.module_helpers import (
    EXPLANATION,
    add_lesson,
    answer_data,
    lesson_form_url,
    make_module,
    post_to_lesson,
    questions,
)
from tests.cache_hits import cached, fresh, hit
from tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("page_cache_on")


@pytest.fixture
def module(learn_index):
    return make_module("cached-module", lessons=3)


def lessons_of(module):
    return [lesson.specific for lesson in module.lessons()]


def test_a_lesson_is_cached_for_newcomers_and_its_forms_work_from_the_cached_copy(client, module):
    lesson = lessons_of(module)[0]
    cached(client, lesson.url)
    response = client.get(lesson.url)
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html and not response.cookies
    assert "public" in response["Cache-Control"]
    assert lesson_form_url(lesson, "answer") in html

    learner = Client(enforce_csrf_checks=True)  # a browser that was served the cached copy
    block = questions(lesson.body)[0]
    answered = post_to_lesson(learner, lesson, "answer", {"question": block.id, **answer_data(block)})
    assert answered.status_code == 302
    assert answered.cookies.get("sessionid"), "progress is kept in the learner's session"

    own = learner.get(lesson.url)
    assert own.get("X-Cache") is None, "a learner with progress is never served the shared copy"
    assert EXPLANATION in own.content.decode()
    assert "private" in own["Cache-Control"]
    assert hit(learner, lesson.url) is None

    newcomer = client.get(lesson.url)
    assert newcomer["X-Cache"] == "HIT"
    assert EXPLANATION not in newcomer.content.decode(), "one learner's answer never reaches another"


def test_a_lesson_answered_from_another_site_is_refused_even_from_the_cached_copy(client, module):
    lesson = lessons_of(module)[0]
    cached(client, lesson.url)
    block = questions(lesson.body)[0]
    data = {"question": block.id, **answer_data(block)}
    assert post_to_lesson(client, lesson, "answer", data, origin="https://evil.example").status_code == 403
    assert hit(client, lesson.url) == "HIT"


def test_a_signed_in_learner_is_never_served_a_cached_lesson(client, module):
    lesson = lessons_of(module)[0]
    cached(client, lesson.url)
    learner = Client()
    learner.force_login(UserFactory())
    assert hit(learner, lesson.url) is None
    assert "private" in learner.get(lesson.url)["Cache-Control"]


def test_publishing_or_unpublishing_a_lesson_purges_its_sibling_lessons(client, module, committed):
    first, second, third = lessons_of(module)
    for lesson in (first, third):
        cached(client, lesson.url)
    with committed():
        second.title = "Reading a chart, revised"
        second.save_revision().publish()
    for lesson in (first, third):
        assert "Reading a chart, revised" in fresh(client, lesson.url)

    cached(client, first.url)
    with committed():
        third.unpublish()
    html = fresh(client, first.url)
    assert third.title not in html and "Lesson 1 of 2" in html


def test_publishing_a_module_purges_its_lessons_which_show_its_title(client, module, committed):
    lesson = lessons_of(module)[0]
    cached(client, lesson.url)
    with committed():
        module.title = "Averages, second edition"
        module.save_revision().publish()
    assert "Averages, second edition" in fresh(client, lesson.url)


def test_moving_a_lesson_purges_the_lessons_it_left_and_those_it_joined(client, module, committed):
    first, second, _ = lessons_of(module)
    other = make_module("other-module", lessons=0)
    joined = add_lesson(other, "only-lesson")
    for lesson in (first, joined):
        cached(client, lesson.url)
    with committed():
        LessonPage.objects.get(pk=second.pk).move(ModulePage.objects.get(pk=other.pk), pos="last-child")
    assert second.title not in fresh(client, first.url)
    assert second.title in fresh(client, joined.url)
