"""Demo content for the stories app: the story index, data stories, infographics and the glossary.

Called by ``manage.py load_demo`` through :func:`load_stories_demo`. The content lives in
``demo_content/``: contacts and glossary terms as CSV, each story in a folder of its own (its
fields in ``page.json``, its body in ``body.md``, its charts' data as CSV, its picture as
``image.png``). Like the rest of the demo loader it is idempotent: anything that already exists
(found by slug, email or title) is left exactly as it is. Every figure describes a fictional
country and every source ends with "(demo)".

Charts are checked with the chart block's own validation before anything is saved: the loader
refuses to write a chart that an editor could not save.
"""

import datetime

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Page

from datasets.figures import find_indicator
from portal.core import charts
from portal.core.charts.blocks import ChartBlock, spec_from_value
from portal.core.demo import PLACEHOLDER_MODEL, DemoFiles

from .models import (
    ContactPerson,
    DataStoryPage,
    GlossaryPage,
    GlossaryTerm,
    StoryCorrection,
    StoryFormat,
    StoryIndexPage,
)

CONTENT = DemoFiles(__file__)


def story_specs(group):
    """The stories (or infographics) of ``pages.json``, each read from its folder."""
    return [story_spec(slug) for slug in CONTENT.json("pages.json")[group]]


def story_spec(slug):
    spec = CONTENT.json(f"stories/{slug}/page.json")
    for field in ("release_date", "next_release_date"):
        spec[field] = datetime.date.fromisoformat(spec[field])
    for field in ("published", "updated"):
        if field in spec:
            spec[field] = datetime.datetime.fromisoformat(spec[field])
    spec["corrections"] = [
        (datetime.date.fromisoformat(date), text) for date, text in spec.get("corrections", [])
    ]
    spec["body"] = CONTENT.blocks(f"stories/{slug}/body.md")
    spec["image"] = f"stories/{slug}/image.png"
    if CONTENT.path(f"stories/{slug}/long-description.md").exists():
        spec["long_description"] = CONTENT.html(f"stories/{slug}/long-description.md")
    return spec


def load_stories_demo(home, created):
    """Create whatever of the stories demo is missing; ``created`` gets a name for each thing made."""
    contacts = ensure_contacts(created)
    glossary = ensure_glossary_terms(created)
    ensure_glossary_page(home, created)
    index, index_created, hero_at_placeholder = ensure_story_index(home, created)
    if index is None:
        return
    first_story = None
    for spec in story_specs("stories"):
        story = ensure_story(index, spec, contacts, glossary, created)
        first_story = first_story or story
    for spec in story_specs("infographics"):
        ensure_story(index, spec, contacts, glossary, created, infographic=True)
    if index_created:
        point_home_at_stories(home, index, hero_at_placeholder, first_story)


def ensure_contacts(created):
    contacts = {}
    for row in CONTENT.rows("contacts.csv"):
        key, name = row.pop("key"), row["name"]
        person = ContactPerson.objects.filter(email__iexact=row["email"]).first()
        if person is None:
            person = ContactPerson.objects.create(**row)
            created.append(f"contact {name}")
        contacts[key] = person
    return contacts


def ensure_glossary_terms(created):
    glossary = {}
    for row in CONTENT.rows("glossary.csv"):
        name, level, definition = row["term"], row["level"], row["definition"]
        slug = slugify(name)[:100]
        term = (
            GlossaryTerm.objects.filter(slug=slug).first()
            or GlossaryTerm.objects.filter(term__iexact=name).first()
        )
        if term is None:
            term = GlossaryTerm.objects.create(term=name, slug=slug, definition=definition, level=level)
            created.append(f"glossary term {slug}")
        glossary[slug] = term
    return glossary


