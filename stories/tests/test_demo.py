"""The stories demo content: what the session-wide demo load (tests/conftest.py) builds."""

import io

import pytest
from django.core.management import call_command
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision

from home.models import HomePage, StandardPage
from portal.core import charts
from portal.core.charts.blocks import ChartBlock, spec_from_value
from portal.core.vocabularies import Tier
from stories.demo import GLOSSARY_TERMS, INFOGRAPHICS, STORIES
from stories.models import (
    ContactPerson,
    DataStoryPage,
    GlossaryPage,
    GlossaryTerm,
    StoryCorrection,
    StoryIndexPage,
)

pytestmark = pytest.mark.django_db

TOPICS = {"population", "prices", "jobs", "education", "health", "environment"}


def run_loader():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "log_entries": PageLogEntry.objects.count(),
        "stories": sorted(
            DataStoryPage.objects.values_list("slug", "latest_revision_id", "first_published_at", "image_id")
        ),
        "terms": GlossaryTerm.objects.count(),
        "contacts": ContactPerson.objects.count(),
        "corrections": StoryCorrection.objects.count(),
        "images": get_image_model().objects.count(),
        "tags": Tag.objects.count(),
        "home": HomePage.objects.values_list("latest_revision_id", "hero_link_id", "featured_story_id").get(),
    }


def demo_stories():
    return DataStoryPage.objects.live().filter(slug__in=[spec["slug"] for spec in STORIES + INFOGRAPHICS])


def test_one_story_index_at_stories_first_in_the_menu(demo_site):
    index = StoryIndexPage.objects.get()
    assert index.url == "/stories/"
    assert index.get_parent().pk == demo_site.pk
    menu = list(demo_site.get_children().live().in_menu())
    assert menu[0].pk == index.pk
    assert menu[0].title == "Stories"
    assert not StandardPage.objects.filter(slug="stories").exists()


def test_home_page_leads_to_the_stories(demo_site):
    index = StoryIndexPage.objects.get()
    assert demo_site.hero_link_id == index.pk
    assert demo_site.featured_story.specific.slug == STORIES[0]["slug"]


def test_stories_cover_topics_and_levels(demo_site):
    stories = demo_stories().filter(format="story")
    assert stories.count() >= 8
    topics = set(
        Tag.objects.filter(stories_storytopic_items__content_object__in=stories).values_list(
            "name", flat=True
        )
    )
    assert len(topics) >= 5
    assert topics <= TOPICS
    assert set(stories.values_list("literacy_level", flat=True)) == set(Tier.values)
    for story in stories:
        assert story.contact is not None
        assert story.source_name.endswith("(demo)")
        assert story.source_url.startswith("https://statistics.example/")
        assert story.methodology_url.startswith("https://statistics.example/")
        assert story.next_release_date > story.release_date
        types = [block.block_type for block in story.body]
        assert "key_figure" in types
        assert 2 <= types.count("paragraph") <= 4
        assert 1 <= types.count("chart") <= 2
        assert all(
            block.value["source"].endswith("(demo)") for block in story.body if block.block_type == "chart"
        )
        assert story.body[0].value["source"].endswith("(demo)")


def test_chart_types_are_mixed_with_one_honest_pie(demo_site):
    kinds = [
        block.value["chart_type"]
        for story in demo_stories().filter(format="story")
        for block in story.body
        if block.block_type == "chart"
    ]
    assert {"line", "bar", "stacked_bar", "pie", "table"} <= set(kinds)
    assert kinds.count("pie") == 1


def test_stories_are_spread_over_recent_months(demo_site):
    dates = list(demo_stories().order_by("first_published_at").values_list("first_published_at", flat=True))
    assert (dates[-1] - dates[0]).days >= 90
    assert len({date.month for date in dates}) >= 5


def test_four_infographics_with_image_and_long_description(demo_site):
    infographics = demo_stories().filter(format="infographic")
    assert infographics.count() == 4
    for story in infographics:
        assert story.image is not None
        assert story.image.description
        assert (story.image.width, story.image.height) == (1600, 900)
        assert "(demo)" in story.long_description
        story.full_clean()


def test_glossary_has_twenty_tiered_terms(demo_site):
    assert GlossaryPage.objects.live().get().url == "/glossary/"
    assert not GlossaryPage.objects.get().show_in_menus
    assert GlossaryTerm.objects.count() == len(GLOSSARY_TERMS) == 20
    assert set(GlossaryTerm.objects.values_list("level", flat=True)) == set(Tier.values)
    assert all(10 < len(term.definition) <= 1000 for term in GlossaryTerm.objects.all())


