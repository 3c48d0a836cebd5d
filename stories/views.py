"""The glossary's and the story index's addresses (stories.urls): each view takes the page first.

A data story's chart downloads and embed stay route methods of DataStoryPage (models.py).
"""

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.models import Page, ReferenceIndex

from portal.core.vocabularies import Tier

from .feeds import StoryAtomFeed, StoryRssFeed
from .models import (
    DataStoryPage,
    GlossaryPage,
    StoryCorrection,
    StoryFormat,
    glossary_in_language,
    glossary_term_by_slug,
)

STORIES_PER_PAGE = 12

# The glossary


def glossary(glossary_page, request):
    return glossary_page.render(request, context_overrides={"terms": glossary_in_language()})


def glossary_term(glossary_page, request, slug):
    """The term in the reader's language where translated; stories cite the original."""
    term, original = glossary_term_by_slug(slug)
    if term is None:
        raise Http404
    return glossary_page.render(
        request,
        template="stories/glossary_term.html",
        context_overrides={"term": term, "stories": term_stories(original)},
    )


def term_stories(term, limit=10):
    """Stories that explain this term, found through the glossary block that cites it."""
    references = ReferenceIndex.get_references_to(term).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    page_ids = [int(pk) for pk in references.values_list("object_id", flat=True)]
    return (
        DataStoryPage.objects.live().public().filter(pk__in=page_ids).order_by("-first_published_at")[:limit]
    )


# The story index


def listing(
    index, request, *, topic=None, on_topic_page=False, story_format=None, heading=None, template=None
):
    """Stories under the index, filtered by level and format (and topic), a page at a time."""
    level = request.GET.get("level", "")
    if story_format is None:
        story_format = request.GET.get("format", "")
    # Read when the listing is drawn, not when it comes from the fragment cache (body_cache).
    stories = SimpleLazyObject(
        lambda: Paginator(index.stories(topic, level, story_format), STORIES_PER_PAGE).get_page(
            request.GET.get("page")
        )
    )
    filters = {"level": level if level in Tier.values else "", "format": story_format}
    topics = SimpleLazyObject(lambda: list(index.topics_in_use()))
    return index.render(
        request,
        template=template or "stories/story_index_page.html",
        context_overrides={
            "stories": stories,
            "topic": topic,
            "on_topic_page": on_topic_page,
            "heading": heading or index.title,
            "filters": filters,
            "levels": Tier.choices,
            "formats": StoryFormat.choices,
            "topics": topics,
            "topic_options": SimpleLazyObject(lambda: [(tag.slug, tag.name) for tag in topics]),
            "glossary": SimpleLazyObject(lambda: GlossaryPage.objects.live().first()),
            "filter_query": "&".join(f"{key}={value}" for key, value in filters.items() if value),
        },
    )


def story_index(index, request):
    topic_slug = request.GET.get("topic", "")
    topic = Tag.objects.filter(slug=topic_slug).first() if topic_slug else None
    return listing(index, request, topic=topic)


def topic(index, request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    return listing(
        index,
        request,
        topic=tag,
        on_topic_page=True,
        heading=gettext("Stories about %(topic)s") % {"topic": tag.name.lower()},
    )


def infographics(index, request):
    return listing(
        index,
        request,
        story_format=StoryFormat.INFOGRAPHIC,
        heading=_("Infographics"),
        template="stories/infographic_gallery.html",
    )


def corrections(index, request):
    corrections = (
        StoryCorrection.objects.filter(page__in=index.stories())
        .select_related("page")
        .order_by("-date", "-pk")
    )
    return index.render(
        request,
        template="stories/corrections.html",
        context_overrides={"corrections": Paginator(corrections, 50).get_page(request.GET.get("page"))},
    )


def rss_feed(index, request):
    return StoryRssFeed(index)(request)


def atom_feed(index, request):
    return StoryAtomFeed(index)(request)


def topic_rss_feed(index, request, slug):
    return StoryRssFeed(index, get_object_or_404(Tag, slug=slug))(request)


def topic_atom_feed(index, request, slug):
    return StoryAtomFeed(index, get_object_or_404(Tag, slug=slug))(request)