def ensure_glossary_page(home, created):
    if GlossaryPage.objects.exists() or home.get_children().filter(slug="glossary").exists():
        return
    page = GlossaryPage(
        title="Glossary",
        slug="glossary",
        intro=CONTENT.json("pages.json")["glossary_intro"],
        show_in_menus=False,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    created.append("glossary")


def ensure_story_index(home, created):
    """The story index, whether it was made now, and whether the home page's hero button led to
    the placeholder it replaced.

    The index is made only when there is none: in place of the section's placeholder (a plain
    page at /stories/ with no children), or new if there is no page there. Any other page at
    /stories/ is left as it is, and then there is no index (``None``).
    """
    index = StoryIndexPage.objects.filter(locale_id=home.locale_id).first()  # in English, not a translation
    if index is not None:
        return index, False, False
    placeholder = home.get_children().filter(slug="stories").first()
    hero_at_placeholder = False
    if placeholder is not None:
        if (
            placeholder.specific_class is not apps.get_model(PLACEHOLDER_MODEL)
            or placeholder.get_children_count()
        ):
            return None, False, False
        hero_at_placeholder = type(home).objects.filter(pk=home.pk, hero_link=placeholder.pk).exists()
        placeholder.delete()
    home = Page.objects.get(pk=home.pk)
    index = StoryIndexPage(
        title="Stories", slug="stories", intro=CONTENT.json("pages.json")["index_intro"], show_in_menus=True
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    index.move(home, pos="first-child")
    created.append("stories (story index)")
    return StoryIndexPage.objects.get(pk=index.pk), True, hero_at_placeholder


def point_home_at_stories(home, index, hero_at_placeholder, featured):
    """Only when the index is made: the hero button leads to it instead of the placeholder it
    replaced, and a story is featured if none is."""
    home = type(home).objects.get(pk=home.pk)
    changed = False
    if hero_at_placeholder and home.hero_link_id is None:  # the placeholder's deletion cleared it
        home.hero_link = index
        changed = True
    if home.featured_story_id is None and featured is not None:
        home.featured_story = featured
        changed = True
    if changed:
        home.save_revision().publish()


def ensure_story(index, spec, contacts, glossary, created, infographic=False):
    existing = index.get_children().filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing
    body = [resolve_block(block, glossary) for block in spec["body"]]
    for block_type, value in body:
        if block_type == "chart":
            check_chart(spec["slug"], value)
        if block_type == "data_chart":
            check_data_chart(spec["slug"], value)
    story = DataStoryPage(
        title=spec["title"],
        slug=spec["slug"],
        format=StoryFormat.INFOGRAPHIC if infographic else StoryFormat.STORY,
        standfirst=spec["standfirst"],
        search_description=spec["standfirst"],
        literacy_level=spec["literacy_level"],
        source_name=spec["source_name"],
        source_url=spec["source_url"],
        release_date=spec["release_date"],
        next_release_date=spec["next_release_date"],
        methodology_url=spec["methodology_url"],
        contact=contacts[spec["contact"]],
        body=body,
    )
    if infographic:
        story.image = ensure_image(f"Infographic: {spec['title']}", spec, f"{spec['slug']}.png")
        story.long_description = spec["long_description"]
    else:
        story.image = ensure_image(f"Story card: {spec['title']}", spec, f"card-{spec['slug']}.png")
    story.corrections = [StoryCorrection(date=date, text=text) for date, text in spec["corrections"]]
    index.add_child(instance=story)
    story.topics.add(*spec["topics"])
    revision = story.save_revision()
    revision.publish()
    published = spec["published"]
    updated = spec.get("updated", published)
    Page.objects.filter(pk=story.pk).update(
        first_published_at=published, last_published_at=updated, latest_revision_created_at=updated
    )
    type(revision).objects.filter(pk=revision.pk).update(created_at=updated)
    created.append(spec["slug"])
    return story


def resolve_block(block, glossary):
    block_type, value = block
    if block_type == "glossary_terms":
        value = {**value, "terms": [glossary[slug] for slug in value["terms"]]}
    if block_type == "data_chart":
        value = {**value, "indicator": data_indicator(value["indicator"])}
    return block_type, value


def data_indicator(reference):
    """The indicator named ``dataset-slug/CODE`` (the data layer's demo loads first)."""
    slug, _, code = reference.partition("/")
    indicator = find_indicator(slug, code)
    if indicator is None:
        raise ValueError(f"Demo story chart: no indicator {reference!r} in the data layer")
    return indicator


def check_data_chart(slug, value):
    """A chart from the data layer is checked by its own block, as when an editor saves it."""
    block = DataStoryPage.body.field.stream_block.child_blocks["data_chart"]
    try:
        block.clean(block.to_python({**value, "indicator": value["indicator"].pk}))
    except ValidationError as error:
        raise ValueError(f"Demo story {slug!r}: chart {value['title']!r} is not valid: {error}") from error


def check_chart(slug, value):
    """Refuse a chart an editor could not save: data that does not parse, or a dishonest chart."""
    try:
        ChartBlock().clean(value)
        charts.validate_spec(spec_from_value(value))
    except ValidationError as error:  # (StructBlockValidationError is one too)
        raise ValueError(f"Demo story {slug!r}: chart {value['title']!r} is not valid: {error}") from error


def ensure_image(title, spec, filename):
    """The story's picture (an infographic, or a card with its key figure), found by title."""
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, description=spec["image_alt"])
        with CONTENT.path(spec["image"]).open("rb") as picture:
            image.file = ImageFile(picture, name=filename)
            image.save()
    return image