def test_glossary_blocks_reference_the_terms(demo_site):
    cited = {
        term.pk
        for story in demo_stories()
        for block in story.body
        if block.block_type == "glossary_terms"
        for term in block.value["terms"]
    }
    assert len(cited) >= 10
    median = GlossaryTerm.objects.get(slug="median")
    assert ReferenceIndex.get_references_to(median).exists()


def test_three_contacts_at_the_statistics_office(demo_site):
    emails = set(ContactPerson.objects.values_list("email", flat=True))
    assert len({email for email in emails if email.endswith("@statistics.example")}) >= 3


def test_a_corrected_story_shows_the_corrected_figure(demo_site):
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
    assert charted["15 to 24"] == 12.8
    text = " ".join(str(block.value) for block in story.body if block.block_type == "paragraph")
    assert "12.8%" in text
    assert "13.8%" not in text
    assert story.last_published_at.date() == correction.date


def test_every_demo_chart_validates(demo_site):
    checked = 0
    for story in demo_stories():
        for block in story.body:
            if block.block_type == "chart":
                ChartBlock().clean(block.value)
                charts.validate_spec(spec_from_value(block.value))
                checked += 1
    assert checked >= 20


def test_story_pages_render(client, demo_site):
    for story in demo_stories():
        response = client.get(story.url)
        assert response.status_code == 200, story.url
        assert story.title.replace("'", "&#x27;") in response.text


def test_listings_render_with_the_demo_stories(client, demo_site):
    response = client.get("/stories/")
    assert response.status_code == 200
    assert "Inflation eases to 2.4% in October" in response.text
    response = client.get("/stories/infographics/")
    assert response.status_code == 200
    for spec in INFOGRAPHICS:
        assert spec["title"] in response.text
    assert client.get("/stories/topic/prices/").status_code == 200
    response = client.get("/stories/corrections/")
    assert response.status_code == 200
    assert "Unemployment unchanged at 4.1%" in response.text


def test_glossary_and_every_term_page_render(client, demo_site):
    response = client.get("/glossary/")
    assert response.status_code == 200
    for term in GlossaryTerm.objects.all():
        assert term.term in response.text
        term_response = client.get(f"/glossary/{term.slug}/")
        assert term_response.status_code == 200, term.slug


def test_running_the_loader_again_changes_nothing(demo_site):
    before = counts()
    output = run_loader()
    assert "nothing changed" in output
    assert counts() == before


def test_missing_story_is_restored_without_touching_the_rest(demo_site):
    DataStoryPage.objects.get(slug="air-quality-and-asthma").delete()
    home_before = HomePage.objects.values_list("latest_revision_id", flat=True).get()
    images_before = get_image_model().objects.count()
    output = run_loader()
    assert "air-quality-and-asthma" in output
    assert DataStoryPage.objects.filter(slug="air-quality-and-asthma").count() == 1
    assert HomePage.objects.values_list("latest_revision_id", flat=True).get() == home_before
    assert get_image_model().objects.count() == images_before  # the card image is reused


def test_an_empty_placeholder_is_replaced_and_the_hero_follows(demo_site):
    StoryIndexPage.objects.get().delete()
    placeholder = StandardPage(title="Stories", slug="stories", show_in_menus=True)
    home = Page.objects.get(pk=demo_site.pk)
    home.add_child(instance=placeholder)
    placeholder.save_revision().publish()
    home = HomePage.objects.get()
    home.hero_link = placeholder
    home.save_revision().publish()
    run_loader()
    index = StoryIndexPage.objects.get()
    home = HomePage.objects.get()
    assert home.hero_link_id == index.pk
    assert home.featured_story.specific.slug == STORIES[0]["slug"]
    assert home.get_children().live().in_menu().first().pk == index.pk
    assert not Page.objects.filter(pk=placeholder.pk).exists()


def test_a_stories_page_with_children_is_left_alone(demo_site):
    StoryIndexPage.objects.get().delete()
    page = StandardPage(title="Our stories", slug="stories", show_in_menus=True)
    Page.objects.get(pk=demo_site.pk).add_child(instance=page)
    page.add_child(instance=StandardPage(title="An editor's page", slug="an-editors-page"))
    run_loader()
    assert not StoryIndexPage.objects.exists()
    assert StandardPage.objects.get(slug="stories").title == "Our stories"
