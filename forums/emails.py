"""Forum emails: a new post to each subscriber, the daily digest, a rejected post's reason.

Each message is rendered and sent by a background task (Django's tasks API), one task per
recipient, so a slow mail server never holds up a post and one bad address stops nobody
else's mail. Every subscription email carries a signed one-click unsubscribe link.
"""

from django.core import signing
from django.urls import reverse
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django_tasks import task

from portal.contacts.services import in_language_of
from portal.core.mail import templated_message

UNSUBSCRIBE_SALT = "forums.unsubscribe"


def unsubscribe_token(subscription):
    """A signed token naming the subscription and its owner, in characters a page path allows."""
    signed = signing.dumps({"s": subscription.pk, "u": subscription.user_id}, salt=UNSUBSCRIBE_SALT)
    return urlsafe_base64_encode(signed.encode())


def subscription_for_token(token):
    """The subscription a token names, or None if the token is forged, or it is gone already."""
    from .models import Subscription

    try:
        data = signing.loads(urlsafe_base64_decode(token).decode(), salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    return Subscription.objects.filter(pk=data.get("s"), user_id=data.get("u")).first()


def _index():
    from .models import ForumIndexPage

    return ForumIndexPage.objects.live().first()


def absolute(index, name, *args):
    return (index.get_full_url() or "").rstrip("/") + "/" + index.reverse_subpage(name, args=args)


def send(kind, to, context, headers=None):
    """Write in the recipient's language (their contact's), not the worker's."""
    with in_language_of(to):
        templated_message(f"forums/emails/{kind}", context, to, headers=headers).send()


def _subscription_context(index, subscription):
    token = unsubscribe_token(subscription)
    unsubscribe_url = absolute(index, "unsubscribe", token)
    one_click_url = index.get_site().root_url + reverse("forums_one_click_unsubscribe", args=[token])
    headers = {
        "List-Unsubscribe": f"<{one_click_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return {
        "subscription": subscription,
        "unsubscribe_url": unsubscribe_url,
        "index_url": index.get_full_url(),
    }, headers


@task()
def send_post_notification(subscription_id, post_id):
    from .models import Post, Subscription

    subscription = (
        Subscription.objects.select_related("user", "topic", "forum").filter(pk=subscription_id).first()
    )
    post = (
        Post.objects.published()
        .select_related("topic__forum", "author__forum_member")
        .filter(pk=post_id)
        .first()
    )
    index = _index()
    if subscription is None or post is None or index is None:
        return False
    context, headers = _subscription_context(index, subscription)
    context.update(post=post, topic=post.topic, post_url=absolute(index, "post", post.pk))
    send("new_post", subscription.user.email, context, headers)
    return True


def notify_subscribers(post_id):
    """Queue one email per subscriber of the post's topic or forum: never to its author, never
    twice to one person, and only to those who want each post rather than a digest."""
    from .models import Post, Subscription

    post = Post.objects.select_related("topic").get(pk=post_id)
    if not post.topic.is_visible:
        return 0
    subscriptions = (
        Subscription.objects.filter(frequency=Subscription.Frequency.IMMEDIATE)
        .filter_by_target(post.topic)
        .exclude(user_id=post.author_id)
        .order_by("user_id", "-topic_id")
    )
    seen = set()
    for subscription in subscriptions:
        if subscription.user_id in seen:
            continue
        seen.add(subscription.user_id)
        send_post_notification.enqueue(subscription.pk, post.pk)
    return len(seen)


@task()
def send_digest(subscription_id, post_ids):
    from .models import Post, Subscription

    subscription = (
        Subscription.objects.select_related("user", "topic", "forum").filter(pk=subscription_id).first()
    )
    posts = list(
        Post.objects.visible_to_public()
        .filter(pk__in=post_ids)
        .select_related("topic", "author__forum_member")
    )
    index = _index()
    if subscription is None or not posts or index is None:
        return False
    context, headers = _subscription_context(index, subscription)
    context["posts"] = [(post, absolute(index, "post", post.pk)) for post in posts]
    send("digest", subscription.user.email, context, headers)
    return True


@task()
def send_rejection(post_id, reason):
    from .models import Post

    post = Post.objects.select_related("topic__forum", "author").filter(pk=post_id).first()
    index = _index()
    if post is None or index is None:
        return False
    context = {"post": post, "topic": post.topic, "reason": reason, "index_url": index.get_full_url()}
    send("rejected", post.author.email, context)
    return True
