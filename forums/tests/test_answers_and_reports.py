"""Official answers, accepted answers, and members' reports."""

import pytest

from forums import services
from forums.models import Post, Report, Topic

from .conftest import url

pytestmark = pytest.mark.django_db


def test_staff_with_the_permission_post_official_answers(client, index, topic, make_member):
    statistician = make_member(accepted=topic.forum, official=True, name="Ines (Prices)")
    client.force_login(statistician)
    client.post(url(index, "reply", topic.pk), {"body": "The weights come from the household budget survey."})
    post = Post.objects.get(author=statistician)
    assert post.is_official
    topic.refresh_from_db()
    assert topic.has_official_answer
    assert (
        "Official answer from the statistics office"
        in client.get(url(index, "topic", topic.pk)).content.decode()
    )


def test_ordinary_members_posts_are_not_official(member_client, member, index, topic):
    member_client.post(url(index, "reply", topic.pk), {"body": "I think so."})
    assert not Post.objects.get(author=member).is_official


def test_topic_author_accepts_and_unaccepts_an_answer(client, index, topic, member):
    answer = services.reply(topic, member, "The answer.")
    client.force_login(topic.author)
    response = client.post(url(index, "accept_post", answer.pk))
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.accepted_answer == answer
    client.post(url(index, "accept_post", answer.pk))
    topic.refresh_from_db()
    assert topic.accepted_answer is None


def test_others_cannot_accept_an_answer(member_client, member, index, topic):
    answer = services.reply(topic, member, "My own answer.")
    assert member_client.post(url(index, "accept_post", answer.pk)).status_code == 403
    topic.refresh_from_db()
    assert topic.accepted_answer is None


def test_moderator_can_accept_an_answer(client, index, topic, member, moderator):
    answer = services.reply(topic, member, "The answer.")
    client.force_login(moderator)
    client.post(url(index, "accept_post", answer.pk))
    topic.refresh_from_db()
    assert topic.accepted_answer == answer


def test_the_question_cannot_be_its_own_answer_and_get_is_refused(client, index, topic):
    client.force_login(topic.author)
    question = topic.posts.get()
    assert client.get(url(index, "accept_post", question.pk)).status_code == 405
    client.post(url(index, "accept_post", question.pk))
    topic.refresh_from_db()
    assert topic.accepted_answer is None


def test_member_reports_a_post_once(member_client, member, index, topic):
    question = topic.posts.get()
    report_url = url(index, "report_post", question.pk)
    form = member_client.get(report_url)
    assert "What is wrong with this post?" in form.content.decode()
    assert "---------" not in form.content.decode()
    for _ in range(2):
        response = member_client.post(
            report_url, {"reason": "misinformation", "note": "The figure is wrong."}
        )
        assert response.status_code == 302
    report = Report.objects.get(post=question)
    assert (report.reporter, report.reason, report.note) == (member, "misinformation", "The figure is wrong.")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"reason": "", "note": "x"}, "Choose a reason for your report."),
        ({"reason": "made-up", "note": ""}, "Select a valid choice."),
        ({"reason": "spam", "note": "x" * 1001}, "at most 1000 characters"),
    ],
)
def test_bad_reports_are_refused(member_client, index, topic, data, message):
    response = member_client.post(url(index, "report_post", topic.posts.get().pk), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Report.objects.exists()


def test_reports_are_rate_limited(client, index, forum, make_member, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "forum_report": "2/m/user"}
    author = make_member(accepted=forum)
    topics = [services.start_topic(forum, author, f"Topic {n}", "Text").topic for n in range(3)]
    client.force_login(make_member())
    statuses = [
        client.post(url(index, "report_post", t.posts.get().pk), {"reason": "spam"}).status_code
        for t in topics
    ]
    assert statuses == [302, 302, 429]
    assert Report.objects.count() == 2


def test_anonymous_visitors_sign_in_to_report(client, index, topic):
    response = client.post(url(index, "report_post", topic.posts.get().pk), {"reason": "spam"})
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert not Report.objects.exists()


def test_posts_in_hidden_topics_cannot_be_reported(member_client, index, topic):
    Topic.objects.filter(pk=topic.pk).update(hidden=True)
    assert (
        member_client.post(url(index, "report_post", topic.posts.get().pk), {"reason": "spam"}).status_code
        == 404
    )
