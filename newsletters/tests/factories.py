"""The newsletters' pages, lists, subscribers and sends, for tests."""

import factory
import wagtail_factories
from django.utils import timezone

from newsletters.models import (
    Delivery,
    NewsletterIndexPage,
    NewsletterIssuePage,
    NewsletterList,
    Sending,
    Subscriber,
    Subscription,
)
from portal.contacts.models import TouchpointKind
from portal.contacts.services import ConsentGiven, record_touchpoint
from tests.pages import publish, site_root

CONSENT_WORDING = "I agree."


class NewsletterIndexPageFactory(wagtail_factories.PageFactory):
    """The sign-up page and archive, at /newsletter/."""

    class Meta:
        model = NewsletterIndexPage

    parent = factory.LazyFunction(site_root)
    title = "Newsletter"
    slug = "newsletter"
    intro = "The month's new figures in your inbox."


class NewsletterListFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsletterList
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"List {n}")
    description = "News from the statistics office."


class NewsletterIssuePageFactory(wagtail_factories.PageFactory):
    """A published issue for the ``lists`` given, under the site's one sign-up page."""

    class Meta:
        model = NewsletterIssuePage
        skip_postgeneration_save = True

    parent = factory.LazyFunction(lambda: NewsletterIndexPage.objects.get())
    title = factory.Sequence(lambda n: f"Test issue {n}")
    intro = '<p>Hello <a href="/en/stories/">readers</a>.</p>'
    show_training = False

    @factory.post_generation
    def lists(self, create, extracted, **kwargs):
        self.lists.set(extracted or ())

    published = factory.PostGeneration(publish)


class SendingFactory(factory.django.DjangoModelFactory):
    """An issue's send, due now, to the issue's lists: ``SendingFactory(issue__lists=[...])``."""

    class Meta:
        model = Sending
        skip_postgeneration_save = True

    issue = factory.SubFactory(NewsletterIssuePageFactory)
    scheduled_for = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def lists(self, create, extracted, **kwargs):
        self.lists.set(extracted if extracted is not None else self.issue.lists.all())


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber of the ``lists`` given, in the user database with their consent:
    ``SubscriberFactory(email=..., user_group="media", lists=[...])``."""

    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    class Params:
        email = factory.Sequence(lambda n: f"reader{n}@example.org")
        user_group = ""

    contact = factory.LazyAttribute(
        lambda params: record_touchpoint(
            params.email,
            kind=TouchpointKind.NEWSLETTER_SIGNUP,
            consent=ConsentGiven("newsletter", CONSENT_WORDING),
            user_group=params.user_group,
        )
    )

    @factory.post_generation
    def lists(self, create, extracted, **kwargs):
        Subscription.objects.bulk_create(
            Subscription(subscriber=self, newsletter_list=item) for item in extracted or ()
        )


class DeliveryFactory(factory.django.DjangoModelFactory):
    """One send of an issue to one subscriber's contact."""

    class Meta:
        model = Delivery

    sending = factory.SubFactory(SendingFactory)
    contact = factory.LazyAttribute(lambda delivery: SubscriberFactory().contact)
