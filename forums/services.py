"""What members do in the forums: join, post, edit, accept answers. Views and the admin call
these, so that counts, holds and notifications are right whichever way a change comes in."""

import re
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext

from portal.contacts.models import TouchpointKind
from portal.contacts.services import record_touchpoint
from portal.core.languages import active_language
from portal.core.sanitise import render_user_markdown

from .models import Forum, Member, Post, PostRevision, RulesAcceptance, Subscription, Topic

POSTS_PER_PAGE = 20
MAX_POST_LENGTH = 20_000
LINK_PATTERN = re.compile(r"https?://|www\.|\]\(|<a\s", re.IGNORECASE)
INVISIBLE_CHARACTERS = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")


def edit_window():
    return timedelta(minutes=getattr(settings, "FORUM_EDIT_WINDOW_MINUTES", 30))


def min_seconds_between_posts():
    return getattr(settings, "FORUM_MIN_SECONDS_BETWEEN_POSTS", 20)


class PostingRefused(Exception):
    """The member may not post here now; the message says why, in words for them."""


def member_for(user):
    member, _ = Member.objects.get_or_create(user=user)
    return member


def author_name(user):
    """How a member is named on posts: their chosen name, else their account name."""
    member = getattr(user, "forum_member", None)
    return member.name if member else (user.get_full_name() or gettext("A member"))


def has_verified_email(user):
    return EmailAddress.objects.filter(user=user, verified=True).exists()


def has_accepted_rules(user, forum):
    return RulesAcceptance.objects.filter(user=user, forum=forum, version=forum.rules_version).exists()


def can_answer_officially(user):
    return user.has_perm("forums.answer_officially")


def can_moderate(user):
    return user.is_authenticated and user.has_perm("forums.moderate_forums")


def posting_refusal(user, forum, now=None):
    """Why `user` may not post in `forum` now, or None. Rules acceptance is checked apart:
    it is the one refusal the member can clear on the spot."""
    if not user.is_authenticated:
        return gettext("Sign in to post in the forums.")
    if not has_verified_email(user):
        return gettext(
            "Confirm your email address before you post: follow the link in the email we sent you."
        )
    member = Member.objects.filter(user=user).first()
    if member is not None and member.is_suspended(now):
        until = timezone.localtime(member.suspended_until)
        return gettext("Your account may not post in the forums until %(date)s.") % {
            "date": f"{until:%-d %B %Y, %H:%M}"
        }
    return None


def visible_text(source):
    """The text with invisible characters removed: a post of only those is a blank post."""
    return INVISIBLE_CHARACTERS.sub("", source or "").strip()


def accept_rules(user, forum, *, user_group="", source=""):
    """Store the acceptance of the forum's current rules. Accepting a forum's rules for the
    first time is joining it, which the user database records with the member's user group."""
    member_for(user)
    joined_before = RulesAcceptance.objects.filter(user=user, forum=forum).exists()
    try:
        with transaction.atomic():
            RulesAcceptance.objects.create(user=user, forum=forum, version=forum.rules_version)
    except IntegrityError:
        return False  # the same version, accepted twice (a double click): once is enough
    if not joined_before:
        record_touchpoint(
            user.email,
            kind=TouchpointKind.FORUM_JOIN,
            source=source,
            detail=forum.title,
            user=user,
            user_group=user_group or forum.user_group,
        )
    return True


def content_hold_reasons(member, source):
    """Why a text from this member should wait for a moderator, whether new or edited."""
    if member.trusted:
        return []
    reasons = ["first posts from new members are checked"]
    if LINK_PATTERN.search(source):
        reasons.append("links in a first post")
    return reasons


def hold_reasons(member, source, *, honeypot="", now=None):
    """Why a new post should wait for a moderator (empty when it may appear at once)."""
    now = now or timezone.now()
    reasons = []
    if honeypot:
        reasons.append("filled in the field that only robots see")
    reasons += content_hold_reasons(member, source)
    last = Post.objects.filter(author_id=member.user_id).aggregate(last=Max("created_at"))["last"]
    if last is not None and (now - last).total_seconds() < min_seconds_between_posts():
        reasons.append("posted very soon after the previous post")
    return reasons


def _new_post(topic, author, source, *, form_token, honeypot, now):
    member = member_for(author)
    reasons = hold_reasons(member, source, honeypot=honeypot, now=now)
    return Post.objects.create(
        topic=topic,
        author=author,
        body_source=source,
        body_html=render_user_markdown(source),
        status=Post.Status.PENDING if reasons else Post.Status.PUBLISHED,
        hold_reason="; ".join(reasons)[:300],
        is_official=can_answer_officially(author),
        created_at=now,
        form_token=form_token or None,
        language=active_language(),
    )


def existing_post(author, form_token):
    """The post a form with this one-time token already made (a double submit), if any."""
    if not form_token:
        return None
    return Post.objects.filter(author=author, form_token=form_token).select_related("topic").first()


