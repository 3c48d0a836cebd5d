"""What moderators do, each as one function that makes the change and logs who, when and why."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .emails import send_rejection
from .models import Member, ModerationAction, Post, Topic
from .services import published, refresh_forum, refresh_topic

Kind = ModerationAction.Kind


def log(kind, moderator, reason="", *, post=None, topic=None, member=None):
    return ModerationAction.objects.create(
        kind=kind,
        moderator=moderator,
        reason=reason,
        post=post,
        topic=topic or (post.topic if post else None),
        member=member or (post.author if post else None),
    )


def _set_status(post, status):
    post.status = status
    post.save(update_fields=["status"])


def approve(post, moderator, reason=""):
    """Publish a held post; its author is trusted from now on."""
    _set_status(post, Post.Status.PUBLISHED)
    Member.objects.filter(user_id=post.author_id).update(trusted=True)
    published(post)
    log(Kind.APPROVE, moderator, reason, post=post)


def reject(post, moderator, reason):
    """Refuse a held post and tell its author why, by email."""
    _set_status(post, Post.Status.REJECTED)
    _after_unpublish(post)
    log(Kind.REJECT, moderator, reason, post=post)
    transaction.on_commit(lambda: send_rejection.enqueue(post.pk, reason))


def hide(post, moderator, reason):
    _set_status(post, Post.Status.HIDDEN)
    _after_unpublish(post)
    post.reports.filter(resolved_at=None).update(resolved_at=timezone.now())
    log(Kind.HIDE, moderator, reason, post=post)


def restore(post, moderator, reason=""):
    _set_status(post, Post.Status.PUBLISHED)
    published(post)
    log(Kind.RESTORE, moderator, reason, post=post)


def dismiss_reports(post, moderator, reason=""):
    post.reports.filter(resolved_at=None).update(resolved_at=timezone.now())
    log(Kind.DISMISS_REPORTS, moderator, reason, post=post)


def _after_unpublish(post):
    topic = post.topic
    if topic.accepted_answer_id == post.pk:
        Topic.objects.filter(pk=topic.pk).update(accepted_answer=None)
    if not topic.posts.published().exists():
        Topic.objects.filter(pk=topic.pk).update(approved=False)
    refresh_topic(topic)
    refresh_forum(topic.forum)


def set_topic_flag(topic, moderator, reason, *, flag, value, kind):
    setattr(topic, flag, value)
    topic.save(update_fields=[flag])
    refresh_forum(topic.forum)
    log(kind, moderator, reason, topic=topic, member=topic.author)


def move(topic, moderator, reason, forum):
    old_forum = topic.forum
    topic.forum = forum
    topic.save(update_fields=["forum"])
    refresh_forum(old_forum)
    refresh_forum(forum)
    log(
        Kind.MOVE,
        moderator,
        f"From {old_forum} to {forum}. {reason}".strip(),
        topic=topic,
        member=topic.author,
    )


def suspend(member, moderator, reason, until):
    member.suspended_until = until
    member.suspension_reason = reason
    member.save(update_fields=["suspended_until", "suspension_reason"])
    log(
        Kind.SUSPEND,
        moderator,
        f"Until {timezone.localtime(until):%Y-%m-%d %H:%M}. {reason}",
        member=member.user,
    )


def unsuspend(member, moderator, reason=""):
    member.suspended_until = None
    member.suspension_reason = ""
    member.save(update_fields=["suspended_until", "suspension_reason"])
    log(Kind.UNSUSPEND, moderator, reason, member=member.user)


@dataclass(frozen=True)
class Action:
    """One moderator action in the admin: what it applies to, and what it asks for."""

    slug: str
    label: str
    model: type
    applies: object
    perform: object
    needs_reason: bool = False
    asks_until: bool = False
    asks_forum: bool = False
    serious: bool = False


def _topic_flag(flag, value, kind):
    return lambda topic, moderator, reason, **extra: set_topic_flag(
        topic, moderator, reason, flag=flag, value=value, kind=kind
    )


ACTIONS = {
    action.slug: action
    for action in (
        Action("approve", _("Approve"), Post, lambda p: p.status == Post.Status.PENDING, approve),
        Action(
            "reject",
            _("Reject"),
            Post,
            lambda p: p.status == Post.Status.PENDING,
            reject,
            needs_reason=True,
            serious=True,
        ),
        Action(
            "hide", _("Hide"), Post, lambda p: p.status == Post.Status.PUBLISHED, hide, True, serious=True
        ),
        Action("restore", _("Restore"), Post, lambda p: p.status == Post.Status.HIDDEN, restore),
        Action(
            "dismiss-reports",
            _("Dismiss reports"),
            Post,
            lambda p: p.reports.filter(resolved_at=None).exists(),
            dismiss_reports,
        ),
        Action(
            "lock", _("Lock"), Topic, lambda t: not t.locked, _topic_flag("locked", True, Kind.LOCK), True
        ),
        Action("unlock", _("Unlock"), Topic, lambda t: t.locked, _topic_flag("locked", False, Kind.UNLOCK)),
        Action("pin", _("Pin"), Topic, lambda t: not t.pinned, _topic_flag("pinned", True, Kind.PIN)),
        Action("unpin", _("Unpin"), Topic, lambda t: t.pinned, _topic_flag("pinned", False, Kind.UNPIN)),
        Action(
            "hide-topic",
            _("Hide topic"),
            Topic,
            lambda t: not t.hidden,
            _topic_flag("hidden", True, Kind.HIDE_TOPIC),
            True,
            serious=True,
        ),
        Action(
            "show-topic",
            _("Show topic"),
            Topic,
            lambda t: t.hidden,
            _topic_flag("hidden", False, Kind.SHOW_TOPIC),
        ),
        Action("move", _("Move"), Topic, lambda t: True, move, asks_forum=True),
        Action(
            "suspend",
            _("Suspend"),
            Member,
            lambda m: not m.is_suspended(),
            suspend,
            needs_reason=True,
            asks_until=True,
            serious=True,
        ),
        Action("unsuspend", _("Lift suspension"), Member, lambda m: m.is_suspended(), unsuspend),
    )
}


def actions_for(obj):
    return [action for action in ACTIONS.values() if isinstance(obj, action.model) and action.applies(obj)]
