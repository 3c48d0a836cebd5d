"""Subscriptions: an email per subscriber on a new post, a daily digest, one-click unsubscribe."""

import io

import pytest
from django.core import signing
from django.core.management import call_command
from django.test import Client
from django.utils.http import urlsafe_base64_encode
from wagtail.models import Site

from forums import services
from forums.emails import unsubscribe_token
from forums.models import Post, Subscription, Topic

from .conftest import url

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_at_testserver(index):
    """The default site answers as the test client's host, for the links in emails."""
    Site.objects.filter(is_default_site=True).update(hostname="testserver", port=80)
    Site.clear_site_root_paths_cache()


def test_one_email_per_subscriber_and_none_to_the_author(
    smtp_sink, site_at_testserver, index, topic, forum, make_member, django_capture_on_commit_callbacks
):
    topic_fan, forum_fan, both, digest_reader = (make_member(accepted=forum) for _ in range(4))
    Subscription.objects.create(user=topic_fan, topic=topic)
    Subscription.objects.create(user=forum_fan, forum=forum)
    Subscription.objects.create(user=both, topic=topic)
    Subscription.objects.create(user=both, forum=forum)
    Subscription.objects.create(user=digest_reader, forum=forum, frequency=Subscription.Frequency.DAILY)
    Subscription.objects.create(user=topic.author, topic=topic)
    replier = make_member(accepted=forum, name="Rita Replier")
    Subscription.objects.create(user=replier, topic=topic)

    with django_capture_on_commit_callbacks(execute=True):
        post = services.reply(topic, replier, "A **new** reply.")

    messages = smtp_sink.wait_for(4)
    recipients = sorted(address for message in messages for address in message.rcpt_tos)
    assert recipients == sorted([topic_fan.email, forum_fan.email, both.email, topic.author.email])
    message = smtp_sink.sent_to(topic_fan.email)[0]
    assert message.subject == f"New post in “{topic.title}”"
    assert "Rita Replier" in message.text
    assert f"http://testserver{url(index, 'post', post.pk)}" in message.links
    assert (
        message.message["List-Unsubscribe"]
        .strip()
        .startswith("<http://testserver/en/forum-emails/unsubscribe/")
    )
    assert message.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_held_posts_notify_nobody_until_approved(
    smtp_sink, site_at_testserver, index, topic, make_member, django_capture_on_commit_callbacks
):
    fan = make_member()
    Subscription.objects.create(user=fan, topic=topic)
    newcomer = make_member(trusted=False, accepted=topic.forum)
    with django_capture_on_commit_callbacks(execute=True):
        post = services.reply(topic, newcomer, "First post")
    assert post.status == Post.Status.PENDING
    assert smtp_sink.messages == []


def test_unsubscribe_link_asks_then_unsubscribes(
    smtp_sink, site_at_testserver, client, index, topic, make_member, django_capture_on_commit_callbacks
):
    fan = make_member()
    Subscription.objects.create(user=fan, topic=topic)
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(topic, make_member(accepted=topic.forum), "Reply")
    [message] = smtp_sink.wait_for(1)
    [link] = [link for link in message.links if "/unsubscribe/" in link]
    page = client.get(link)
    assert page.status_code == 200
    assert topic.title in page.content.decode()
    assert Subscription.objects.filter(user=fan).exists()  # opening the link alone changes nothing
    done = client.post(link)
    assert "You are unsubscribed" in done.content.decode()
    assert not Subscription.objects.filter(user=fan).exists()


def test_one_click_unsubscribe_from_the_mail_client_needs_no_cookie_or_csrf_token(
    smtp_sink, site_at_testserver, index, topic, make_member, django_capture_on_commit_callbacks
):
    """RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to the header's address."""
    fan = make_member()
    Subscription.objects.create(user=fan, topic=topic)
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(topic, make_member(accepted=topic.forum), "Reply")
    [message] = smtp_sink.wait_for(1)
    one_click = message.message["List-Unsubscribe"].strip().strip("<>")
    mail_client = Client(enforce_csrf_checks=True)
    assert mail_client.get(one_click).status_code == 405  # a scanner opening it changes nothing
    assert Subscription.objects.filter(user=fan).exists()
    response = mail_client.post(one_click, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.filter(user=fan).exists()
    assert mail_client.post(one_click, {"List-Unsubscribe": "One-Click"}).status_code == 404  # gone


@pytest.mark.parametrize("tamper", ["garbage", "swap"])
def test_tampered_unsubscribe_tokens_do_nothing(client, index, topic, make_member, tamper):
    fan, other = make_member(), make_member()
    mine = Subscription.objects.create(user=fan, topic=topic)
    theirs = Subscription.objects.create(user=other, topic=topic)
    if tamper == "garbage":
        token = unsubscribe_token(mine)[:-3] + "abc"
    else:  # a well-formed token naming someone else's subscription, signed with another key
        forged = signing.dumps({"s": theirs.pk, "u": other.pk}, salt="forums.unsubscribe", key="not-the-key")
        token = urlsafe_base64_encode(forged.encode())
    response = client.get(url(index, "unsubscribe", token))
    assert response.status_code == 404
    client.post(url(index, "unsubscribe", token))
    assert client.post(f"/en/forum-emails/unsubscribe/{token}/").status_code == 404
    assert Subscription.objects.count() == 2


def test_subscribe_buttons_toggle_and_need_post(member_client, member, index, topic, forum):
    topic_url = url(index, "subscribe_topic", topic.pk)
    assert member_client.get(topic_url).status_code == 405
    member_client.post(topic_url)
    assert Subscription.objects.filter(user=member, topic=topic).exists()
    member_client.post(topic_url)
    assert not Subscription.objects.filter(user=member, topic=topic).exists()
    member_client.post(url(index, "subscribe_forum", forum.slug), {"frequency": "daily"})
    assert Subscription.objects.get(user=member, forum=forum).frequency == "daily"


def test_daily_digest_lists_new_posts_once(
    smtp_sink, site_at_testserver, index, topic, forum, make_member, django_capture_on_commit_callbacks
):
    reader = make_member()
    Subscription.objects.create(user=reader, forum=forum, frequency=Subscription.Frequency.DAILY)
    writer = make_member(accepted=forum)
    services.reply(topic, writer, "Digest me")
    hidden = services.start_topic(forum, writer, "Hidden topic", "Not for the digest").topic
    Topic.objects.filter(pk=hidden.pk).update(hidden=True)
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_forum_digests", stdout=out)
    [digest] = smtp_sink.wait_for(1)
    assert digest.rcpt_tos == (reader.email,)
    assert topic.title in digest.text
    assert "Hidden topic" not in digest.text
    assert "/unsubscribe/" in digest.text

    smtp_sink.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_forum_digests", stdout=out)
    assert "Queued 0 digests." in out.getvalue().splitlines()[-1]
    assert smtp_sink.messages == []
