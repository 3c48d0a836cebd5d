from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.core.caching.pagecache import chrome_generation, page_cache
from portal.core.pages import SharingMixin
from portal.core.translations import in_language
from portal.core.vocabularies import Tier
from stories.blocks import KeyFigureBlock

from .blocks import ContentBlocks


class HomePage(SharingMixin, Page):
    hero_heading = models.CharField(max_length=120, default="Official statistics, explained")
    hero_text = models.TextField(
        max_length=400,
        default="Data stories, charts and courses from the national statistics office.",
    )
    hero_link = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", help_text=_("Main button")
    )
    hero_link_text = models.CharField(max_length=60, blank=True, default="Explore the data stories")
    featured_story = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    key_figures = StreamField([("key_figure", KeyFigureBlock())], blank=True, max_num=6)
    key_figures_heading = models.CharField(max_length=120, default="Key figures")
    learn_heading = models.CharField(max_length=120, default="Learn statistics at your level")
    learn_intro = models.TextField(
        blank=True,
        default="Short courses in three tiers, from reading a chart to judging a survey.",
    )
    training_heading = models.CharField(max_length=120, default="Upcoming training")
    forums_heading = models.CharField(max_length=120, default="Latest in the forums")
    newsletter_heading = models.CharField(max_length=120, default="Get the numbers in your inbox")
    newsletter_text = models.TextField(
        blank=True,
        default="New releases, data stories and courses, once a month. Unsubscribe at any time.",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                PageChooserPanel("hero_link"),
                FieldPanel("hero_link_text"),
            ],
            heading=_("Hero"),
        ),
        PageChooserPanel("featured_story"),
        MultiFieldPanel(
            [FieldPanel("key_figures_heading"), FieldPanel("key_figures")], heading=_("Key figures")
        ),
        MultiFieldPanel(
            [
                FieldPanel("learn_heading"),
                FieldPanel("learn_intro"),
                FieldPanel("training_heading"),
                FieldPanel("forums_heading"),
                FieldPanel("newsletter_heading"),
                FieldPanel("newsletter_text"),
            ],
            heading=_("Sections"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("hero_heading"), index.SearchField("hero_text")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    cache_anonymous_responses = True

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        """The listings are read only when the page's content is drawn, not when it comes from
        the fragment cache (``{% body_cache %}`` in the template)."""
        context = super().get_context(request, *args, **kwargs)
        context["upcoming_training"] = SimpleLazyObject(self.upcoming_training)
        context["modules_by_tier"] = SimpleLazyObject(self.modules_by_tier)
        context["latest_topics"] = SimpleLazyObject(self.latest_forum_topics)
        return context

    def modules_by_tier(self, per_tier=3):
        """The first few modules of each tier, in the order editors gave them."""
        from literacy.modules.models import ModulePage  # here: literacy's pages may build on home's

        modules = in_language(ModulePage.objects.live().public()).order_by("path")
        by_tier = {tier: [] for tier in Tier.values}
        for module in modules:
            by_tier[module.tier].append(module)
        return [
            {"label": label, "modules": by_tier[tier][:per_tier]}
            for tier, label in Tier.choices
            if by_tier[tier]
        ]

    def latest_forum_topics(self, limit=4):
        """The conversations with the latest replies, each with its address in the forums."""
        from forums.models import ForumIndexPage, Topic

        forums_page = ForumIndexPage.objects.live().first()
        if forums_page is None:
            return []
        topics = (
            Topic.objects.filter(hidden=False, approved=True)
            .select_related("forum")
            .order_by("-last_post_at", "-pk")[:limit]
        )
        return [{"topic": topic, "url": forums_page.route_url("topic", topic.pk)} for topic in topics]

    def upcoming_training(self, limit=3):
        """The next public sessions that are still on, each knowing if it is full; the same few
        queries however many sessions there are."""
        from literacy.training.models import TrainingSessionPage  # here: literacy's pages may build on home's

        confirmed = Count("registrations", filter=Q(registrations__status="confirmed"))
        upcoming = in_language(TrainingSessionPage.upcoming())
        return list(upcoming.annotate(is_full=Q(capacity__lte=confirmed))[:limit])


class StandardPage(SharingMixin, Page):
    """About, privacy, accessibility, contact and other editorial pages."""

    intro = models.TextField(max_length=500, blank=True)
    body = StreamField(ContentBlocks(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    cache_anonymous_responses = True

    class Meta:
        verbose_name = _("page")


@register_setting(icon="site")
class SiteSettings(BaseGenericSetting):
    """Who runs the site and where its standing pages are."""

    organisation_name = models.CharField(max_length=120, default="National Statistics Office")
    tagline = models.CharField(max_length=160, blank=True, default="Official statistics for everyone")
    site_notice = models.CharField(
        max_length=240, blank=True, help_text=_("A banner shown on every page, e.g. to mark a demo site.")
    )
    contact_email = models.EmailField(blank=True)
    default_social_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    about_page = models.ForeignKey(Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    contact_page = models.ForeignKey(Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    accessibility_page = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    privacy_page = models.ForeignKey(Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    newsletter_page = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the newsletter sign-up in the footer leads."),
    )
    newsletter_prompt = models.CharField(
        max_length=200, blank=True, default="The month's new figures and stories, in one short email."
    )

    select_related = ["default_social_image"]
    STANDING_PAGES = ("about_page", "contact_page", "accessibility_page", "privacy_page", "newsletter_page")

    @classmethod
    def _get_or_create(cls):
        """The settings with their standing pages read in one query of pages by key: joining the
        five pages to the settings made a query that cost more to build than to run (2.6 CPU-ms
        against 0.9, measured), paid on every page drawn with the caches empty."""
        loaded = super()._get_or_create()
        ids = {getattr(loaded, f"{name}_id") for name in cls.STANDING_PAGES} - {None}
        pages = Page.objects.in_bulk(ids) if ids else {}
        for name in cls.STANDING_PAGES:
            page = pages.get(getattr(loaded, f"{name}_id"))
            if page is not None:
                setattr(loaded, name, page)
        return loaded

    @classmethod
    def load(cls, request_or_site=None):
        """The settings with their pages, read once per chrome generation instead of once per
        request: every page shows them, and their query with five pages and an image joined
        was one of the costliest of an uncached render. Saving a setting or publishing a page
        starts a new generation, so a change shows on the next view."""
        seconds = settings.PAGE_CACHE["CHROME_SECONDS"]
        request = request_or_site if hasattr(request_or_site, "META") else None
        attribute = cls.get_cache_attr_name()
        if not seconds or (request is not None and hasattr(request, attribute)):
            return super().load(request_or_site)
        key = f"home:site-settings:{chrome_generation()}"
        loaded = page_cache().get(key)
        if loaded is None:
            loaded = super().load(request_or_site)
            page_cache().set(key, loaded, seconds)
        elif request is not None:
            setattr(request, attribute, loaded)
        return loaded

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("tagline"), FieldPanel("site_notice")],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("default_social_image")], heading=_("Contact")
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("about_page"),
                PageChooserPanel("contact_page"),
                PageChooserPanel("accessibility_page"),
                PageChooserPanel("privacy_page"),
            ],
            heading=_("Footer pages"),
        ),
        MultiFieldPanel(
            [PageChooserPanel("newsletter_page"), FieldPanel("newsletter_prompt")], heading=_("Newsletter")
        ),
    ]

    class Meta:
        verbose_name = _("site settings")
