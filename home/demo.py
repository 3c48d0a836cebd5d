"""What the demo loader does around the apps' own demos: each app's section index page, made in
place of the section's placeholder, and the home page pointed at the stories."""

from wagtail.models import Page

from home.models import StandardPage
from stories import demo as stories_demo
from stories.models import StoryIndexPage


def ensure_section_index(home, index_model, created, *, slug, title, **fields):
    """The app's index page at /<slug>/, made only when there is none of its type.

    It takes the place of the section's placeholder (a plain page at that slug with no children,
    keeping its place in the menu), or is new if there is no page there. Any other page at that
    slug is left alone, and then there is no index: the caller gets None.
    """
    index = index_model.objects.first()
    if index is not None:
        return index
    placeholder = home.get_children().filter(slug=slug).first()
    left_sibling = None
    if placeholder is not None:
        if placeholder.specific_class is not StandardPage or placeholder.get_children_count():
            return None
        left_sibling = placeholder.get_prev_sibling()
        placeholder.delete()
    home = Page.objects.get(pk=home.pk)
    index = index_model(title=title, slug=slug, show_in_menus=True, **fields)
    home.add_child(instance=index)
    index.save_revision().publish()
    if left_sibling is not None:
        index.move(Page.objects.get(pk=left_sibling.pk), pos="right")
    elif placeholder is not None:
        index.move(home, pos="first-child")
    created.append(f"{slug} ({index_model._meta.verbose_name})")
    return index_model.objects.get(pk=index.pk)


def in_section(index_model, load_app_demo, section):
    """An app's demo that fills its section's index page: the loader makes the page (from the
    app's ``section`` fields) and hands it to ``load_app_demo(index, created)``."""

    def load(home, created):
        index = ensure_section_index(home, index_model, created, **section)
        if index is not None:
            load_app_demo(index, created)

    return load


def load_stories_section(home, created):
    """The story index in place of its placeholder, the stories in it, and the home page's hero
    button and featured story pointing at them when the index is new."""
    index, index_created, hero_at_placeholder = ensure_story_index(home, created)
    first_story = stories_demo.load_stories_demo(home, index, created)
    if index_created:
        point_home_at_stories(home, index, hero_at_placeholder, first_story)


def ensure_story_index(home, created):
    """The story index, whether it was made now, and whether the home page's hero button led to
    the placeholder it replaced.

    The index is made only when there is none: in place of the section's placeholder (a plain
    page at /stories/ with no children), or new if there is no page there. Any other page at
    /stories/ is left as it is, and then there is no index (``None``).
    """
    index = StoryIndexPage.objects.first()
    if index is not None:
        return index, False, False
    placeholder = home.get_children().filter(slug="stories").first()
    hero_at_placeholder = False
    if placeholder is not None:
        if placeholder.specific_class is not StandardPage or placeholder.get_children_count():
            return None, False, False
        hero_at_placeholder = type(home).objects.filter(pk=home.pk, hero_link=placeholder.pk).exists()
        placeholder.delete()
    home = Page.objects.get(pk=home.pk)
    index = StoryIndexPage(
        title="Stories", slug="stories", intro=stories_demo.INDEX_INTRO, show_in_menus=True
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
