"""The admin side of the e-modules: the statistics screen, and prerequisites without loops."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.test import Client

from literacy.modules.models import ModulePage
from literacy.modules.statistics import module_statistics
from portal.contacts.services import record_touchpoint
from tests.factories import PASSWORD

from .module_helpers import check_form_data, complete_module, finish_lessons, make_module, take_check

pytestmark = pytest.mark.django_db
STATISTICS_URL = "/admin/literacy/module-statistics/"


@pytest.fixture
def module(learn_index):
    return make_module("measured", lessons=1, tier="intermediate")


def learner_client(django_user_model, email, user_group=""):
    user = django_user_model.objects.create_user(email, PASSWORD)
    if user_group:
        record_touchpoint(email, kind="account_signup", user=user, user_group=user_group)
    client = Client()
    client.force_login(user)
    return client


def figures_for(module):
    [entry] = [
        entry for _, entries in module_statistics() for entry in entries if entry.module.pk == module.pk
    ]
    return entry


def test_starts_completions_scores_and_gain(module, django_user_model):
    # An anonymous learner: 0% then 100%, completes.
    complete_module(Client(), module, pre_right=False)
    # A teacher: 50% then 100%, completes.
    teacher = learner_client(django_user_model, "t@example.org", "teachers_and_students")
    data = check_form_data(teacher, module, "pre", right=True)
    data[f"q-{module.pre_check[0].id}"] = "0"
    teacher.post(module.url + "pre-check/", data)
    finish_lessons(teacher, module)
    take_check(teacher, module, "post", right=True)
    # A journalist: 100% before, 0% after, does not complete.
    journalist = learner_client(django_user_model, "j@example.org", "media")
    take_check(journalist, module, "pre", right=True)
    take_check(journalist, module, "post", right=False)

    entry = figures_for(module)
    everyone = entry.all_learners
    assert (everyone.starts, everyone.completions) == (3, 2)
    assert everyone.completion_rate == pytest.approx(66.7)
    assert everyone.average_pre == pytest.approx(50.0)  # (0 + 50 + 100) / 3
    assert everyone.average_post == pytest.approx(66.7)  # (100 + 100 + 0) / 3
    assert everyone.learning_gain == pytest.approx(16.7)  # (100 + 50 - 100) / 3
    teachers = entry.by_group["Teachers and students"]
    assert (teachers.starts, teachers.completions, teachers.learning_gain) == (1, 1, 50)
    media = entry.by_group["Media"]
    assert (media.starts, media.completions, media.completion_rate, media.learning_gain) == (1, 0, 0, -100)


def test_a_module_nobody_took_shows_dashes(superuser_client, module):
    response = superuser_client.get(STATISTICS_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert module.title in html
    assert "\u2013" in html  # an en dash for "no figure yet"
    assert figures_for(module).all_learners.completion_rate is None


def test_the_screen_shows_the_figures_by_tier(superuser_client, module):
    complete_module(Client(), module, pre_right=False)
    html = superuser_client.get(STATISTICS_URL, {"tier": "intermediate"}).content.decode()
    assert "<h2>Intermediate</h2>" in html
    assert "<h2>Basic</h2>" not in html
    assert "+100.0" in html
    assert superuser_client.get(STATISTICS_URL, {"tier": "<nonsense>"}).status_code == 200


def test_the_screen_is_for_permitted_staff_only(client, django_user_model, module):
    assert client.get(STATISTICS_URL).status_code == 302  # to the sign-in page
    editor = django_user_model.objects.create_user("editor@example.org", PASSWORD)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(STATISTICS_URL)["Location"] == "/admin/"  # Wagtail's "no permission" redirect
    assert "module-statistics" not in client.get("/admin/").content.decode()
    team = Group.objects.create(name="Learning analysts")
    team.permissions.add(
        Permission.objects.get(codename="view_learning_statistics"),
        Permission.objects.get(codename="access_admin"),
    )
    editor.groups.add(team)
    editor = django_user_model.objects.get(pk=editor.pk)
    client.force_login(editor)
    assert client.get(STATISTICS_URL).status_code == 200


def test_the_query_count_does_not_grow_with_learners(superuser_client, module, django_assert_max_num_queries):
    for _ in range(3):
        take_check(Client(), module, "pre")
    superuser_client.get(STATISTICS_URL)
    with django_assert_max_num_queries(20):
        superuser_client.get(STATISTICS_URL)


class TestPrerequisites:
    def test_a_module_cannot_require_itself(self, module):
        module.prerequisites = [module]
        with pytest.raises(ValidationError, match="loop"):
            module.full_clean()

    def test_a_longer_loop_is_refused(self, learn_index):
        first = make_module("loop-a", lessons=0)
        second = make_module("loop-b", lessons=0, prerequisites=[first])
        third = make_module("loop-c", lessons=0, prerequisites=[second])
        first.prerequisites = [third]
        with pytest.raises(ValidationError) as error:
            first.full_clean()
        assert "prerequisites" in error.value.message_dict

    def test_a_chain_without_a_loop_is_fine(self, learn_index):
        first = make_module("chain-a", lessons=0)
        second = make_module("chain-b", lessons=0, prerequisites=[first])
        third = make_module("chain-c", lessons=0, prerequisites=[second, first])
        third.full_clean()

    def test_the_admin_refuses_a_loop(self, superuser_client, learn_index):
        from wagtail.test.utils.form_data import nested_form_data, streamfield

        first = make_module("admin-a", lessons=0)
        second = make_module("admin-b", lessons=0, prerequisites=[first])
        data = nested_form_data(
            {
                "title": first.title,
                "slug": first.slug,
                "summary": first.summary,
                "tier": first.tier,
                "topics": "",
                "objectives": first.objectives,
                "duration_minutes": 20,
                "pass_mark": 70,
                "pre_check": streamfield([]),
                "post_check": streamfield([]),
                "teacher_resources": streamfield([]),
            }
        )
        data["prerequisites"] = [str(second.pk)]
        response = superuser_client.post(f"/admin/pages/{first.pk}/edit/", data)
        assert response.status_code == 200  # the form again, not a redirect
        assert "These prerequisites make a loop" in response.content.decode()
        assert list(ModulePage.objects.get(pk=first.pk).prerequisites.all()) == []


def test_the_communications_team_sees_the_statistics_and_certificates(client, django_user_model, module):
    member = django_user_model.objects.create_user("comms@example.org", PASSWORD)
    member.groups.add(Group.objects.get(name="Communications team"))
    client.force_login(member)
    assert client.get(STATISTICS_URL).status_code == 200
    assert client.get("/admin/literacy/certificate/").status_code == 200
    assert "module-statistics" in client.get("/admin/").content.decode()  # in the admin menu
