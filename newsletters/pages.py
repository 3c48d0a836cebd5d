"""The newsletter's pages: the sign-up page with the archive of issues, and one issue.

An issue is composed in Wagtail like any page and is read three ways from the same content
(newsletters.content): as a web page, as email HTML and as the email's plain text. Its
"Email" preview modes show exactly what subscribers will get.
"""

from csp.constants import UNSAFE_INLINE
from django import forms
from django.conf import settings
from django.db import models
from django.http import HttpResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from datasets.blocks import IndicatorChartBlock, IndicatorKeyFigureBlock
from portal.core.pages import SubpageViewsMixin
from portal.core.vocabularies import UserGroupsField


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    url = blocks.URLBlock(label=_("Address"))
    description = blocks.CharBlock(max_length=200, required=False)

    class Meta:
        icon = "link"


class NewsletterIndexPage(SubpageViewsMixin, Page):
    """The sign-up form, the archive of sent issues, and the words of every newsletter screen.

    Its addresses (``newsletters.urls.newsletter_index_urls``) go to newsletters.views.
    """

    intro = models.TextField(max_length=500, blank=True)
    consent_text = models.TextField(
        default=(
            "I agree that the statistics office keeps my email address and the details I give here "
            "to send me the newsletters I chose, as described in the privacy notice. I can "
            "unsubscribe or delete my data at any time from a link in every email."
        ),
        help_text=_("The consent people give when they sign up; each sign-up keeps a copy."),
    )
    alerts_intro = models.TextField(
        _("release alerts introduction"),
        max_length=500,
        default=(
            "Hear from us the minute new or revised figures on a topic you follow are released: "
            "one email per release, with the headline figures and links to the data."
        ),
    )
    alerts_consent_text = models.TextField(
        _("release alerts consent"),
        default=(
            "I agree that the statistics office keeps my email address and the topics I chose to "
            "send me release alerts, as described in the privacy notice. I can unsubscribe or "
            "delete my data at any time from a link in every email."
        ),
        help_text=_(
            "The consent people give when they sign up for release alerts; each sign-up keeps a copy."
        ),
    )
    check_email_text = models.TextField(
        default=(
            "If this address can receive our newsletters, we have sent it an email with a link to "
            "confirm your sign-up. Nothing is sent to you until you click it. The link works for three days."
        ),
        help_text=_(
            "Shown after every sign-up, whether or not we knew the address (so that nobody can tell)."
        ),
    )
    confirmed_text = models.TextField(
        default="You are subscribed. Every email has a link to change your choices or unsubscribe."
    )
    preferences_intro = models.TextField(
        default="Choose what we send you. You can also download everything we keep about you, or delete it."
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("consent_text"),
        MultiFieldPanel(
            [FieldPanel("alerts_intro"), FieldPanel("alerts_consent_text")], heading=_("Release alerts")
        ),
        MultiFieldPanel(
            [FieldPanel("check_email_text"), FieldPanel("confirmed_text"), FieldPanel("preferences_intro")],
            heading=_("Messages"),
        ),
    ]
    subpage_types = ["newsletters.NewsletterIssuePage"]
    max_count = 1
    subpage_urls = "newsletters.urls.newsletter_index_urls"

    class Meta:
        verbose_name = _("newsletter sign-up and archive")

    def issues(self):
        """The archive in this page's language: its published issues, except those whose send
        (made from the original issue, in any language) is still to come or under way."""
        not_yet_out = ("scheduled", "sending", "paused")
        return (
            NewsletterIssuePage.objects.live()
            .public()
            .child_of(self)
            .exclude(
                translation_key__in=NewsletterIssuePage.objects.filter(
                    sending__status__in=not_yet_out
                ).values("translation_key")
            )
            .order_by("-first_published_at")
        )


