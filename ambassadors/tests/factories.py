"""The programme page, toolkits, applications, share links and their events, for tests."""

import factory
import wagtail_factories

from ambassadors.models import (
    AmbassadorProgrammePage,
    Application,
    ApplicationEvent,
    CampaignToolkitPage,
    Role,
    ShareEvent,
    ShareLink,
)
from home.tests.factories import StandardPageFactory
from tests.pages import publish, site_root


class AmbassadorProgrammePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AmbassadorProgrammePage
        skip_postgeneration_save = True

    parent = factory.LazyFunction(site_root)
    title = "Become an ambassador"
    slug = "ambassadors"
    intro = "Share our figures with the people who follow you."
    published = factory.PostGeneration(publish)


class CampaignToolkitPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CampaignToolkitPage
        skip_postgeneration_save = True

    parent = factory.SubFactory(AmbassadorProgrammePageFactory)
    title = factory.Sequence(lambda n: f"Census week toolkit {n}")
    slug = factory.Sequence(lambda n: f"census-week-{n}")
    intro = "Everything to share during census week."
    published = factory.PostGeneration(publish)


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    name = "Tess Teacher"
    email = factory.Sequence(lambda n: f"ambassador{n}@example.org")
    role = Role.TEACHER
    organisation = "Riverside School"
    channels = "My classes, 120 students a year."
    motivation = "I want my students to read figures well."


class ApprovedAmbassadorFactory(ApplicationFactory):
    status = Application.Status.APPROVED


class ApplicationEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicationEvent

    application = factory.SubFactory(ApplicationFactory)
    status = Application.Status.APPLIED


class SharedPageFactory(StandardPageFactory):
    """A public page an ambassador shares."""

    title = factory.Sequence(lambda n: f"How prices rose {n}")
    slug = factory.Sequence(lambda n: f"how-prices-rose-{n}")


class ShareLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShareLink

    ambassador = factory.SubFactory(ApprovedAmbassadorFactory)
    page = factory.SubFactory(SharedPageFactory)


class ShareEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShareEvent

    link = factory.SubFactory(ShareLinkFactory)
    kind = ShareEvent.Kind.VISIT
