"""The one test that uses the demo content: load it, check what it builds, crawl the site.

The demo is loaded once, in one test. Each ``check_*`` function looks at one app's part of it;
the checks that change the site (an editor's edit, a deleted page) run last, each rolled back
so that the next one starts from the demo as loaded.
"""

import io
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageLogEntry, ReferenceIndex, Revision, Site

from datasets.diff import diff_versions
from datasets.models import Code, Dataset, Release
from home.models import HomePage, SiteSettings, StandardPage
from literacy.competitions.models import CompetitionPage, Entry
from literacy.games.models import (
    AreaGuess,
    AreaQuizPage,
    GamesIndexPage,
    GuessAnswer,
    GuessTheNumberPage,
    HigherOrLowerPage,
    LeaderboardEntry,
    TimedQuizPage,
)
from literacy.modules.models import LessonPage, ModuleIndexPage, ModulePage
from literacy.modules.questions import questions_in
from literacy.modules.tests.module_helpers import complete_module
from literacy.training.models import (
    Registration,
    SessionFeedback,
    SessionMaterial,
    TrainingIndexPage,
    TrainingSessionPage,
)
from newsletters.models import NewsletterIndexPage, NewsletterIssuePage, NewsletterList, Sending, Subscriber
from portal.contacts.models import Consent, Contact, Touchpoint
from portal.core import charts
from portal.core.charts.blocks import ChartBlock, spec_from_value
from portal.core.vocabularies import Tier, UserGroup
from stories.demo import CONTENT as STORIES_CONTENT
from stories.demo import story_specs
from stories.models import (
    ContactPerson,
    DataStoryPage,
    GlossaryPage,
    GlossaryTerm,
    StoryCorrection,
    StoryIndexPage,
)
from tests.crawl import crawl, pattern, read_summary, summary
from tests.html_validator import validate
from tests.pdf import PdfObjects

# The demo's main menu, in order (the browser tests check it on the page too).
DEMO_MENU = [
    "Stories",
    "Learn",
    "Games & competitions",
    "Training",
    "Forums",
    "Newsletter",
    "Setting the record straight",
]

RECORDED = Path(__file__).with_name("demo_urls.txt")
TOPICS = {"population", "prices", "jobs", "education", "health", "environment"}
COUNTED = [
    Page,
    Revision,
    PageLogEntry,
    GlossaryTerm,
    ContactPerson,
    StoryCorrection,
    Tag,
    get_image_model(),
    get_document_model(),
    Registration,
    SessionFeedback,
    SessionMaterial,
    Contact,
    Touchpoint,
    Consent,
    GuessAnswer,
    AreaGuess,
    LeaderboardEntry,
    Entry,
    NewsletterList,
    Sending,
    Subscriber,
]


def english(model):
    """The demo's pages in the site's default language: some have French and Arabic translations
    with the same slugs (home/tests/test_load_demo_translations.py checks those)."""
    return model.objects.filter(locale=Locale.get_default())


def load(*args):
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def snapshot():
    settings = SiteSettings.load()
    site = Site.objects.get(is_default_site=True)
    return {
        "counts": {model.__name__: model.objects.count() for model in COUNTED},
        "pages": sorted(Page.objects.values_list("url_path", "title", "live", "latest_revision_id")),
        "stories": sorted(english(DataStoryPage).values_list("slug", "first_published_at", "image_id")),
        "home": english(HomePage)
        .values_list("latest_revision_id", "hero_link_id", "featured_story_id")
        .get(),
        "site": (site.hostname, site.port, site.site_name, site.root_page_id),
        "settings": (settings.site_notice, settings.about_page_id, settings.newsletter_page_id),
    }


