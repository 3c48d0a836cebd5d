"""Writing: who may post, rules first, the post form's checks, edits, quotes and abuse."""

import pytest
from django.test import Client
from django.utils import timezone

from forums.models import Member, Post, PostRevision, RulesAcceptance, Topic
from portal.contacts.models import Contact, TouchpointKind

from .conftest import url

pytestmark = pytest.mark.django_db


def post_reply(client, index, topic, body="A reply with **bold**.", **extra):
    data = {"body": body, "form_token": extra.pop("form_token", ""), **extra}
    return client.post(url(index, "reply", topic.pk), data)


def start(client, index, forum, title="A new question", body="What does **CPI** include?", **extra):
    return client.post(url(index, "new_topic", forum.slug), {"title": title, "body": body, **extra})


# Who may post


def test_anonymous_visitors_are_sent_to_sign_in(client, index, forum, topic):
    for response in (client.get(url(index, "new_topic", forum.slug)), post_reply(client, index, topic)):
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/?next=")
    assert topic.posts.count() == 1


def test_unverified_email_cannot_post(client, index, forum, topic, make_member):
    client.force_login(make_member(verified=False, accepted=forum))
    response = post_reply(client, index, topic)
    assert response.status_code == 403
    assert "Confirm your email address" in response.content.decode()
    assert topic.posts.count() == 1


def test_suspended_member_cannot_post(member_client, member, index, topic):
    until = timezone.now() + timezone.timedelta(days=3)
    Member.objects.filter(user=member).update(suspended_until=until)
    response = post_reply(member_client, index, topic)
    assert response.status_code == 403
    assert "may not post in the forums until" in response.content.decode()
    assert topic.posts.count() == 1


def test_an_ended_suspension_no_longer_blocks(member_client, member, index, topic):
    Member.objects.filter(user=member).update(suspended_until=timezone.now() - timezone.timedelta(minutes=1))
    assert post_reply(member_client, index, topic).status_code == 302
    assert topic.posts.count() == 2


# Rules


def test_rules_come_before_the_first_post_and_joining_is_a_touchpoint(client, index, forum, make_member):
    user = make_member()
    client.force_login(user)
    new_topic_url = url(index, "new_topic", forum.slug)
    response = client.get(new_topic_url)
    assert response.status_code == 302
    rules_url = response["Location"]
    assert rules_url.startswith(url(index, "rules", forum.slug))

    page = client.get(rules_url)
    assert "Be courteous" in page.content.decode()
    refused = client.post(rules_url, {"user_group": "media"})
    assert refused.status_code == 400
    assert "Tick the box to agree" in refused.content.decode()
    assert not RulesAcceptance.objects.filter(user=user).exists()

    accepted = client.post(rules_url, {"user_group": "media", "accept": "on"})
    assert accepted.status_code == 302
    assert accepted["Location"] == new_topic_url
    assert RulesAcceptance.objects.get(user=user, forum=forum).version == forum.rules_version
    contact = Contact.objects.get(email=user.email)
    assert contact.user_group == "media"
    [touchpoint] = contact.touchpoints.filter(kind=TouchpointKind.FORUM_JOIN)
    assert touchpoint.detail == forum.title
    assert client.get(new_topic_url).status_code == 200


def test_changed_rules_must_be_accepted_again_without_joining_twice(
    member_client, member, index, forum, topic
):
    forum.rules = forum.rules + "<p>7. A new rule.</p>"
    forum.save()
    assert forum.rules_version == 2
    response = member_client.get(url(index, "reply", topic.pk))
    assert response.status_code == 302
    page = member_client.get(response["Location"])
    assert "The rules have changed" in page.content.decode()
    member_client.post(response["Location"], {"accept": "on"})
    assert RulesAcceptance.objects.filter(user=member, forum=forum).count() == 2
    assert (
        Contact.objects.get(email=member.email).touchpoints.filter(kind=TouchpointKind.FORUM_JOIN).count()
        == 1
    )


def test_rules_redirect_refuses_other_sites(member_client, index, forum):
    forum.rules = "<p>New</p>"
    forum.save()
    response = member_client.post(
        url(index, "rules", forum.slug) + "?next=https://evil.example/", {"accept": "on"}
    )
    assert response["Location"] == url(index, "forum", forum.slug)


