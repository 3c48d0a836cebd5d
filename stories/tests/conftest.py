import datetime

import pytest
from wagtail.models import Page

from stories.models import ContactPerson, DataStoryPage, StoryIndexPage

PRICES_CSV = "Month,Annual rate (%)\nJul 2026,2.9\nAug 2026,2.8\nSep 2026,2.7\nOct 2026,2.4\n"


def chart_block(title="Inflation, annual rate", chart_type="line", data=PRICES_CSV, **extra):
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


@pytest.fixture
def story_index(demo_site):
    index = StoryIndexPage.objects.first()
    if index is None:
        stories_page = Page.objects.get(slug="stories")
        stories_page.delete()
        index = StoryIndexPage(title="Stories", slug="stories", intro="Data stories.", show_in_menus=True)
        demo_site.add_child(instance=index)
        index.save_revision().publish()
    # Start from an empty index: these tests count and filter the stories they make.
    for story in index.get_children():
        story.delete()
    return index


@pytest.fixture
def contact_person(db):
    return ContactPerson.objects.create(
        name="Mara Ilić", role="Head of Prices", email="prices@statistics.example"
    )


@pytest.fixture
def make_story(story_index, contact_person):
    def make(title="Prices rise more slowly", *, topics=("prices",), body=None, publish=True, **fields):
        slug = fields.pop("slug", None) or f"story-{story_index.get_children().count() + 1}"
        story = DataStoryPage(
            title=title,
            slug=slug,
            standfirst=fields.pop("standfirst", "Inflation eased to 2.4% in October."),
            source_name=fields.pop("source_name", "Consumer price index, October 2026"),
            release_date=fields.pop("release_date", datetime.date(2026, 11, 12)),
            contact=contact_person,
            body=body if body is not None else [chart_block()],
            live=publish,
            **fields,
        )
        story_index.add_child(instance=story)
        story.topics.add(*topics)
        revision = story.save_revision()
        if publish:
            revision.publish()
        story.refresh_from_db()
        return story

    return make