class NewsletterIssuePage(Page):
    """One issue: composed here, published on the site, and sent to the chosen lists."""

    cache_anonymous_responses = True  # the same for everyone; publishing it purges it

    subject = models.CharField(
        max_length=150, blank=True, help_text=_("The email's subject line; the title when left blank.")
    )
    intro = RichTextField(features=["bold", "italic", "link"])
    featured_stories = StreamField(
        [("story", blocks.PageChooserBlock(page_type="stories.DataStoryPage"))],
        blank=True,
        max_num=4,
        help_text=_("Leave empty to feature the three latest data stories automatically."),
    )
    chart_story = models.ForeignKey(
        "stories.DataStoryPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("chart of the month"),
        help_text=_("The story's first chart is shown as an image, linking to the story and its data."),
    )
    figures = StreamField(
        [("data_key_figure", IndicatorKeyFigureBlock()), ("data_chart", IndicatorChartBlock())],
        blank=True,
        max_num=4,
        verbose_name=_("figures from our data"),
        help_text=_(
            "Key figures and charts read from the data at sending time: in the email, a chart is its table."
        ),
    )
    game = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("quiz or game of the month"),
    )
    game_text = models.CharField("why play it", max_length=200, blank=True)
    show_training = models.BooleanField(
        "list upcoming training",
        default=True,
        help_text=_("The next three training sessions open for registration."),
    )
    links = StreamField([("link", LinkBlock())], blank=True, verbose_name=_("more links"))
    lists = ParentalManyToManyField(
        "newsletters.NewsletterList", blank=True, help_text=_("Who gets it: subscribers of these lists.")
    )
    user_groups = UserGroupsField(
        "only these user groups",
        default=list,
        blank=True,
        help_text=_("Leave all unticked to send to everyone."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("subject"),
        FieldPanel("intro"),
        FieldPanel("featured_stories"),
        FieldPanel("chart_story"),
        FieldPanel("figures"),
        MultiFieldPanel(
            [FieldPanel("game"), FieldPanel("game_text")], heading=_("Quiz or game of the month")
        ),
        FieldPanel("show_training"),
        FieldPanel("links"),
    ]
    audience_panels = [FieldPanel("lists", widget=forms.CheckboxSelectMultiple), FieldPanel("user_groups")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(audience_panels, heading=_("Audience")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["newsletters.NewsletterIndexPage"]
    subpage_types = []
    preview_modes = [("", _("Web page")), ("email", _("Email")), ("text", _("Email, plain text"))]

    class Meta:
        verbose_name = _("newsletter issue")

    @property
    def email_subject(self):
        return " ".join((self.subject or self.title).split())

    def original(self):
        """The issue in the site's default language that this one translates, or None when this
        is the original (or nobody wrote one in the default language): a send starts from the
        original, so that each reader gets one email whatever the languages."""
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        return (
            NewsletterIssuePage.objects.filter(
                translation_key=self.translation_key, locale__language_code=default
            )
            .exclude(pk=self.pk)
            .first()
        )

    def in_language(self, language):
        """What readers of ``language`` get: this issue's live translation into it (not an alias,
        which only repeats the original), or this issue when there is none."""
        translation = (
            NewsletterIssuePage.objects.live()
            .filter(
                translation_key=self.translation_key,
                locale__language_code=get_supported_content_language_variant(language),
                alias_of__isnull=True,
            )
            .first()
        )
        return translation or self

    def get_context(self, request, *args, **kwargs):
        """The content is gathered only when the page is drawn, not when it comes from the
        fragment cache (``{% body_cache %}``). Its upcoming training, which leaves the list as
        registration closes, is then kept only as long as a cached page is (CHROME_SECONDS)."""
        from .content import issue_content

        context = super().get_context(request, *args, **kwargs)
        root_url = request.build_absolute_uri("/").rstrip("/")
        context["content"] = SimpleLazyObject(lambda: issue_content(self, root_url))
        context["index_page"] = SimpleLazyObject(lambda: self.get_parent().specific)
        return context

    def serve_preview(self, request, mode_name):
        if mode_name in ("email", "text"):
            from .rendering import render_issue_email

            email = render_issue_email(self, preview=True)
            if mode_name == "text":
                return HttpResponse(email.text, content_type="text/plain; charset=utf-8")
            response = HttpResponse(email.html)
            # Email clients read only inline styles, so the preview must let them apply; the
            # preview runs through the site's middleware with the page's own path, not /admin/.
            response._csp_update = {"style-src": [UNSAFE_INLINE]}
            return response
        return super().serve_preview(request, mode_name)
