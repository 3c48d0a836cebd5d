"""E-module pages for tests: the least of the Learn index and a module, under the site root by
default (home's and the engagement dashboard's tests use them)."""

import factory
import wagtail_factories

from literacy.modules.models import Certificate, ModuleIndexPage, ModulePage
from tests.factories import UserFactory
from tests.pages import site_root


class ModuleIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ModuleIndexPage

    parent = factory.LazyFunction(site_root)
    title = "Learn"
    slug = "learn"
    basic_definition = "Statistics are numbers that describe a group."
    intermediate_definition = "Statistics summarise data collected about a population."
    advanced_definition = "Statistics estimate properties of a population from observed data."


class ModulePageFactory(wagtail_factories.PageFactory):
    """An e-module with no checks or lessons; ``parent`` defaults to a new module index."""

    class Meta:
        model = ModulePage

    parent = factory.SubFactory(ModuleIndexPageFactory)
    title = factory.Sequence(lambda n: f"Module {n}")
    summary = "What an average is, and when the median tells you more."
    objectives = "Tell the mean from the median."


class CertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certificate

    user = factory.SubFactory(UserFactory)
    module = factory.SubFactory(ModulePageFactory)
    name = "Rita Reporter"
    module_title = factory.SelfAttribute("module.title")
    tier = factory.SelfAttribute("module.tier")
    score = 90
