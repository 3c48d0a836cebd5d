"""Pages for the tests of apps that link to or count other apps' pages (newsletters, feedback,
engagement): where a page hangs by default, publishing as an editor does, and the least of a
data story, an editorial page, a training session, an e-module, a competition and a forum.

Stories, training, modules, competitions and forums build their own content fully in their
tests/factories.py; the stand-ins here carry only the fields that these tests read or the
database requires.
"""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Site

from forums.models import Forum
from home.models import StandardPage
from literacy.competitions.models import CompetitionPage
from literacy.modules.models import ModuleIndexPage, ModulePage
from literacy.training.models import TrainingIndexPage, TrainingSessionPage
from stories.models import DataStoryPage, StoryIndexPage

PRICES_CSV = "Month,Annual rate (%)\nJul 2026,2.9\nAug 2026,2.8\nSep 2026,2.7\nOct 2026,2.4\n"


def chart_block(title="Inflation, annual rate", chart_type="line", data=PRICES_CSV, **extra):
    """A chart as a story's body holds it: (block name, value)."""
    return (
        "chart",
        {
            "title": title,
            "chart_type": chart_type,
            "data": data,
            "x_label": extra.get("x_label", "Month"),
            "y_label": extra.get("y_label", "Annual rate"),
            "unit": extra.get("unit", "%"),
            "summary": extra.get("summary", "Inflation fell for the third month in a row."),
            "source": extra.get("source", "Consumer price index"),
            "notes": extra.get("notes", ""),
        },
    )


def site_root():
    """The default site's root page (see the ``home_page`` fixture): pages hang here by default."""
    return Site.objects.get(is_default_site=True).root_page


def publish(page, create, extracted, **kwargs):
    """Publish through a revision, as an editor does, so that the page has a first publication
    date and a live revision, and what reacts to publishing (cache purges, charts drawn ahead,
    the reference index) runs; the instance is reloaded to show them. A page made with
    ``live=False`` gets a draft revision instead. Declare it after a factory's other
    post-generation steps, so that what they add (tags) is published too."""
    if create:
        revision = page.save_revision()
        if page.live:
            revision.publish()
            page.refresh_from_db()


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    parent = factory.LazyFunction(site_root)
    title = "About this site"
    slug = "about"
    intro = "Who we are and what this site is for."


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StoryIndexPage

    parent = factory.LazyFunction(site_root)
    title = "Stories"
    slug = "stories"


class DataStoryPageFactory(wagtail_factories.PageFactory):
    """A published story on prices with one line chart; ``parent`` defaults to a new story index."""

    class Meta:
        model = DataStoryPage
        skip_postgeneration_save = True

    parent = factory.SubFactory(StoryIndexPageFactory)
    title = factory.Sequence(lambda n: f"Inflation eases for the {n}th month")
    standfirst = "Prices rose more slowly in October."
    source_name = "Consumer price index"
    release_date = datetime.date(2026, 11, 12)
    body = factory.LazyFunction(lambda: [chart_block()])
    published = factory.PostGeneration(publish)


class TrainingIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TrainingIndexPage

    parent = factory.LazyFunction(site_root)
    title = "Training"
    slug = "training"


class TrainingSessionPageFactory(wagtail_factories.PageFactory):
    """A published session a week from now; ``parent`` defaults to a new training index."""

    class Meta:
        model = TrainingSessionPage
        skip_postgeneration_save = True

    parent = factory.SubFactory(TrainingIndexPageFactory)
    title = "Reading inflation figures"
    summary = "How the consumer price index is made and what it can tell a reporter."
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    venue_name = "Statistics House"
    address = "1 Census Street"
    trainer_name = "Mara Ilić"
    published = factory.PostGeneration(publish)


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


class CompetitionPageFactory(wagtail_factories.PageFactory):
    """A competition open from January to June 2026."""

    class Meta:
        model = CompetitionPage

    parent = factory.LazyFunction(site_root)
    title = factory.Sequence(lambda n: f"Competition {n}")
    summary = "Make a chart of your town's figures."
    audience = "Secondary school students"
    rules = "<p>One entry each.</p>"
    opens_at = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    closes_at = datetime.datetime(2026, 6, 30, tzinfo=datetime.UTC)
    winners_announced_at = datetime.datetime(2026, 7, 15, tzinfo=datetime.UTC)


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Forum

    title = factory.Sequence(lambda n: f"Forum {n}")
    slug = factory.Sequence(lambda n: f"forum-{n}")
    description = "Questions and answers about the figures."
    rules = "<p>Be kind.</p>"
