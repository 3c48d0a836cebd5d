"""Forum fixtures: the demo's forums, members in every state, and helpers to post as them."""

import itertools

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from forums import services
from forums.models import Forum, ForumIndexPage, Member, Post, Topic

PASSWORD = "x-Strong-pass-1"
_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _no_speed_hold(settings):
    """Tests post quickly on purpose; the posting-speed signal has its own tests."""
    settings.FORUM_MIN_SECONDS_BETWEEN_POSTS = 0


@pytest.fixture
def index(demo_site):
    return ForumIndexPage.objects.get()


@pytest.fixture
def forum(index):
    return Forum.objects.get(slug="media")


def url(index, name, *args):
    return index.route_url(name, *args)


@pytest.fixture
def make_member(db):
    """make_member(verified=True, trusted=True, accepted=forum, name=...) → a user."""

    def make(*, verified=True, trusted=True, accepted=None, name="", official=False):
        number = next(_numbers)
        user = get_user_model().objects.create_user(f"member{number}@example.org", PASSWORD)
        EmailAddress.objects.create(user=user, email=user.email, verified=verified, primary=True)
        Member.objects.create(user=user, trusted=trusted, display_name=name or f"Member {number}")
        if accepted is not None:
            services.accept_rules(user, accepted)
        if official:
            user.user_permissions.add(Permission.objects.get(codename="answer_officially"))
        return user

    return make


@pytest.fixture
def member(make_member, forum):
    return make_member(accepted=forum)


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def moderator(db):
    user = get_user_model().objects.create_user("moderator@statistics.example", PASSWORD, is_staff=True)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    return get_user_model().objects.get(pk=user.pk)  # fresh, without a permission cache


@pytest.fixture
def topic(forum, make_member):
    """A published topic with its question and no replies."""
    author = make_member(accepted=forum, name="Question Asker")
    post = services.start_topic(forum, author, "How is the CPI weighted?", "The **question** text.")
    return Topic.objects.get(pk=post.topic_id)


def make_replies(topic, author, count):
    """`count` published replies, written in bulk (the HTML made as on save)."""
    from portal.core.sanitise import render_user_markdown

    Post.objects.bulk_create(
        Post(
            topic=topic, author=author, body_source=f"Reply {n}", body_html=render_user_markdown(f"Reply {n}")
        )
        for n in range(count)
    )
    services.refresh_topic(topic)
