"""Forums, members, topics and posts for the forum tests.

Topics and posts made through ``forums.services`` (start_topic, reply) get their counts,
holds and notifications as on the site; the factories here write rows directly, for the
tests that need many of them or a state the services never produce on their own.
"""

import factory
import wagtail_factories
from django.contrib.auth.models import Permission

from forums import services
from forums.models import Forum, ForumIndexPage, Member, ModerationAction, Post, Report, Topic
from portal.core.sanitise import render_user_markdown
from tests.factories import EmailAddressFactory, UserFactory

RULES = (
    "<ol><li>Be courteous. Criticise figures and methods, never people.</li>"
    "<li>Do not share anyone's personal information, including your own.</li></ol>"
)


class ForumIndexPageFactory(wagtail_factories.PageFactory):
    """The Forums section, at /forums/ when hung under the site's root."""

    class Meta:
        model = ForumIndexPage

    title = "Forums"
    slug = "forums"
    intro = "Ask questions about the data and talk to the statisticians who produce it."
    posting_help = "<p>First posts from new members are checked by a moderator.</p>"


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Forum

    title = factory.Sequence(lambda n: f"Forum {n}")
    slug = factory.Sequence(lambda n: f"forum-{n}")
    description = factory.LazyAttribute(lambda forum: f"Questions and answers: {forum.title}.")
    rules = RULES
    sort_order = factory.Sequence(int)


class MemberFactory(factory.django.DjangoModelFactory):
    """A person's standing in the forums, with an account whose email address is verified
    (``verified=False`` for one that is not yet), trusted unless told otherwise.

    ``accepted=forum`` accepts that forum's rules (joining it, as the rules page does) and
    ``official=True`` lets the member post official answers, as the office's statisticians do.
    """

    class Meta:
        model = Member
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    display_name = factory.Sequence(lambda n: f"Member {n}")
    trusted = True

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            EmailAddressFactory(user=self.user, verified=True if extracted is None else extracted)

    @factory.post_generation
    def accepted(self, create, extracted, **kwargs):
        if create and extracted is not None:
            services.accept_rules(self.user, extracted)

    @factory.post_generation
    def official(self, create, extracted, **kwargs):
        if create and extracted:
            self.user.user_permissions.add(
                Permission.objects.get(content_type__app_label="forums", codename="answer_officially")
            )


class TopicFactory(factory.django.DjangoModelFactory):
    """A topic row alone: give it posts with PostFactory, then ``services.refresh_topic``."""

    class Meta:
        model = Topic

    forum = factory.SubFactory(ForumFactory)
    title = factory.Sequence(lambda n: f"Where are the figures for region {n}?")
    author = factory.SubFactory(UserFactory)


class PostFactory(factory.django.DjangoModelFactory):
    """A published post, its HTML made from its Markdown as on a real save."""

    class Meta:
        model = Post

    topic = factory.SubFactory(TopicFactory)
    author = factory.SelfAttribute("topic.author")
    body_source = factory.Sequence(lambda n: f"Reply {n}")
    body_html = factory.LazyAttribute(lambda post: render_user_markdown(post.body_source))


class ReportFactory(factory.django.DjangoModelFactory):
    """A member's report of a post."""

    class Meta:
        model = Report

    post = factory.SubFactory(PostFactory)
    reporter = factory.SubFactory(UserFactory)
    reason = Report.Reason.SPAM


class ModerationActionFactory(factory.django.DjangoModelFactory):
    """A moderator's decision about a post, as the moderation log keeps it."""

    class Meta:
        model = ModerationAction

    kind = ModerationAction.Kind.APPROVE
    post = factory.SubFactory(PostFactory)
    topic = factory.SelfAttribute("post.topic")
    member = factory.SelfAttribute("post.author")
    reason = "Fine."