@contextmanager
def rolled_back():
    """Changes made inside are undone on leaving."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def demo_stories():
    slugs = [spec["slug"] for spec in story_specs("stories") + story_specs("infographics")]
    return english(DataStoryPage).live().filter(slug__in=slugs)


@pytest.fixture
def fresh_install(db):
    """The database as Wagtail's migrations leave it, with their welcome page as the site's root:
    not the home page that each test database otherwise starts with (conftest.django_db_setup)."""
    for home in HomePage.objects.all():
        home.delete()
    SiteSettings.objects.all().delete()
    welcome = Page.get_first_root_node().add_child(
        instance=Page(title="Welcome to your new Wagtail site!", slug="home", live=True)
    )
    Site.objects.create(hostname="localhost", port=80, root_page=welcome, is_default_site=True)


def test_the_demo_loads_and_every_address_answers_as_recorded(client, fresh_install, settings):
    load()
    before = snapshot()
    assert "nothing changed" in load(), "a second run reports nothing made"
    assert snapshot() == before, "a second run changes nothing"

    statuses = crawl(client)
    found = summary(statuses)

    recorded = read_summary(RECORDED.read_text().splitlines())
    assert not [key for key in found if key[0] >= 500], "no address may fail"
    missing = {key: count for key, count in recorded.items() if found.get(key) != count}
    extra = {key: count for key, count in found.items() if key not in recorded}
    assert not missing and not extra, f"changed: {missing}; new: {extra}"

    home = english(HomePage).get()
    check_site_tree(home)
    check_stories(client, home)
    check_glossary(client)
    check_data(client)
    check_modules(client)
    check_games(client)
    check_competitions(client, settings)
    check_training()
    check_newsletters()
    check_the_loader_restores_and_respects(home)
    check_html_is_valid(client, statuses)


def check_site_tree(home):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == home and site.site_name == "Portal", "the demo home is the site's root"
    sections = list(home.get_children().live().in_menu().values_list("title", flat=True))
    assert sections == DEMO_MENU
    settings = SiteSettings.load()
    assert settings.privacy_page.title == "Privacy notice", "the settings point at the standing pages"
    assert settings.accessibility_page.title == "Accessibility statement"
    assert "Demonstration site" in settings.site_notice
    assert len(home.key_figures) == 4, "four key figures on the home page"
    assert all("(demo)" in block.value["source"] for block in home.key_figures)
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


def check_stories(client, home):
    index = english(StoryIndexPage).get()
    assert index.url == "/en/stories/" and index.get_parent().pk == home.pk
    assert home.get_children().live().in_menu().first().pk == index.pk, "stories come first in the menu"
    assert not english(StandardPage).filter(slug="stories").exists(), "the placeholder is gone"
    assert home.hero_link_id == index.pk, "the hero button leads to the stories"
    assert home.featured_story.specific.slug == story_specs("stories")[0]["slug"]

    stories = demo_stories().filter(format="story")
    assert stories.count() >= 8
    topics = set(
        Tag.objects.filter(stories_storytopic_items__content_object__in=stories).values_list(
            "name", flat=True
        )
    )
    assert len(topics) >= 5 and topics <= TOPICS, f"story topics: {topics}"
    assert set(stories.values_list("literacy_level", flat=True)) == set(Tier.values)
    for story in stories:
        assert story.contact is not None, story.slug
        assert story.source_name.endswith("(demo)"), story.slug
        assert story.source_url.startswith("https://statistics.example/"), story.slug
        assert story.methodology_url.startswith("https://statistics.example/"), story.slug
        assert story.next_release_date > story.release_date, story.slug
        types = [block.block_type for block in story.body]
        assert "key_figure" in types and 2 <= types.count("paragraph") <= 4, story.slug
        assert 1 <= types.count("chart") + types.count("data_chart") <= 2, story.slug
        sourced = [block.value for block in story.body if block.block_type in ("chart", "key_figure")]
        assert all(value["source"].endswith("(demo)") for value in sourced), story.slug
        response = client.get(story.url)
        assert story.title.replace("'", "&#x27;") in response.text, story.url
    kinds = [
        block.value["chart_type"]
        for story in stories
        for block in story.body
        if block.block_type in ("chart", "data_chart")
    ]
    assert {"line", "bar", "stacked_bar", "pie", "table"} <= set(kinds), "every kind of chart"
    assert kinds.count("pie") == 1, "one honest pie"
    dates = sorted(demo_stories().values_list("first_published_at", flat=True))
    assert (dates[-1] - dates[0]).days >= 90 and len({date.month for date in dates}) >= 5, (
        "spread over months"
    )

    checked = 0
    for story in demo_stories():
        for block in story.body:
            if block.block_type == "chart":
                ChartBlock().clean(block.value)
                charts.validate_spec(spec_from_value(block.value))
                checked += 1
            if block.block_type == "data_chart":
                block.block.clean(block.value)
                checked += 1
    assert checked >= 20, "every demo chart validates"

    infographics = demo_stories().filter(format="infographic")
    assert infographics.count() == 4
    for story in infographics:
        assert story.image.description, story.slug
        assert (story.image.width, story.image.height) == (1600, 900), story.slug
        assert "(demo)" in story.long_description, story.slug
        story.full_clean()
    listing = client.get("/en/stories/infographics/").text
    assert all(spec["title"] in listing for spec in story_specs("infographics"))
    assert "Inflation eases to 2.4% in October" in client.get("/en/stories/").text

    office = ContactPerson.objects.filter(email__endswith="@statistics.example")
    assert office.count() >= 3, "three contacts at the statistics office"
    correction = StoryCorrection.objects.select_related("page").get(
        page__slug="unemployment-unchanged-at-4-1-percent"
    )
    story = correction.page
    assert "12.8%" in correction.text
    charted = {
        label: values[0]
        for block in story.body
        if block.block_type == "chart" and block.value["title"].startswith("Unemployment rate by age")
        for label, values in spec_from_value(block.value).data.rows
    }
    assert charted["15 to 24"] == 12.8, "the corrected story charts the corrected figure"
    text = " ".join(str(block.value) for block in story.body if block.block_type == "paragraph")
    assert "12.8%" in text and "13.8%" not in text
    assert story.last_published_at.date() == correction.date
    assert "Unemployment unchanged at 4.1%" in client.get("/en/stories/corrections/").text


def check_data(client):
    """The Norland demonstration data: labelled, imported, released, revised, charted by stories."""
    datasets = Dataset.objects.filter(slug__startswith="norland-")
    assert datasets.count() == 4
    for dataset in datasets:
        assert "demonstration data" in dataset.title and "Norland" in dataset.summary, dataset.slug
        assert dataset.methodology_page.slug == "demo-data" and dataset.contact_email, dataset.slug
        assert dataset.current_version() is not None, dataset.slug
    areas = Code.objects.filter(code_list__slug="norland-areas")
    assert areas.filter(parent=None).count() == 1 and areas.filter(parent__parent=None).count() == 5
    assert areas.count() == 45, "the country, 4 regions, 40 municipalities"
    prices = datasets.get(slug="norland-consumer-prices")
    first, second = prices.versions.order_by("number")
    assert diff_versions(first, second).changed, "the newer CPI version revises the last months"
    releases = Release.objects.filter(dataset__in=datasets)
    assert releases.filter(status="published").count() == 5
    assert releases.filter(status="confirmed", announced_at__gt=timezone.now()).exists()
    assert releases.filter(status="provisional", announced_at__gt=timezone.now()).exists()
    story = client.get("/en/stories/inflation-eases-to-2-4-percent-in-october/").text
    source = "Consumer price index (demonstration data)</a>, version 2"
    assert source in story, "the chart reads the data layer"
    home = client.get("/en/").text
    assert "Latest releases" in home and "Consumer price index, October 2026" in home
    finder = client.get("/en/data/?q=unemployment").text
    assert "Unemployment by region (demonstration data)" in finder


def check_glossary(client):
    assert GlossaryPage.objects.live().get().url == "/en/glossary/"
    assert not GlossaryPage.objects.get().show_in_menus
    assert GlossaryTerm.objects.count() == len(STORIES_CONTENT.rows("glossary.csv")) == 20
    assert set(GlossaryTerm.objects.values_list("level", flat=True)) == set(Tier.values)
    assert all(10 < len(term.definition) <= 1000 for term in GlossaryTerm.objects.all())
    cited = {
        term.pk
        for story in demo_stories()
        for block in story.body
        if block.block_type == "glossary_terms"
        for term in block.value["terms"]
    }
    assert len(cited) >= 10, "the stories cite the glossary"
    assert ReferenceIndex.get_references_to(GlossaryTerm.objects.get(slug="median")).exists()
    listing = client.get("/en/glossary/").text
    assert all(term.term in listing for term in GlossaryTerm.objects.all())


def check_modules(client):
    index = english(ModuleIndexPage).get()
    assert index.slug == "learn" and index.show_in_menus
    assert "survey, a census or administrative records" in index.basic_definition
    assert "sampling and non-sampling errors" in index.advanced_definition
    modules = list(english(ModulePage).live())
    tiers = sorted(module.tier for module in modules)
    assert tiers == ["advanced"] * 3 + ["basic"] * 3 + ["intermediate"] * 3, "nine modules, three per tier"
    for module in modules:
        lessons = [lesson.specific for lesson in module.lessons()]
        assert 3 <= len(lessons) <= 5, module.title
        count = len(questions_in(module.pre_check)) + len(questions_in(module.post_check))
        count += sum(len(questions_in(lesson.body)) for lesson in lessons)
        assert count >= 8, module.title
        assert module.teacher_resources and module.objective_list(), module.title
    for page in Page.objects.type(ModuleIndexPage, ModulePage, LessonPage).live():
        assert "This chart cannot be shown" not in client.get(page.url).content.decode(), page.url
    misleading = english(ModulePage).get(slug="spotting-misleading-charts-and-claims")
    assert sorted(misleading.prerequisites.values_list("slug", flat=True)) == [
        "correlation-and-causation",
        "reading-a-charts-axes",
    ]
    with rolled_back():
        census = english(ModulePage).get(slug="what-a-census-is")
        complete_module(client, census)
        assert client.get(census.url).context["state"].completed, "a demo module can be completed"


def check_games(client):
    for model in (GuessTheNumberPage, HigherOrLowerPage, TimedQuizPage):
        game = model.objects.get()
        assert game.live and game.get_parent().specific_class is GamesIndexPage, model.__name__
        questions = list(game.questions.select_related("source_page"))
        assert len(questions) >= 10, model.__name__
        for question in questions:
            assert "(demo)" in question.source, question.prompt
            assert question.source_page is not None and question.source_page.url.startswith("/en/stories/")
            question.full_clean(exclude=["page"])
    assert GuessAnswer.objects.filter(question__page=GuessTheNumberPage.objects.get()).count() >= 600
    assert LeaderboardEntry.objects.exists()
    assert client.get(f"{GuessTheNumberPage.objects.get().url}question/1/").status_code == 200
    area_quiz = AreaQuizPage.objects.get()
    assert area_quiz.live and area_quiz.indicator.dataset.slug == "norland-population"
    assert AreaGuess.objects.filter(page=area_quiz).count() >= 400
    assert "<optgroup" in client.get(area_quiz.url).content.decode(), "municipalities grouped by region"


def check_competitions(client, settings):
    del settings.COMPETITION_ENTRY_ROOT  # the demo's files are where the demo loader put them
    index = english(GamesIndexPage).get()
    competitions = {page.slug: page for page in CompetitionPage.objects.child_of(index).live()}
    open_one = competitions["school-data-use-competition-2027"]
    finished = competitions["infographic-competition-2026"]
    now = timezone.now()
    assert open_one.is_open(now) and not finished.is_open(now)
    assert (open_one.criteria.count(), open_one.categories.count()) == (4, 2)
    assert finished.results_published
    winners = finished.entries.filter(place__isnull=False).order_by("place")
    assert [entry.place for entry in winners] == [1, 2, 3]
    assert all(entry.moderation == Entry.Moderation.ACCEPTED for entry in winners)
    assert finished.entries.filter(moderation=Entry.Moderation.REJECTED).exists()
    gallery = client.get(finished.url + "gallery/").content.decode()
    assert "Nadia K." in gallery and "Jobs map" not in gallery, "the gallery leaves out rejected entries"
    for entry in winners.exclude(file=""):
        assert client.get(finished.url + f"gallery/{entry.pk}/file/").status_code == 200, entry.title


def check_training():
    index = english(TrainingIndexPage).get()
    assert index.url == "/en/training/" and index.show_in_menus
    upcoming = list(TrainingSessionPage.objects.live().filter(starts_at__gt=timezone.now()))
    assert len(upcoming) == 6
    assert sum(session.audience == UserGroup.MEDIA for session in upcoming) == 3
    for session in upcoming:
        session.full_clean()  # an editor could save every one of them as it is
    full = [
        s
        for s in upcoming
        if s.registrations.filter(status=Registration.Status.CONFIRMED).count() == s.capacity
    ]
    assert [session.title for session in full] == [
        "Reading the consumer price index: a two-hour module for the media"
    ]
    assert full[0].registrations.filter(status=Registration.Status.WAITLISTED).exists(), "a waitlist"
    for registration in Registration.objects.select_related("contact"):
        assert registration.contact.email == registration.email
        assert registration.email.endswith("@example.org")
        assert Consent.objects.filter(contact=registration.contact, purpose="training_registration").exists()
    past = list(TrainingSessionPage.objects.live().filter(starts_at__lt=timezone.now()))
    assert len(past) == 2
    for session in past:
        assert session.materials.exists(), session.title
        assert session.registrations.filter(attended=True).exists(), session.title
        assert session.registrations.filter(attended=False).exists(), session.title
        assert SessionFeedback.objects.filter(registration__session=session).exists(), session.title
        # Already thanked, so the follow-up cron does not write to demo people on its first run.
        assert not session.registrations.filter(attended=True, thank_you_sent_at__isnull=True).exists()
    documents = SessionMaterial.objects.filter(session__in=past, document__isnull=False)
    assert documents.exists()
    for material in documents:
        with material.document.file.open("rb") as handout:
            pdf = PdfObjects(handout.read())
        assert pdf.data.startswith(b"%PDF-"), material.title
        catalog = pdf.catalog()  # a tagged PDF, like every PDF the site makes
        assert pdf.entry(catalog, "StructTreeRoot"), material.title
        assert pdf.entry(catalog, "Lang") == "(en-gb)", material.title


def check_newsletters():
    assert NewsletterList.objects.count() == 3
    assert NewsletterList.objects.filter(offered_in_footer=True).count() == 1
    assert sorted(Sending.objects.values_list("status", flat=True)) == ["scheduled", "sent", "sent"]
    assert NewsletterIssuePage.objects.live().count() == 3
    assert Subscriber.objects.count() >= 5
    index = english(NewsletterIndexPage).get()
    assert index.slug == "newsletter" and SiteSettings.load().newsletter_page_id == index.pk


def check_the_loader_restores_and_respects(home):
    """What is missing comes back; what editors changed, and pages that are not the demo's, stay."""
    with rolled_back():
        english(StandardPage).get(slug="contact").delete()
        english(DataStoryPage).get(slug="air-quality-and-asthma").delete()
        home_revision, images = english(HomePage).get().latest_revision_id, get_image_model().objects.count()
        output = load()
        assert "contact" in output and "air-quality-and-asthma" in output, output
        assert english(StandardPage).filter(slug="contact").count() == 1
        assert english(DataStoryPage).filter(slug="air-quality-and-asthma").count() == 1
        assert english(HomePage).get().latest_revision_id == home_revision, "the home page is left alone"
        assert get_image_model().objects.count() == images, "the story's picture is reused"

    with rolled_back():
        about = english(StandardPage).get(slug="about")
        about.title = "Who we are"
        about.save_revision().publish()
        settings = SiteSettings.load()
        settings.site_notice = ""
        settings.save()
        load()
        assert english(StandardPage).get(slug="about").title == "Who we are", "an editor's title stays"
        assert SiteSettings.load().site_notice == "", "an editor's settings stay"

    with rolled_back():
        load("--site-url", "http://127.0.0.1:8000")
        site = Site.objects.get(is_default_site=True)
        assert (site.hostname, site.port) == ("127.0.0.1", 8000)
        assert english(StandardPage).get(slug="about").full_url == "http://127.0.0.1:8000/en/about/"

    with rolled_back():
        english(StoryIndexPage).get().delete()
        placeholder = StandardPage(title="Stories", slug="stories", show_in_menus=True)
        Page.objects.get(pk=home.pk).add_child(instance=placeholder)
        placeholder.save_revision().publish()
        editing = english(HomePage).get()
        editing.hero_link = placeholder
        editing.save_revision().publish()
        load()
        index = english(StoryIndexPage).get()
        reloaded = english(HomePage).get()
        assert reloaded.hero_link_id == index.pk, "the hero follows the index that replaced the placeholder"
        assert reloaded.featured_story.specific.slug == story_specs("stories")[0]["slug"]
        assert reloaded.get_children().live().in_menu().first().pk == index.pk
        assert not Page.objects.filter(pk=placeholder.pk).exists()

    with rolled_back():
        english(StoryIndexPage).get().delete()
        page = StandardPage(title="Our stories", slug="stories", show_in_menus=True)
        Page.objects.get(pk=home.pk).add_child(instance=page)
        page.add_child(instance=StandardPage(title="An editor's page", slug="an-editors-page"))
        load()
        assert not english(StoryIndexPage).exists(), "a stories page with children is left alone"
        assert english(StandardPage).get(slug="stories").title == "Our stories"


def check_html_is_valid(client, statuses):
    """One page of every kind the demo serves passes the Nu HTML Checker with no error."""
    pages = {}
    for path, status in sorted(statuses.items()):
        if status == 200 and pattern(path) not in pages:
            response = client.get(path)
            if response.get("Content-Type", "").startswith("text/html") and not response.streaming:
                pages[pattern(path)] = (path, response.content)
    assert len(pages) > 100, "the crawl reached the demo's page types"
    errors = validate(dict(pages.values()))
    assert not errors, "\n".join(errors)
