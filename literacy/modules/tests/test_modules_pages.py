"""The public e-module pages: the Learn index, a module, a lesson, answering and its bad input."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.urls import reverse

from literacy.modules.models import ModuleIndexPage
from portal.core.vocabularies import UserGroup
from tests.origin import ORIGIN

from .module_helpers import (
    EXPLANATION,
    SECRET_FEEDBACK,
    add_lesson,
    answer_data,
    answer_lesson,
    lesson_form_url,
    make_module,
    multiple_choice,
    numeric,
    ordering,
    post_to_lesson,
    questions,
    single_choice,
    take_check,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(learn_index):
    return make_module("test-module", lessons=3)


@pytest.fixture
def lesson(module):
    return module.lessons().first().specific


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


class TestIndex:
    def test_modules_are_grouped_by_tier_with_the_tier_definitions(self, client, learn_index):
        make_module("seasons", tier="advanced", lessons=0)
        make_module("census", tier="basic", lessons=0)
        make_module("percentages", tier="intermediate", lessons=0)
        index = ModuleIndexPage.objects.get()
        response = client.get(index.url)
        html = response.content.decode()
        assert response.status_code == 200
        for tier in ("Basic", "Intermediate", "Advanced"):
            assert f">{tier}</h2>" in html
        assert index.basic_definition in html
        assert index.advanced_definition in html
        assert html.index("Module census") < html.index("Module percentages") < html.index("Module seasons")
        assert response.context["module_count"] == 3

    def test_filter_by_topic(self, client, learn_index):
        make_module("inflation", topics=("prices", "economy"), lessons=0)
        make_module("census", topics=("population",), lessons=0)
        response = client.get("/en/learn/?topic=prices")
        titles = [module.title for tier in response.context["tiers"] for module in tier["modules"]]
        assert titles == ["Module inflation"]
        assert '<option value="prices" selected>' in response.content.decode()

    def test_filter_by_audience(self, client, learn_index):
        make_module("for-teachers", audiences=[UserGroup.TEACHERS_AND_STUDENTS], lessons=0)
        make_module("for-media", audiences=[UserGroup.MEDIA, UserGroup.RESEARCHERS], lessons=0)
        make_module("for-nobody-in-particular", lessons=0)
        response = client.get("/en/learn/?audience=teachers_and_students")
        titles = [module.title for tier in response.context["tiers"] for module in tier["modules"]]
        assert titles == ["Module for-teachers"]
        assert "<dt>For</dt><dd>Teachers and students</dd>" in response.content.decode()
        html = client.get("/en/learn/?audience=researchers").content.decode()
        assert "<dt>For</dt><dd>Media, Researchers</dd>" in html

    def test_the_user_groups_that_modules_are_written_for_are_offered(self, client, learn_index):
        make_module("one", audiences=[UserGroup.RESEARCHERS, UserGroup.MEDIA], lessons=0)
        make_module("two", audiences=[UserGroup.MEDIA], lessons=0)
        html = client.get("/en/learn/").content.decode()
        select = re.search(r'<select id="filter-audience".*?</select>', html, re.S).group(0)
        # in the vocabulary's order, each once, and only groups some module is written for
        assert re.findall(r"<option value=\"([^\"]*)\"", select) == ["", "media", "researchers"]

    @pytest.mark.parametrize("query", ["topic=<script>", "audience=nobody", "topic=" + "x" * 500])
    def test_unknown_filters_are_ignored(self, client, learn_index, query):
        make_module("one", lessons=0)
        make_module("two", lessons=0)
        response = client.get(f"/en/learn/?{query}")
        assert response.status_code == 200
        assert response.context["module_count"] == 2
        assert "<script>" not in response.content.decode().split("<main", 1)[1]

    def test_no_match_says_so(self, client, learn_index):
        make_module("lonely", topics=("lonely-topic",))
        make_module("for-media", topics=("other",), audiences=[UserGroup.MEDIA], lessons=0)
        response = client.get("/en/learn/?topic=lonely-topic&audience=media")
        assert "No modules match these filters" in response.content.decode()

    def test_continue_where_you_left_off(self, client, module):
        assert "Continue where you left off" not in client.get("/en/learn/").content.decode()
        first = module.lessons().first()
        post_to_lesson(client, first, "done")
        html = client.get("/en/learn/").content.decode()
        assert "Continue where you left off" in html
        # The module opens with the pre-check: until it is taken, that is where to continue.
        assert f'href="{module.url}pre-check/"' in html
        take_check(client, module, "pre")
        html = client.get("/en/learn/").content.decode()
        second = module.lessons()[1]
        assert f'href="{second.url}"' in html
        assert "1 of 3 lessons done" in html


class TestModulePage:
    def test_objectives_lessons_in_order_and_facts(self, client, module):
        html = client.get(module.url).content.decode()
        assert "Know one thing" in html and "Know another" in html
        assert html.index("Lesson lesson-1") < html.index("Lesson lesson-2") < html.index("Lesson lesson-3")
        assert "70% in the post-check" in html
        assert "Start with the pre-check" in html

    def test_prerequisites_are_listed_with_their_state(self, client, learn_index):
        first = make_module("first-steps")
        second = make_module("next-steps", prerequisites=[first])
        html = client.get(second.url).content.decode()
        assert "Take these modules first" in html
        assert f'href="{first.url}"' in html
        assert "Not completed yet" in html

    def test_the_teachers_section(self, client, learn_index):
        module = make_module("mean-and-median", lessons=0)
        module.teacher_resources = [
            (
                "teacher_resources",
                {
                    "class_time": "One 45-minute lesson",
                    "curriculum_objectives": [
                        {"level": "Lower secondary", "objective": "Calculate a median."}
                    ],
                    "discussion_guide": "<p>Ask who earns the average.</p>",
                    "worksheet": "<h3>Worksheet: pocket money</h3><p>Sort these amounts.</p>",
                },
            )
        ]
        module.save_revision().publish()
        response = client.get("/en/learn/mean-and-median/for-teachers/")
        html = response.content.decode()
        assert response.status_code == 200
        assert "Objectives by curriculum level" in html
        assert "Discussion guide" in html
        assert "Worksheet: pocket money" in html

    def test_the_module_page_is_never_cached_for_others(self, client, module):
        assert "no-cache" in client.get(module.url)["Cache-Control"]


class TestLessonPage:
    def test_shows_prompts_and_options_but_not_the_answers(self, client, learn_index):
        module = make_module("secret-keeping", lessons=0)
        lesson = add_lesson(
            module,
            "all-kinds",
            body=[single_choice(), multiple_choice(), numeric(answer="12.345"), ordering()],
        )
        html = client.get(lesson.url).content.decode()
        assert "Which average resists extreme values?" in html
        assert "The median" in html and "Tax records" in html
        assert "Design the sample" in html
        assert EXPLANATION not in html
        assert SECRET_FEEDBACK not in html
        assert "12.345" not in html
        assert "correct" not in html.lower().replace("correctly", "")
        # The ordering items are not in their right order on the page.
        positions = [
            html.index(item)
            for item in ["Design the sample", "Collect the answers", "Weight the results", "Publish"]
        ]
        assert positions != sorted(positions)

    def test_lesson_navigation(self, client, module):
        lessons = list(module.lessons())
        html = client.get(lessons[1].url).content.decode()
        assert "Lesson 2 of 3" in html
        assert f"Previous: {lessons[0].title}" in html
        assert 'aria-current="page">Lesson lesson-2' in html

    def test_a_right_answer_gets_feedback(self, client, lesson):
        block = questions(lesson.body)[0]
        response = answer_lesson(client, lesson, block, right=True)
        assert response.status_code == 302
        assert response["Location"] == f"{lesson.url}#question-{block.id}"
        html = client.get(lesson.url).content.decode()
        assert "Correct" in html
        assert EXPLANATION in html
        assert "Try again" in html

    def test_a_wrong_answer_gets_the_right_one_and_why(self, client, lesson):
        block = questions(lesson.body)[0]
        answer_lesson(client, lesson, block, right=False)
        html = client.get(lesson.url).content.decode()
        assert "Not quite" in html
        assert "The right answer:</strong> The median" in html
        assert SECRET_FEEDBACK in html
        assert EXPLANATION in html

    def test_try_again_clears_the_answer(self, client, lesson):
        block = questions(lesson.body)[0]
        answer_lesson(client, lesson, block, right=False)
        post_to_lesson(client, lesson, "try_again", {"question": block.id})
        html = client.get(lesson.url).content.decode()
        assert EXPLANATION not in html
        assert "Check my answer" in html

    def test_done_goes_to_the_next_lesson_then_to_the_post_check(self, client, module):
        lessons = list(module.lessons())
        response = post_to_lesson(client, lessons[0], "done")
        assert response["Location"] == lessons[1].url
        post_to_lesson(client, lessons[1], "done")
        response = post_to_lesson(client, lessons[2], "done")
        # No pre-check yet: that is the next step.
        assert response["Location"] == module.url + module.reverse_subpage("pre_check")
        assert "Done" in client.get(lessons[0].url).content.decode()

    def test_editors_preview_a_draft_lesson_and_module_as_a_learner(self, module, lesson):
        lesson.title = "A draft title"
        lesson.save_revision()
        response = lesson.get_latest_revision_as_object().make_preview_request()
        html = response.content.decode()
        assert response.status_code == 200
        assert "A draft title" in html
        assert "Check my answer" in html
        assert EXPLANATION not in html
        response = module.make_preview_request()
        assert response.status_code == 200
        assert "Start with the pre-check" in response.content.decode()


class TestBadAnswers:
    def test_a_question_from_another_module_is_not_found(self, client, learn_index, lesson):
        other = make_module("other-module", lessons=1)
        foreign = questions(other.lessons().first().specific.body)[0]
        response = post_to_lesson(client, lesson, "answer", {"question": foreign.id, **answer_data(foreign)})
        assert response.status_code == 404

    @pytest.mark.parametrize("question", ["", "nonsense", "x" * 5000])
    def test_a_question_that_does_not_exist_is_not_found(self, client, lesson, question):
        response = post_to_lesson(client, lesson, "answer", {"question": question})
        assert response.status_code == 404

    @pytest.mark.parametrize("value", ["7", "-1", "one", ""])
    def test_an_option_out_of_range_is_refused_with_a_message(self, client, lesson, value):
        block = questions(lesson.body)[0]
        response = post_to_lesson(client, lesson, "answer", {"question": block.id, f"q-{block.id}": value})
        assert response.status_code == 400
        html = response.content.decode()
        assert "Choose" in html and "field__error" in html
        assert EXPLANATION not in html
        assert client.get(lesson.url).context["state"].answers == {}

    def test_a_non_numeric_number_keeps_what_was_typed(self, client, learn_index):
        module = make_module("numbers", lessons=0)
        lesson = add_lesson(module, "numeric", body=[numeric()])
        block = questions(lesson.body)[0]
        response = post_to_lesson(client, lesson, "answer", {"question": block.id, f"q-{block.id}": "ten"})
        assert response.status_code == 400
        html = response.content.decode()
        assert "Type a number using digits" in html
        assert 'value="ten"' in html
        field = BeautifulSoup(html, "html.parser").find("input", attrs={"name": f"q-{block.id}"})
        assert field["aria-invalid"] == "true"
        assert field["aria-describedby"].split() == [f"q-{block.id}-hint", f"q-{block.id}-error"]

    def test_a_replayed_answer_does_not_change_the_score(self, client, lesson):
        block = questions(lesson.body)[0]
        answer_lesson(client, lesson, block, right=False)
        response = answer_lesson(client, lesson, block, right=True)
        assert "already answered" in messages_of(response)[0]
        state = client.get(lesson.url).context["state"]
        assert state.answers[block.id]["correct"] is False

    def test_answers_are_only_posted(self, client, lesson):
        assert client.get(lesson_form_url(lesson, "answer")).status_code == 404
        assert client.get(lesson_form_url(lesson, "done")).status_code == 404

    @pytest.mark.parametrize("origin", ["https://evil.example", "http://testserver.evil.example", "null", ""])
    def test_answers_from_another_site_or_no_site_are_refused(self, client, lesson, origin):
        """No CSRF token on the cached lesson: the browser's Origin is checked instead."""
        block = questions(lesson.body)[0]
        for action in ("answer", "try_again", "done"):
            data = {"question": block.id, **answer_data(block)}
            response = post_to_lesson(client, lesson, action, data, origin=origin)
            assert response.status_code == 403, action
        assert client.get(lesson.url).context["state"].answers == {}

    def test_an_answer_sent_with_the_referer_of_an_old_browser_is_taken(self, client, lesson):
        block = questions(lesson.body)[0]
        response = client.post(
            lesson_form_url(lesson, "answer"),
            {"question": block.id, **answer_data(block)},
            HTTP_REFERER=f"http://testserver{lesson.url}",
        )
        assert response.status_code == 302
        assert block.id in client.get(lesson.url).context["state"].answers

    def test_answers_to_an_unpublished_or_unknown_lesson_are_not_found(self, client, lesson):
        block = questions(lesson.body)[0]
        data = {"question": block.id, **answer_data(block)}
        lesson.unpublish()
        assert post_to_lesson(client, lesson, "answer", data).status_code == 404
        response = client.post(reverse("literacy_lesson_answer", args=[999999]), data, HTTP_ORIGIN=ORIGIN)
        assert response.status_code == 404

    def test_answers_are_rate_limited(self, client, lesson, settings):
        settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "module_answer": "2/m/ip"}
        block = questions(lesson.body)[0]
        statuses = []
        for _ in range(3):
            statuses.append(answer_lesson(client, lesson, block).status_code)
            post_to_lesson(client, lesson, "try_again", {"question": block.id})
        assert statuses == [302, 302, 429]
