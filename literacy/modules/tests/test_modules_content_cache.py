"""The Learn listing, a module's overview and a lesson are drawn once per address, chrome
generation and language for visitors without progress, not on every uncached view; a learner's
badges, steps, answers, ticks and errors are drawn for them alone, and never reach anyone else."""

import pytest
from django.test import Client

from tests.pages import in_language
from tests.queries import counted_view as view

from .module_helpers import EXPLANATION, answer_lesson, make_module, post_to_lesson, questions

pytestmark = pytest.mark.usefixtures("fragments_cached")


@pytest.fixture
def module(learn_index):
    return make_module("census", lessons=2, topics=("census",))


@pytest.fixture
def lesson(module):
    return module.lessons().first().specific


@pytest.mark.parametrize(
    "path", ["/en/learn/", "/en/learn/?topic=census", "/en/learn/census/", "/en/learn/census/lesson-1/"]
)
def test_a_second_view_reads_no_module_or_lesson(client, module, path):
    first, first_html = view(client, path)
    second, second_html = view(client, path)
    assert second < first and second <= 8  # routing, restrictions, the module, the chrome: no content
    assert "Module census" in second_html and second_html == first_html


def test_each_filter_keeps_its_own_copy(client, module):
    make_module("prices", lessons=1, topics=("prices",))
    view(client, "/en/learn/")
    _count, census = view(client, "/en/learn/?topic=census")
    _count, prices = view(client, "/en/learn/?topic=prices")
    assert "Module census" in census and "Module prices" not in census
    assert "Module prices" in prices and "Module census" not in prices


def test_a_module_published_since_shows_on_the_next_view(client, module, committed):
    view(client, "/en/learn/")
    with committed():
        make_module("prices", lessons=1)
    _count, html = view(client, "/en/learn/")
    assert "Module prices" in html


def test_a_learners_progress_is_theirs_alone(client, module, lesson):
    view(client, "/en/learn/")
    view(client, lesson.url)
    learner = Client()
    assert answer_lesson(learner, lesson, questions(lesson.body)[0]).status_code == 302
    post_to_lesson(learner, lesson, "done")

    _count, index = view(learner, "/en/learn/")
    assert "Continue where you left off" in index and "In progress" in index
    _count, own = view(learner, lesson.url)
    assert EXPLANATION in own and "(done)" in own
    _count, overview = view(learner, module.url)
    assert "step--done" in overview

    _count, index = view(client, "/en/learn/")
    assert "Continue where you left off" not in index and "In progress" not in index
    _count, newcomer = view(client, lesson.url)
    assert EXPLANATION not in newcomer and "(done)" not in newcomer
    _count, overview = view(client, module.url)
    assert "step--done" not in overview and "Start with the pre-check" in overview


def test_an_unreadable_answer_shows_its_error_and_is_not_kept(client, lesson):
    view(client, lesson.url)
    block = questions(lesson.body)[0]
    response = post_to_lesson(Client(), lesson, "answer", {"question": block.id, f"q-{block.id}": "nine"})
    assert response.status_code == 400
    assert "Error:" in response.content.decode()
    _count, html = view(client, lesson.url)
    assert "Error:" not in html


def test_each_language_gets_its_own_lesson(client, lesson):
    _count, english = view(client, lesson.url)
    _count, french = view(client, in_language(lesson.url, "fr"))
    assert "Check my answer" in english and "Check my answer" not in french


def test_a_signed_in_newcomer_is_not_asked_to_sign_in(client, lesson, django_user_model):
    _count, anonymous = view(client, lesson.url)
    assert "Sign in to save your progress" in anonymous
    member = django_user_model.objects.create_user("learner@example.org", password="x-Strong-pass-1")
    client.force_login(member)
    _count, html = view(client, lesson.url)
    assert "Check my answer" in html and "Sign in to save your progress" not in html
