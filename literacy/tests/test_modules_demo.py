"""The e-module demo: nine modules in three tiers, with lessons and questions that work."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from literacy.models import LessonPage, ModuleIndexPage, ModulePage
from literacy.questions import questions_in

from .module_helpers import complete_module

pytestmark = pytest.mark.django_db


def test_the_learn_section_replaces_its_placeholder(demo_site):
    index = ModuleIndexPage.objects.get()
    assert index.get_parent().pk == demo_site.pk
    assert index.slug == "learn"
    assert index.show_in_menus
    assert "survey, a census or administrative records" in index.basic_definition
    assert "sampling and non-sampling errors" in index.advanced_definition


def test_nine_modules_three_per_tier_each_with_lessons_and_questions(demo_site):
    modules = list(ModulePage.objects.live())
    assert len(modules) == 9
    assert (
        sorted(module.tier for module in modules) == ["advanced"] * 3 + ["basic"] * 3 + ["intermediate"] * 3
    )
    for module in modules:
        lessons = [lesson.specific for lesson in module.lessons()]
        assert 3 <= len(lessons) <= 5, module.title
        count = len(questions_in(module.pre_check)) + len(questions_in(module.post_check))
        count += sum(len(questions_in(lesson.body)) for lesson in lessons)
        assert count >= 8, module.title
        assert module.teacher_resources, module.title
        assert module.objective_list(), module.title


def test_every_demo_page_renders(client, demo_site):
    for page in Page.objects.type(ModuleIndexPage, ModulePage, LessonPage).live():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert "This chart cannot be shown" not in response.content.decode(), page.url


def test_prerequisites_in_the_demo(demo_site):
    misleading = ModulePage.objects.get(slug="spotting-misleading-charts-and-claims")
    assert sorted(misleading.prerequisites.values_list("slug", flat=True)) == [
        "correlation-and-causation",
        "reading-a-charts-axes",
    ]


def test_a_demo_module_can_be_completed(client, demo_site):
    module = ModulePage.objects.get(slug="what-a-census-is")
    complete_module(client, module)
    assert client.get(module.url).context["state"].completed


def test_loading_the_demo_again_changes_nothing(demo_site):
    before = (ModulePage.objects.count(), LessonPage.objects.count())
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert (ModulePage.objects.count(), LessonPage.objects.count()) == before
    assert "e-module" not in out.getvalue()