# Posting


def test_member_starts_a_topic(member_client, member, index, forum):
    response = start(member_client, index, forum, subscribe="on")
    post = Post.objects.get(author=member)
    assert response.status_code == 302
    assert response["Location"] == url(index, "post", post.pk)
    assert post.body_html == "<p>What does <strong>CPI</strong> include?</p>"
    assert post.topic.title == "A new question"
    assert post.topic.subscriptions.filter(user=member).exists()
    forum.refresh_from_db()
    assert forum.last_post == post


def test_reply_is_published_and_counted(member_client, index, topic):
    response = post_reply(member_client, index, topic)
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.reply_count == 1
    html = member_client.get(url(index, "topic", topic.pk)).content.decode()
    assert "A reply with <strong>bold</strong>." in html


def test_preview_shows_the_sanitised_post_and_saves_nothing(member_client, index, topic):
    response = post_reply(member_client, index, topic, body="**Hi** <script>alert(1)</script>", preview="1")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>Hi</strong>" in html
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html  # what was typed is kept in the text box
    assert topic.posts.count() == 1


@pytest.mark.parametrize("body", ["", "   ", "\u200b\u200b\u2060", "\n\n\t"])
def test_blank_posts_are_refused(member_client, index, topic, body):
    response = post_reply(member_client, index, topic, body=body)
    assert response.status_code == 400
    assert "Write your message before you post it." in response.content.decode()
    assert topic.posts.count() == 1


def test_huge_posts_are_refused_and_the_text_is_kept(member_client, index, topic):
    response = post_reply(member_client, index, topic, body="x" * 20_001)
    assert response.status_code == 400
    assert "Your message is too long" in response.content.decode()
    assert "x" * 20_001 in response.content.decode()
    assert topic.posts.count() == 1


def test_blank_title_is_refused(member_client, index, forum):
    response = start(member_client, index, forum, title="\u200b  ")
    assert response.status_code == 400
    assert "Give your topic a title." in response.content.decode()


def test_hostile_markup_is_not_stored_as_markup(member_client, member, index, topic):
    body = (
        "<script>alert(1)</script><img src=x onerror=alert(1)>[x](javascript:alert(1)) "
        '<a href="https://a.example" onclick="x()">a</a>'
    )
    post_reply(member_client, index, topic, body=body)
    post = Post.objects.get(author=member)
    assert post.body_source == body  # what they wrote, for the edit form and the moderators
    for marker in ("<script", "onerror", "javascript:", "onclick", "<img"):
        assert marker not in post.body_html
    html = member_client.get(url(index, "topic", topic.pk)).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_double_submit_makes_one_post(member_client, member, index, topic):
    first = post_reply(member_client, index, topic, form_token="token-abc")
    second = post_reply(member_client, index, topic, form_token="token-abc")
    assert Post.objects.filter(author=member).count() == 1
    assert first["Location"] == second["Location"]


def test_form_token_is_fresh_for_each_form(member_client, index, topic):
    first = member_client.get(url(index, "reply", topic.pk)).context["form"].initial["form_token"]
    second = member_client.get(url(index, "reply", topic.pk)).context["form"].initial["form_token"]
    assert first and second and first != second


def test_reply_to_locked_topic_is_refused(member_client, index, topic):
    Topic.objects.filter(pk=topic.pk).update(locked=True)
    response = post_reply(member_client, index, topic)
    assert response.status_code == 403
    assert "locked" in response.content.decode()
    assert topic.posts.count() == 1


def test_reply_to_hidden_topic_is_refused(member_client, index, topic):
    Topic.objects.filter(pk=topic.pk).update(hidden=True)
    assert post_reply(member_client, index, topic).status_code == 404
    assert topic.posts.count() == 1


def test_posting_without_csrf_token_is_refused(member, index, topic):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert post_reply(client, index, topic).status_code == 403
    assert topic.posts.count() == 1


