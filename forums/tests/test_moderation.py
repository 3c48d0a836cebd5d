"""Moderators in the Wagtail admin: the queue, actions with reasons, suspensions, the log."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from forums import services
from forums.models import Member, ModerationAction, Post, Report, Topic
from tests.factories import StaffFactory

from .conftest import url
from .factories import ForumFactory

pytestmark = pytest.mark.django_db


def action_url(slug, pk):
    return reverse("forums_moderate", args=[slug, pk])


@pytest.fixture
def held_post(forum, make_member):
    newcomer = make_member(trusted=False, accepted=forum, name="New Person")
    return services.start_topic(forum, newcomer, "Held topic", "Please approve me")


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def test_moderators_group_is_wagtails_own_with_forum_permissions():
    group = Group.objects.get(name="Moderators")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"moderate_forums", "access_admin", "view_post", "change_forum"} <= codenames
    assert {"add_page", "change_page"} & codenames or group.page_permissions.exists()  # still Wagtail's


def test_queue_lists_held_posts(moderator_client, held_post):
    response = moderator_client.get(reverse("forums_post_modeladmin_index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Please approve me" in html
    assert action_url("approve", held_post.pk) in html
    assert action_url("reject", held_post.pk) in html


def test_queue_holds_only_what_waits_and_says_so_when_empty(moderator_client, held_post, topic):
    queue = reverse("forums_post_modeladmin_index")
    html = moderator_client.get(queue).content.decode()
    assert "<title>Moderation queue" in html
    assert "Please approve me" in html
    assert topic.title not in html  # published: not waiting for anyone

    Post.objects.filter(pk=held_post.pk).update(status=Post.Status.PUBLISHED)
    empty = moderator_client.get(queue).content.decode()
    assert "Nothing is waiting for a decision" in empty
    assert "Please approve me" not in empty
    assert 'href="?status__exact=published"' in empty


def test_status_filter_and_search_reach_every_post(moderator_client, held_post, topic):
    queue = reverse("forums_post_modeladmin_index")
    published = moderator_client.get(queue, {"status__exact": "published"}).content.decode()
    assert "<title>Posts" in published
    assert topic.title in published
    assert "Please approve me" not in published
    searched = moderator_client.get(queue, {"q": topic.title}).content.decode()
    assert topic.title in searched
    assert "Nothing is waiting" not in searched


@pytest.mark.parametrize(
    "name",
    ["forums_post_modeladmin_index", "forums_report_modeladmin_index", "forums_member_modeladmin_index"],
)
def test_other_staff_cannot_see_the_queue(client, name):
    client.force_login(StaffFactory())
    assert client.get(reverse(name)).status_code in (302, 403)


def test_non_moderators_cannot_act(member_client, held_post):
    assert member_client.get(action_url("approve", held_post.pk)).status_code in (302, 403)
    assert member_client.post(action_url("approve", held_post.pk)).status_code in (302, 403)
    held_post.refresh_from_db()
    assert held_post.status == Post.Status.PENDING


def test_get_only_confirms_and_post_approves(moderator_client, moderator, held_post, index, client):
    confirm = moderator_client.get(action_url("approve", held_post.pk))
    assert confirm.status_code == 200
    held_post.refresh_from_db()
    assert held_post.status == Post.Status.PENDING
    response = moderator_client.post(action_url("approve", held_post.pk), {"reason": "Fine"})
    assert response.status_code == 302
    held_post.refresh_from_db()
    assert held_post.status == Post.Status.PUBLISHED
    assert Topic.objects.get(pk=held_post.topic_id).approved
    assert Member.objects.get(user=held_post.author).trusted
    log = ModerationAction.objects.get(post=held_post)
    assert (log.kind, log.moderator, log.reason, log.member) == (
        "approve",
        moderator,
        "Fine",
        held_post.author,
    )
    client.logout()
    assert "Held topic" in client.get(url(index, "forum", held_post.topic.forum.slug)).content.decode()


def test_reject_needs_a_reason_and_emails_it(
    moderator_client, held_post, smtp_sink, django_capture_on_commit_callbacks
):
    refused = moderator_client.post(action_url("reject", held_post.pk), {"reason": ""})
    assert refused.status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(action_url("reject", held_post.pk), {"reason": "Advertising is not allowed."})
    held_post.refresh_from_db()
    assert held_post.status == Post.Status.REJECTED
    [message] = smtp_sink.wait_for(1)
    assert message.rcpt_tos == (held_post.author.email,)
    assert "Advertising is not allowed." in message.text
    assert "Please approve me" in message.text


def test_hide_resolves_reports_and_takes_the_post_off_the_page(
    moderator_client, index, topic, member, client
):
    reply = services.reply(topic, member, "Rude reply")
    Report.objects.create(post=reply, reporter=topic.author, reason="abuse")
    reports = moderator_client.get(reverse("forums_report_modeladmin_index")).content.decode()
    assert action_url("hide", reply.pk) in reports
    moderator_client.post(action_url("hide", reply.pk), {"reason": "Abusive"})
    reply.refresh_from_db()
    assert reply.status == Post.Status.HIDDEN
    assert Report.objects.get(post=reply).resolved_at is not None
    assert "Rude reply" not in client.get(url(index, "topic", topic.pk)).content.decode()
    topic.refresh_from_db()
    assert topic.reply_count == 0


def test_lock_pin_and_move_a_topic(moderator_client, topic, forum):
    moderator_client.post(action_url("lock", topic.pk), {"reason": "Answered"})
    moderator_client.post(action_url("pin", topic.pk), {"reason": ""})
    other = ForumFactory(title="Researchers", slug="researchers")
    refused = moderator_client.post(action_url("move", topic.pk), {"reason": "Better there"})
    assert refused.status_code == 400
    moderator_client.post(action_url("move", topic.pk), {"reason": "Better there", "forum": other.pk})
    topic.refresh_from_db()
    assert (topic.locked, topic.pinned, topic.forum) == (True, True, other)
    kinds = list(ModerationAction.objects.filter(topic=topic).order_by("pk").values_list("kind", flat=True))
    assert kinds == ["lock", "pin", "move"]
    assert "From Media & journalists to Researchers" in ModerationAction.objects.get(kind="move").reason
    forum.refresh_from_db()
    other.refresh_from_db()
    assert forum.topic_count == forum.topics.filter(approved=True, hidden=False).count()
    assert other.topic_count == other.topics.filter(approved=True, hidden=False).count()


def test_lock_needs_a_reason(moderator_client, topic):
    assert moderator_client.post(action_url("lock", topic.pk), {"reason": ""}).status_code == 400
    topic.refresh_from_db()
    assert not topic.locked


def test_suspend_until_a_date_then_lift(moderator_client, member, index, topic):
    standing = Member.objects.get(user=member)
    past = (timezone.now() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    assert (
        moderator_client.post(action_url("suspend", standing.pk), {"reason": "x", "until": past}).status_code
        == 400
    )
    until = (timezone.now() + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M")
    moderator_client.post(action_url("suspend", standing.pk), {"reason": "Repeated abuse", "until": until})
    standing.refresh_from_db()
    assert standing.is_suspended()
    with pytest.raises(services.PostingRefused):
        services.reply(topic, member, "Still here")
    moderator_client.post(action_url("unsuspend", standing.pk), {"reason": "Appeal accepted"})
    standing.refresh_from_db()
    assert not standing.is_suspended()
    assert services.reply(topic, member, "Back again").status == Post.Status.PUBLISHED


def test_member_history_shows_posts_and_decisions(moderator_client, held_post):
    moderator_client.post(action_url("approve", held_post.pk), {"reason": "Looks fine"})
    standing = Member.objects.get(user=held_post.author)
    html = moderator_client.get(reverse("forums_member_history", args=[standing.pk])).content.decode()
    assert "Please approve me" in html
    assert "Approved a post" in html
    assert "Looks fine" in html


def test_action_that_no_longer_applies_changes_nothing(moderator_client, held_post):
    moderator_client.post(action_url("approve", held_post.pk))
    moderator_client.post(action_url("reject", held_post.pk), {"reason": "Too late"})
    held_post.refresh_from_db()
    assert held_post.status == Post.Status.PUBLISHED
    assert ModerationAction.objects.filter(post=held_post).count() == 1


def test_unknown_action_is_404(moderator_client, held_post):
    assert moderator_client.get(action_url("explode", held_post.pk)).status_code == 404


def test_moderation_log_is_read_only(moderator_client, held_post):
    moderator_client.post(action_url("approve", held_post.pk))
    log = ModerationAction.objects.get()
    assert moderator_client.get(reverse("forums_moderationaction_modeladmin_index")).status_code == 200
    assert moderator_client.get(
        reverse("forums_moderationaction_modeladmin_edit", args=[log.pk])
    ).status_code in (
        302,
        403,
    )


def test_moderators_can_edit_forum_rules_as_snippets(moderator_client, forum):
    assert (
        moderator_client.get(reverse("wagtailsnippets_forums_forum:edit", args=[forum.pk])).status_code == 200
    )
