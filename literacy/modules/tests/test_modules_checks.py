"""Pre-checks and post-checks: scoring, replayed forms, the learning gain and completing a module."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages

from literacy.modules.models import CheckAttempt, ModuleCompletion
from tests.factories import PASSWORD

from .module_helpers import (
    EXPLANATION,
    check_form_data,
    finish_lessons,
    make_module,
    multiple_choice,
    numeric,
    ordering,
    single_choice,
    take_check,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(learn_index):
    return make_module(
        "checked",
        lessons=2,
        pass_mark=75,
        pre_check=[single_choice(), multiple_choice(), numeric(), ordering()],
        post_check=[single_choice(), multiple_choice(), numeric(), ordering()],
    )


def state_of(client, module):
    return client.get(module.url).context["state"]


def url(module, kind):
    return module.url + module.reverse_subpage(f"{kind}_check")


def test_the_check_form_shows_questions_but_no_answers(client, module):
    html = client.get(url(module, "pre")).content.decode()
    assert "Which average resists extreme values?" in html
    assert EXPLANATION not in html
    assert "Send my answers" in html


def test_a_pre_check_is_scored_on_the_server_and_shown_with_feedback(client, module):
    response = take_check(client, module, "pre", right=True)
    assert response.status_code == 302
    assert state_of(client, module).pre_score == 100
    html = client.get(url(module, "pre")).content.decode()
    assert "You scored <strong>100%</strong>" in html
    assert EXPLANATION in html
    attempt = CheckAttempt.objects.get(module=module)
    assert (attempt.kind, attempt.correct, attempt.total, attempt.score) == ("pre", 4, 4, 100)


def test_a_mixed_result_is_scored_per_question(client, module):
    data = check_form_data(client, module, "pre", right=True)
    numeric_block = module.pre_check[2]
    data[f"q-{numeric_block.id}"] = "99"
    client.post(url(module, "pre"), data)
    assert state_of(client, module).pre_score == 75


def test_the_pre_check_is_taken_once(client, module):
    take_check(client, module, "pre", right=False)
    response = client.get(url(module, "pre"))
    assert "You scored <strong>0%</strong>" in response.content.decode()
    assert "token" not in response.context


def test_the_pre_check_is_taken_once_even_from_two_browsers(module, django_user_model):
    from django.test import Client

    user = django_user_model.objects.create_user("two@example.org", PASSWORD)
    laptop, phone = Client(), Client()
    laptop.force_login(user)
    phone.force_login(user)
    waiting = check_form_data(laptop, module, "pre", right=True)
    take_check(phone, module, "pre", right=False)
    response = laptop.post(url(module, "pre"), waiting)
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert "already taken the pre-check" in messages[0]
    assert state_of(laptop, module).pre_score == 0
    assert CheckAttempt.objects.filter(module=module, kind="pre").count() == 1


def test_a_replayed_check_form_is_not_scored_again(client, module):
    take_check(client, module, "pre")
    data = check_form_data(client, module, "post", right=False)
    client.post(url(module, "post"), data)
    # The same form again, e.g. the browser's back button and send: its token is used up.
    right = check_form_data(client, module, "post", right=True)
    right["token"] = data["token"]
    response = client.post(url(module, "post"), right)
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert "already sent" in messages[0]
    assert state_of(client, module).post_score == 0
    assert CheckAttempt.objects.filter(module=module, kind="post").count() == 1


def test_a_forged_token_is_refused(client, module):
    data = check_form_data(client, module, "pre")
    data["token"] = "forged"
    client.post(url(module, "pre"), data)
    assert state_of(client, module).pre_score is None
    assert not CheckAttempt.objects.exists()


def test_a_check_with_an_unreadable_answer_is_shown_again_with_every_problem(client, module):
    data = check_form_data(client, module, "pre")
    single, multiple, number, _ = list(module.pre_check)
    data[f"q-{single.id}"] = "12"
    data[f"q-{number.id}"] = "lots"
    data.pop(f"q-{multiple.id}")
    response = client.post(url(module, "pre"), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error: " in html
    summary = BeautifulSoup(html, "html.parser").select_one(".error-summary")
    assert (summary["role"], summary["tabindex"]) == ("alert", "-1")  # the site's one summary
    links = [(link["href"], link.get_text()) for link in summary.select("li a")]
    assert links[:2] == [
        (f"#question-{single.id}", "Question 1: Choose one of the answers."),
        (f"#question-{multiple.id}", "Question 2: Choose at least one answer."),
    ]
    assert links[2][0] == f"#question-{number.id}"
    assert links[2][1].startswith("Question 3: Type a number using digits")
    assert 'value="lots"' in html
    assert state_of(client, module).pre_score is None
    assert not CheckAttempt.objects.exists()


def test_the_post_check_waits_for_the_pre_check(client, module):
    response = client.get(url(module, "post"))
    assert response.status_code == 302
    assert response["Location"] == url(module, "pre")


def test_the_learning_gain_uses_the_best_post_check(client, module):
    take_check(client, module, "pre", right=False)
    data = check_form_data(client, module, "post", right=True)
    data[f"q-{module.post_check[0].id}"] = "0"
    client.post(url(module, "post"), data)  # 75%
    take_check(client, module, "post", right=False)  # 0%: the best stays
    state = state_of(client, module)
    assert (state.pre_score, state.post_score) == (0, 75)
    html = client.get(module.url).content.decode()
    assert "+75 points" in html


def test_taking_the_post_check_again(client, module):
    take_check(client, module, "pre")
    take_check(client, module, "post", right=False)
    assert "Take the post-check again" in client.get(url(module, "post")).content.decode()
    response = client.get(url(module, "post") + "?again=1")
    assert "Send my answers" in response.content.decode()


def test_completing_needs_every_lesson_and_the_pass_mark(client, module):
    take_check(client, module, "pre")
    take_check(client, module, "post", right=True)
    assert not state_of(client, module).completed  # lessons not done yet
    finish_lessons(client, module)
    state = state_of(client, module)
    assert state.completed
    assert ModuleCompletion.objects.filter(module=module).count() == 1


def test_below_the_pass_mark_is_not_complete(client, module):
    take_check(client, module, "pre")
    finish_lessons(client, module)
    data = check_form_data(client, module, "post", right=True)
    data[f"q-{module.post_check[0].id}"] = "0"
    data[f"q-{module.post_check[1].id}"] = "1"
    client.post(url(module, "post"), data)  # 50%, pass mark 75%
    state = state_of(client, module)
    assert state.post_score == 50
    assert not state.completed
    assert "The pass mark is 75%" in client.get(url(module, "post")).content.decode()