def test_posting_is_rate_limited_with_a_clear_message(member_client, member, index, topic, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "forum_post": "3/m/user"}
    statuses = [post_reply(member_client, index, topic, body=f"Reply {n}").status_code for n in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    assert Post.objects.filter(author=member).count() == 3


def test_preview_does_not_count_against_the_rate_limit(member_client, index, topic, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "forum_post": "1/m/user"}
    for _ in range(3):
        assert post_reply(member_client, index, topic, preview="1").status_code == 200
    assert post_reply(member_client, index, topic).status_code == 302


# Held for moderation


def test_new_members_first_post_waits_for_a_moderator(client, index, forum, make_member):
    newcomer = make_member(trusted=False, accepted=forum)
    client.force_login(newcomer)
    response = start(client, index, forum, title="Newcomer question")
    post = Post.objects.get(author=newcomer)
    assert post.status == Post.Status.PENDING
    assert "first posts from new members" in post.hold_reason
    assert response["Location"] == url(index, "forum", forum.slug)
    assert not post.topic.approved
    assert "Newcomer question" not in client.get(url(index, "forum", forum.slug)).content.decode()


@pytest.mark.parametrize(
    ("body", "extra", "reason"),
    [
        ("Cheap pills at https://spam.example", {}, "links in a first post"),
        ("Hello", {"website": "https://spam.example"}, "robots"),
    ],
)
def test_spam_signals_hold_the_post(client, index, topic, make_member, body, extra, reason):
    newcomer = make_member(trusted=False, accepted=topic.forum)
    client.force_login(newcomer)
    post_reply(client, index, topic, body=body, **extra)
    post = Post.objects.get(author=newcomer)
    assert post.status == Post.Status.PENDING
    assert reason in post.hold_reason


def test_honeypot_holds_even_a_trusted_members_post(member_client, member, index, topic):
    post_reply(member_client, index, topic, website="filled")
    assert Post.objects.get(author=member).status == Post.Status.PENDING


def test_posting_too_fast_holds_the_post(member_client, member, index, topic, settings):
    settings.FORUM_MIN_SECONDS_BETWEEN_POSTS = 60
    post_reply(member_client, index, topic, body="One")
    post_reply(member_client, index, topic, body="Two")
    statuses = list(Post.objects.filter(author=member).order_by("pk").values_list("status", "hold_reason"))
    assert statuses[0] == (Post.Status.PUBLISHED, "")
    assert statuses[1][0] == Post.Status.PENDING
    assert "very soon" in statuses[1][1]


# Editing and quoting


def test_author_edits_within_the_window_and_history_is_kept(member_client, member, index, topic):
    post_reply(member_client, index, topic, body="First version")
    post = Post.objects.get(author=member)
    response = member_client.post(url(index, "edit_post", post.pk), {"body": "Second *version*"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.body_html == "<p>Second <em>version</em></p>"
    assert post.edited_at is not None
    revision = PostRevision.objects.get(post=post)
    assert (revision.body_source, revision.edited_by) == ("First version", member)


def test_editing_after_the_window_is_refused(member_client, member, index, topic, settings):
    settings.FORUM_EDIT_WINDOW_MINUTES = 30
    post_reply(member_client, index, topic, body="Old")
    post = Post.objects.get(author=member)
    Post.objects.filter(pk=post.pk).update(created_at=timezone.now() - timezone.timedelta(minutes=31))
    assert member_client.post(url(index, "edit_post", post.pk), {"body": "New"}).status_code == 403
    post.refresh_from_db()
    assert post.body_source == "Old"


def test_editing_another_members_post_is_refused(member_client, index, topic):
    question = topic.posts.get()
    assert member_client.get(url(index, "edit_post", question.pk)).status_code == 403
    assert member_client.post(url(index, "edit_post", question.pk), {"body": "Hijacked"}).status_code == 403
    question.refresh_from_db()
    assert question.body_source == "The **question** text."


def test_quote_starts_a_reply_with_the_quoted_post(member_client, index, topic):
    question = topic.posts.get()
    response = member_client.get(url(index, "reply", topic.pk), {"quote": question.pk})
    body = response.context["form"].initial["body"]
    assert body.startswith("**Question Asker wrote:**\n> The **question** text.")
    assert member_client.get(url(index, "reply", topic.pk), {"quote": "abc"}).status_code == 200
