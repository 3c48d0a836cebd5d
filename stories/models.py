"""Data stories and infographics: every figure with its source, method, contact and corrections."""

from csp.decorators import csp_replace
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max, Prefetch
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_exempt
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from portal.core import charts
from portal.core.languages import active_language, supported_language
from portal.core.pages import SharingMixin, SubpageViewsMixin, subpage_sitemap_entries
from portal.core.translations import in_language
from portal.core.vocabularies import Tier

from .blocks import StoryBlocks

CARD_RENDITION = "fill-640x360"


@register_snippet
class ContactPerson(index.Indexed, models.Model):
    """The statistician a journalist can ask about a figure."""

    name = models.CharField(max_length=120)
    role = models.CharField(max_length=160, help_text=_("e.g. Head of Prices Statistics"))
    email = models.EmailField()
    phone = models.CharField(max_length=40, blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("role")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")

    def __str__(self):
        return f"{self.name}, {self.role}"


@register_snippet
class GlossaryTerm(TranslatableMixin, index.Indexed, models.Model):
    """An entry of the compendium of statistical concepts, in plain words. Translatable (one row
    per locale, linked by ``translation_key``) so wagtail-localize's "Translate" works on it;
    stories cite the original, and pages show its translation in the reader's language."""

    term = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, blank=True)
    definition = models.TextField(max_length=1000, help_text=_("Plain language: one to three sentences."))
    level = models.CharField(_("literacy level"), max_length=20, choices=Tier.choices, default=Tier.BASIC)

    panels = [FieldPanel("term"), FieldPanel("slug"), FieldPanel("definition"), FieldPanel("level")]
    search_fields = [
        index.SearchField("term", boost=3),
        index.AutocompleteField("term"),
        index.SearchField("definition"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["term"]
        unique_together = [("translation_key", "locale"), ("term", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.term)[:100]
        super().save(*args, **kwargs)

    def clean(self):
        """Term and slug are unique within a language: say which one is taken, in words."""
        super().clean()
        if not self.slug:
            self.slug = slugify(self.term)[:100]
        if self.locale_id is None:
            self.locale = Locale.get_default()
        others = GlossaryTerm.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        errors = {}
        if self.term and others.filter(term__iexact=self.term).exists():
            errors["term"] = _("This language's glossary already has this term.")
        if self.slug and others.filter(slug=self.slug).exists():
            errors["slug"] = _("Another term in this language already has this slug.")
        if errors:
            raise ValidationError(errors)

    def validate_unique(self, exclude=None):
        """clean() gives the clear messages; skip Django's generic ones for the same pairs."""
        super().validate_unique(exclude={*(exclude or ()), "term", "slug"})


def glossary_locales():
    """The active language's locale code and the default one (the originals)."""
    return active_language(), supported_language(settings.LANGUAGE_CODE)


def localized_terms(terms):
    """``terms`` (originals) swapped for their translation in the active language where one
    exists, in one query; the originals otherwise."""
    terms = [term for term in terms if term]
    active, default = glossary_locales()
    if not terms or active == default:
        return terms
    translations = {
        term.translation_key: term
        for term in GlossaryTerm.objects.filter(
            translation_key__in={term.translation_key for term in terms}, locale__language_code=active
        )
    }
    return [translations.get(term.translation_key, term) for term in terms]


def glossary_in_language():
    """Every term once, in the active language where translated, else the original: the
    glossary page's A to Z (one query)."""
    active, default = glossary_locales()
    rows = GlossaryTerm.objects.filter(locale__language_code__in={active, default}).select_related("locale")
    chosen = {}
    for term in rows:
        if term.translation_key not in chosen or term.locale.language_code == active:
            chosen[term.translation_key] = term
    return sorted(chosen.values(), key=lambda term: term.term.casefold())


def glossary_term_by_slug(slug):
    """The term a glossary address names, in the active language where translated; its
    original too (stories cite the original). None when no term has that slug."""
    active, default = glossary_locales()
    found = {
        term.locale.language_code: term
        for term in GlossaryTerm.objects.filter(
            slug=slug, locale__language_code__in={active, default}
        ).select_related("locale")
    }
    term = found.get(active) or found.get(default)
    if term is None:
        return None, None
    original = term
    if term.locale.language_code != default:
        original = GlossaryTerm.objects.filter(
            translation_key=term.translation_key, locale__language_code=default
        ).first()
    if term.locale.language_code != active:
        term = localized_terms([term])[0]
    return term, original or term


def with_card_data(stories):
    """Everything a story card shows, fetched in a fixed number of queries."""
    return stories.prefetch_related(
        Prefetch("image", queryset=get_image_model().objects.prefetch_renditions(CARD_RENDITION)), "topics"
    )


class GlossaryPage(SubpageViewsMixin, Page):
    """All glossary terms A to Z, and a page of its own for each term
    (``stories.urls.glossary_urls``, served by stories.views)."""

    intro = models.TextField(max_length=500, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = []
    max_count = 1
    cache_anonymous_responses = True
    subpage_urls = "stories.urls.glossary_urls"

    class Meta:
        verbose_name = _("glossary")

    def get_cached_paths(self):
        slugs = GlossaryTerm.objects.values_list("slug", flat=True).distinct()
        return ["/", *(f"{slug}/" for slug in slugs)]

    def get_sitemap_urls(self, request=None):
        """The glossary and a page per term (terms keep no dates: the glossary's own applies)."""
        slugs = GlossaryTerm.objects.order_by("slug").values_list("slug", flat=True).distinct()
        return [
            *super().get_sitemap_urls(request),
            *subpage_sitemap_entries(self, request, [(f"{slug}/", self.last_published_at) for slug in slugs]),
        ]

    def term_url(self, term):
        return self.url + self.reverse_subpage("term", args=[term.slug])


class StoryTopic(TaggedItemBase):
    content_object = ParentalKey(
        "stories.DataStoryPage", on_delete=models.CASCADE, related_name="topic_items"
    )


class StoryFormat(models.TextChoices):
    STORY = "story", _("Data story")
    INFOGRAPHIC = "infographic", _("Infographic")


class StoryIndexPage(SubpageViewsMixin, Page):
    """Lists stories; also serves topic pages, the infographic gallery, corrections and feeds
    (``stories.urls.story_index_urls``, served by stories.views)."""

    intro = models.TextField(max_length=500, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["stories.DataStoryPage"]
    max_count = 1
    cache_anonymous_responses = True
    subpage_urls = "stories.urls.story_index_urls"

    class Meta:
        verbose_name = _("story index")

    def get_cached_paths(self):
        """Every listing this page serves, so that publishing a story purges them all."""
        topic_paths = [
            f"topic/{slug}/{feed}"
            for slug in self.topics_in_use().values_list("slug", flat=True)
            for feed in ("", "feed/", "feed/atom/")
        ]
        return ["/", "infographics/", "corrections/", "feed/", "feed/atom/", *topic_paths]

    def get_sitemap_urls(self, request=None):
        """The listing, the infographics gallery and each topic's page, dated by its latest story."""
        latest = self.stories().order_by("-last_published_at")
        latest_by_topic = dict(
            self.stories().order_by().values_list("topics__slug").annotate(latest=Max("last_published_at"))
        )
        topics = [
            (f"topic/{slug}/", latest_by_topic.get(slug))
            for slug in self.topics_in_use().values_list("slug", flat=True)
        ]
        gallery = latest.filter(format=StoryFormat.INFOGRAPHIC).values_list("last_published_at", flat=True)
        return [
            *super().get_sitemap_urls(request),
            *subpage_sitemap_entries(self, request, [("infographics/", gallery.first()), *topics]),
        ]

    def stories(self, topic=None, level=None, story_format=None):
        """Live stories under this index, newest first, with what a card needs prefetched."""
        queryset = with_card_data(
            DataStoryPage.objects.live().public().descendant_of(self).order_by("-first_published_at", "-pk")
        )
        if topic:
            queryset = queryset.filter(topics__slug=topic.slug)
        if level in Tier.values:
            queryset = queryset.filter(literacy_level=level)
        if story_format in StoryFormat.values:
            queryset = queryset.filter(format=story_format)
        return queryset

    def topics_in_use(self):
        return (
            Tag.objects.filter(stories_storytopic_items__content_object__live=True)
            .distinct()
            .order_by("name")
        )


class DataStoryPage(RoutablePageMixin, SharingMixin, Page):
    """A data story, or an infographic (a story whose heart is one image)."""

    cache_anonymous_responses = True
    collects_feedback = True  # readers are asked "Was this page useful?" (feedback)

    format = models.CharField(max_length=20, choices=StoryFormat.choices, default=StoryFormat.STORY)
    standfirst = models.TextField(max_length=300, help_text=_("One or two sentences under the headline."))
    literacy_level = models.CharField(
        max_length=20,
        choices=Tier.choices,
        default=Tier.BASIC,
        help_text=_("How demanding the story is for a reader."),
    )
    topics = ClusterTaggableManager(through=StoryTopic, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For cards and lists; for an infographic, the infographic itself in full resolution."),
    )
    long_description = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Infographics: everything the image says, in words, for people who cannot see it."),
    )
    body = StreamField(StoryBlocks(), blank=True)

    source_name = models.CharField(_("source"), max_length=200)
    source_url = models.URLField(_("source link"), blank=True)
    release_date = models.DateField(help_text=_("When the figures were released."))
    next_release_date = models.DateField(null=True, blank=True)
    methodology_url = models.URLField(_("methodology link"), blank=True)
    contact = models.ForeignKey(
        ContactPerson, null=True, blank=True, on_delete=models.SET_NULL, related_name="stories"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("format"),
        FieldPanel("standfirst"),
        FieldRowPanel([FieldPanel("literacy_level"), FieldPanel("topics")]),
        FieldPanel("image"),
        FieldPanel("long_description"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("source_name"), FieldPanel("source_url")]),
                FieldRowPanel([FieldPanel("release_date"), FieldPanel("next_release_date")]),
                FieldPanel("methodology_url"),
                FieldPanel("contact"),
            ],
            heading=_("Where the numbers come from"),
        ),
        InlinePanel("corrections", heading=_("Corrections and notices"), label=_("Correction")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst", boost=2),
        index.SearchField("body"),
        index.SearchField("long_description"),
        index.FilterField("literacy_level"),
        index.FilterField("format"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("data story")
        verbose_name_plural = _("data stories")

    def clean(self):
        super().clean()
        if self.format == StoryFormat.INFOGRAPHIC:
            errors = {}
            if not self.image_id:
                errors["image"] = _("An infographic needs its image.")
            if not self.long_description:
                errors["long_description"] = _(
                    "An infographic needs a long description: everything the image says, in words."
                )
            if errors:
                raise ValidationError(errors)
        if self.next_release_date and self.release_date and self.next_release_date < self.release_date:
            raise ValidationError({"next_release_date": _("The next release cannot come before this one.")})

    def chart_block(self, block_id):
        for block in self.body:
            if block.block_type == "chart" and block.id == block_id:
                return block
        raise Http404("No such chart in this story.")

    def chart_spec(self, block_id):
        block = self.chart_block(block_id)
        try:
            return block.block.spec(block.value)
        except ValidationError as error:  # data saved before a rule tightened: nothing to serve
            raise Http404("This chart's data cannot be read.") from error

    def chart_specs(self):
        specs = []
        for block in self.body:
            if block.block_type == "chart":
                try:
                    specs.append(block.block.spec(block.value))
                except ValidationError:
                    continue
        return specs

    def related_stories(self, limit=3):
        topic_ids = [tag.pk for tag in self.topics.all()]
        if not topic_ids:
            return DataStoryPage.objects.none()
        related = in_language(DataStoryPage.objects.live().public().filter(topics__in=topic_ids))
        related = related.exclude(translation_key=self.translation_key)
        return with_card_data(related.distinct().order_by("-first_published_at"))[:limit]

    def share_card(self):
        """What a social card shows: the chosen image, else the first chart drawn as a card."""
        image = self.social_image or self.image
        if image is not None:
            return image, None
        for block in self.body:
            if block.block_type == "chart" and block.value["chart_type"] != "table":
                return None, block
        return None, None

    def get_share_image_url(self, request):
        image, chart = self.share_card()
        if image is not None:
            return request.build_absolute_uri(image.get_rendition("fill-1200x630").url)
        if chart is not None:
            return request.build_absolute_uri(self.url + self.reverse_subpage("chart_png", args=[chart.id]))
        return ""

    def get_share_image_alt(self):
        image, chart = self.share_card()
        if image is not None:
            return image.description or image.title
        if chart is not None:
            return gettext("Chart: %(title)s") % {"title": chart.value["title"]}
        return ""

    def get_cached_paths(self):
        chart_ids = [block.id for block in self.body if block.block_type == "chart"]
        return [
            "/",
            *(f"chart/{chart_id}/{view}/" for chart_id in chart_ids for view in ("csv", "png", "embed")),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read when the content is drawn, not when it comes from the fragment cache (body_cache).
        context["related_stories"] = SimpleLazyObject(self.related_stories)
        context["index_page"] = SimpleLazyObject(lambda: self.get_parent().specific)
        return context

    @path("chart/<str:block_id>/csv/", name="chart_csv")
    def chart_csv(self, request, block_id):
        spec = self.chart_spec(block_id)
        response = HttpResponse(charts.chart_csv(spec), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{slugify(spec.title) or "chart"}.csv"'
        return response

    @path("chart/<str:block_id>/png/", name="chart_png")
    def chart_png(self, request, block_id):
        spec = self.chart_spec(block_id)
        if spec.chart_type == "table":
            raise Http404("A table has no picture.")
        return HttpResponse(charts.chart_png(spec), content_type="image/png")

    @path("chart/<str:block_id>/embed/", name="chart_embed")
    @xframe_options_exempt
    @csp_replace({"frame-ancestors": ["*"]})
    def chart_embed(self, request, block_id):
        """The chart alone, for other sites to show in an iframe: the one framable view."""
        block = self.chart_block(block_id)
        return TemplateResponse(
            request,
            "core/chart_embed.html",
            {
                "page": self,
                "block": block,
                "title": block.value["title"],
                "csv_url": self.url + self.reverse_subpage("chart_csv", args=[block.id]),
            },
        )


class StoryCorrection(Orderable):
    """A published change to a figure: shown on the story and on the corrections page."""

    page = ParentalKey(DataStoryPage, on_delete=models.CASCADE, related_name="corrections")
    date = models.DateField()
    text = models.TextField(max_length=1000, help_text=_("What changed, and why."))

    panels = [FieldPanel("date"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        ordering = ["-date", "sort_order"]
