"""Forum fixtures: the Forums section, a forum, members in every state, and a topic to post in."""

import pytest

from forums import services
from forums.models import Post, Topic
from portal.core.vocabularies import UserGroup
from tests.factories import EmailAddressFactory, StaffFactory

from .factories import ForumFactory, ForumIndexPageFactory, MemberFactory, PostFactory


@pytest.fixture(autouse=True)
def _no_speed_hold(settings):
    """Tests post quickly on purpose; the posting-speed signal has its own tests."""
    settings.FORUM_MIN_SECONDS_BETWEEN_POSTS = 0


@pytest.fixture
def index(home_page):
    return ForumIndexPageFactory(parent=home_page)


@pytest.fixture
def forum(index):
    return ForumFactory(title="Media & journalists", slug="media", user_group=UserGroup.MEDIA)


def url(index, name, *args):
    return index.route_url(name, *args)


@pytest.fixture
def make_member(db):
    """make_member(verified=True, trusted=True, accepted=forum, name=..., official=False) → the
    member's account."""

    def make(*, name=None, **traits):
        names = {} if name is None else {"display_name": name}
        return MemberFactory(**names, **traits).user

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
    user = StaffFactory(groups=["Moderators"])
    EmailAddressFactory(user=user)
    return user


@pytest.fixture
def topic(forum, make_member):
    """A published topic with its question and no replies."""
    author = make_member(accepted=forum, name="Question Asker")
    post = services.start_topic(forum, author, "How is the CPI weighted?", "The **question** text.")
    return Topic.objects.get(pk=post.topic_id)


def make_replies(topic, author, count):
    """`count` published replies, written in bulk."""
    Post.objects.bulk_create(PostFactory.build_batch(count, topic=topic, author=author))
    services.refresh_topic(topic)
