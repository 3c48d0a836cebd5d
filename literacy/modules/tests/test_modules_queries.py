"""Bounded SQL: lesson pages, answering, module pages and the index do not grow with content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import PASSWORD
from tests.queries import queries_for

from .module_helpers import add_lesson, answer_data, make_module, post_to_lesson, questions, single_choice

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["anonymous", "signed in"])
def learner(request, client, django_user_model, learn_index):
    if request.param == "signed in":
        client.force_login(django_user_model.objects.create_user("q@example.org", PASSWORD))
        # The first save records the touchpoint; after that, progress is one row.
        warm = make_module("warm-up", lessons=1)
        post_to_lesson(client, warm.lessons().first(), "done")
    return client


def lesson_in(slug, lessons, questions_in_lesson):
    module = make_module(slug, lessons=lessons, questions_per_lesson=1)
    body = [("paragraph", "<p>Text.</p>")] + [single_choice(f"Q{n}?") for n in range(questions_in_lesson)]
    return module, add_lesson(module, "measured", body=body)


def answer_queries(client, lesson):
    block = questions(lesson.body)[-1]
    data = {"question": block.id, **answer_data(block)}
    post_to_lesson(client, lesson, "answer", data)  # warm the per-process caches
    post_to_lesson(client, lesson, "try_again", {"question": block.id})
    with CaptureQueriesContext(connection) as context:
        response = post_to_lesson(client, lesson, "answer", data)
    assert response.status_code == 302
    return len(context.captured_queries)


def test_a_lesson_page_does_not_grow_with_questions_or_lessons(learner, learn_index):
    _, small = lesson_in("small", lessons=2, questions_in_lesson=2)
    _, large = lesson_in("large", lessons=9, questions_in_lesson=12)
    assert queries_for(learner, small.url) == queries_for(learner, large.url)


def test_answering_does_not_grow_with_questions_or_lessons(learner, learn_index):
    _, small = lesson_in("small-answer", lessons=2, questions_in_lesson=2)
    _, large = lesson_in("large-answer", lessons=9, questions_in_lesson=12)
    small_count = answer_queries(learner, small)
    assert small_count == answer_queries(learner, large)
    assert small_count <= 15  # mostly Wagtail finding the page: one query per level of the URL


def test_a_module_page_does_not_grow_with_lessons(learner, learn_index):
    small = make_module("small-module", lessons=3)
    large = make_module("large-module", lessons=10)
    assert queries_for(learner, small.url) == queries_for(learner, large.url)


def test_the_learn_index_does_not_grow_with_modules_or_progress(client, learn_index):
    first = make_module("more-0", lessons=2)
    post_to_lesson(client, first.lessons().first(), "done")
    before = queries_for(client, "/en/learn/")
    for n in range(1, 5):
        module = make_module(f"more-{n}", lessons=2, prerequisites=[first])
        post_to_lesson(client, module.lessons().first(), "done")
    response = client.get("/en/learn/")
    assert len(response.context["in_progress"]) == 5
    assert queries_for(client, "/en/learn/") == before
