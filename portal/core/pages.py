"""What page types of every app build on."""

from django.db import models
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class SharingMixin(models.Model):
    """The image that social cards show for a page; the site default fills in otherwise."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social media. 1200 by 630 pixels works best."),
    )

    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]

    class Meta:
        abstract = True


class SubpageViewsMixin(RoutablePageMixin):
    """A page whose addresses below it go straight to views listed in the app's urls.py.

    ``subpage_urls`` is the dotted path of a list of URL patterns, e.g.
    ``"forums.urls.forum_index_urls"``. Each view is called with the page first,
    ``view(page, request, ...)``, so the views hold the logic and the page model needs neither
    methods that only pass the request on nor an import of its views. ``reverse_subpage()`` and
    ``{% routablepageurl %}`` find the patterns by name as usual.
    """

    subpage_urls = ""

    @classmethod
    def get_subpage_urls(cls):
        own = tuple(import_string(cls.subpage_urls)) if cls.subpage_urls else ()
        return own + tuple(super().get_subpage_urls())


def subpage_sitemap_entries(page, request, subpaths):
    """Sitemap entries for addresses a page serves below itself, from ``(subpath, lastmod)``
    pairs: search engines find topics, terms and listings that only routes serve."""
    base = page.get_full_url(request)
    if not base:
        return []
    return [{"location": base + subpath, "lastmod": lastmod} for subpath, lastmod in subpaths]


def public_listing(queryset, topic="", **filters):
    """Live pages anyone may see (never a draft, a scheduled page or one behind a password or
    login, nor under such a section), newest first, with their ``topics`` (a tag manager) read in
    one query; ``topic`` is a topic's slug. What the open data API lists (stories, modules)."""
    found = queryset.live().public().filter(**filters)
    if topic:
        found = found.filter(topics__slug=topic)
    return found.prefetch_related("topics").order_by("-first_published_at", "-pk").distinct()


def listing_metadata(page, request, **fields):
    """A page as the API lists it: title, address, first publication, topics, and ``fields``."""
    return {
        "title": page.title,
        "url": page.get_full_url(request),
        "first_published_at": page.first_published_at,
        "topics": sorted(tag.name for tag in page.topics.all()),
        **fields,
    }


class SitemapOfLivePages(Sitemap):
    """Wagtail's sitemap with each page made of its base row (``specific(defer=True)``): one query
    for the whole tree instead of one per page type; a type that lists more than its own address
    (a story index's topic pages) reads what it needs itself."""

    def items(self):
        return (
            self.get_wagtail_site()
            .root_page.get_descendants(inclusive=True)
            .live()
            .public()
            .order_by("path")
            .specific(defer=True)
        )