def start_topic(forum, author, title, source, *, form_token="", honeypot="", subscribe=False):
    """A new topic and its opening post; both wait for a moderator if the post is held."""
    refusal = posting_refusal(author, forum)
    if refusal:
        raise PostingRefused(refusal)
    now = timezone.now()
    with transaction.atomic():
        topic = Topic.objects.create(
            forum=forum, title=title, author=author, created_at=now, last_post_at=now
        )
        post = _new_post(topic, author, source, form_token=form_token, honeypot=honeypot, now=now)
        if post.status != Post.Status.PUBLISHED:
            Topic.objects.filter(pk=topic.pk).update(approved=False)
        if subscribe:
            Subscription.objects.get_or_create(user=author, topic=topic)
        if post.status == Post.Status.PUBLISHED:
            published(post)
    return post


def reply(topic, author, source, *, form_token="", honeypot="", subscribe=False):
    if topic.locked:
        raise PostingRefused(gettext("This topic is locked: it takes no new replies."))
    if not topic.is_visible:
        raise PostingRefused(gettext("This topic is not open for replies."))
    refusal = posting_refusal(author, topic.forum)
    if refusal:
        raise PostingRefused(refusal)
    with transaction.atomic():
        post = _new_post(topic, author, source, form_token=form_token, honeypot=honeypot, now=timezone.now())
        if subscribe:
            Subscription.objects.get_or_create(user=author, topic=topic)
        if post.status == Post.Status.PUBLISHED:
            published(post)
    return post


def published(post):
    """A post just became visible: counts follow, and subscribers hear about it (after commit)."""
    from .emails import notify_subscribers

    topic = post.topic
    if topic.posts.published().order_by("created_at", "pk").first() == post:
        Topic.objects.filter(pk=topic.pk).update(approved=True)
    if (
        post.is_official
        and post.pk != topic.posts.order_by("created_at", "pk").values_list("pk", flat=True).first()
    ):
        Topic.objects.filter(pk=topic.pk).update(has_official_answer=True)
    refresh_topic(topic)
    refresh_forum(topic.forum)
    Member.objects.filter(user_id=post.author_id).update(
        post_count=Post.objects.published().filter(author_id=post.author_id).count()
    )
    transaction.on_commit(lambda: notify_subscribers(post.pk))


def refresh_topic(topic):
    """Recount a topic's replies and latest post from its published posts."""
    stats = topic.posts.published().aggregate(count=Count("pk"), last=Max("created_at"))
    Topic.objects.filter(pk=topic.pk).update(
        reply_count=max((stats["count"] or 0) - 1, 0), last_post_at=stats["last"] or topic.created_at
    )


def refresh_forum(forum):
    """Recount a forum's topics and posts, and find its latest visible post."""
    visible = Post.objects.visible_to_public().filter(topic__forum=forum)
    Forum.objects.filter(pk=forum.pk).update(
        topic_count=forum.topics.filter(approved=True, hidden=False).count(),
        post_count=visible.count(),
        last_post=visible.order_by("-created_at", "-pk").first(),
    )


def can_edit(user, post, now=None):
    """Authors edit their own posts within the edit window; moderators edit any post."""
    if not user.is_authenticated:
        return False
    if can_moderate(user):
        return True
    now = now or timezone.now()
    return post.author_id == user.pk and now - post.created_at <= edit_window()


def edit_post(post, editor, source):
    """Replace a post's text, keeping what it said before in its history.

    An author's edit is checked like a new post: refused when they may not post (suspended,
    unverified), and held for a moderator again when a new post of theirs would be (an approved
    first post cannot be turned into a link farm). Moderators' edits are not held.
    """
    reasons = []
    if not can_moderate(editor):
        refusal = posting_refusal(editor, post.topic.forum)
        if refusal:
            raise PostingRefused(refusal)
        reasons = content_hold_reasons(member_for(editor), source)
    fields = ["body_source", "body_html", "edited_at"]
    with transaction.atomic():
        PostRevision.objects.create(
            post=post, body_source=post.body_source, body_html=post.body_html, edited_by=editor
        )
        post.body_source = source
        post.body_html = render_user_markdown(source)
        post.edited_at = timezone.now()
        held_again = bool(reasons) and post.status == Post.Status.PUBLISHED
        if held_again:
            post.status, post.hold_reason = Post.Status.PENDING, ("edited: " + "; ".join(reasons))[:300]
            fields += ["status", "hold_reason"]
        post.save(update_fields=fields)
        if held_again:
            refresh_topic(post.topic)
            refresh_forum(post.topic.forum)
    return post


def can_accept_answer(user, topic):
    return user.is_authenticated and (user.pk == topic.author_id or can_moderate(user))


def accept_answer(topic, post):
    """Mark (or, for the answer already accepted, unmark) a reply as the topic's answer."""
    if post.topic_id != topic.pk or post.status != Post.Status.PUBLISHED:
        raise PostingRefused(gettext("Only a published reply in this topic can be the accepted answer."))
    if topic.posts.order_by("created_at", "pk").values_list("pk", flat=True).first() == post.pk:
        raise PostingRefused(gettext("The question itself cannot be its answer."))
    topic.accepted_answer = None if topic.accepted_answer_id == post.pk else post
    topic.save(update_fields=["accepted_answer"])
    return topic.accepted_answer is not None


def page_of(post):
    """The topic page (counting from 1) on which a published post appears."""
    earlier = (
        post.topic.posts.published()
        .filter(Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, pk__lt=post.pk))
        .count()
    )
    return earlier // POSTS_PER_PAGE + 1
