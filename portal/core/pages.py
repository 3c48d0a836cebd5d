"""What page types of every app build on."""

from collections import defaultdict

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from portal.core.homes import homes_by_language
from portal.core.languages import bcp47


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
    (a story index's topic pages) reads what it needs itself.

    It lists every language's tree (the home page's translations), and each page's address
    names its translations as ``hreflang`` alternates, the default language's also as
    ``x-default``."""

    def items(self):
        homes = homes_by_language(self.get_wagtail_site().root_page)
        in_a_home = Q()
        for home in homes.values():
            in_a_home |= Q(path__startswith=home.path)
        return Page.objects.filter(in_a_home).live().public().order_by("path").specific(defer=True)

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        locations = {item.pk: item.get_full_url(self.request) for item in pages}
        translations = defaultdict(list)
        for item in pages:
            translations[item.translation_key].append(item)
        urls = []
        for item in pages:
            alternates = [
                {"location": locations[other.pk], "lang_code": bcp47(languages[other.locale_id])}
                for other in translations[item.translation_key]
            ]
            alternates += [
                {"location": alternate["location"], "lang_code": "x-default"}
                for alternate, other in zip(alternates, translations[item.translation_key], strict=True)
                if languages[other.locale_id] == settings.LANGUAGE_CODE
            ]
            for url_info in item.get_sitemap_urls(self.request):
                if len(translations[item.translation_key]) > 1 and url_info["location"] == locations[item.pk]:
                    url_info["alternates"] = alternates
                urls.append(url_info)
        last_mods = {url_info.get("lastmod") for url_info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
