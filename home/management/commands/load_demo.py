"""Build the demo site: the page tree, settings and plausible (clearly marked) content.

Idempotent: anything that already exists is left exactly as it is, so running it twice,
or after editors have changed the content, changes nothing.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page, Site

from feedback.demo import load_feedback_demo
from forums import demo as forums_demo
from forums.models import ForumIndexPage
from home.demo import in_section, load_stories_section
from home.models import HomePage, SiteSettings, StandardPage
from literacy.competitions.demo import load_competitions_demo
from literacy.demo import load_training_demo
from literacy.games.demo import load_games_demo
from literacy.module_demo import load_module_demo
from newsletters import demo as newsletters_demo
from newsletters.models import NewsletterIndexPage
from portal.engagement.demo import load_engagement_demo
from stories.models import DataStoryPage

DEMO_NOTICE = (
    "Demonstration site: the figures, stories and people here are illustrative, not official statistics."
)

KEY_FIGURES = [
    {
        "value": "5.94",
        "unit": "million",
        "label": "Resident population",
        "period": "1 January 2026",
        "change": "up 0.6% on a year earlier",
        "source": "Population estimates (demo)",
    },
    {
        "value": "2.4",
        "unit": "%",
        "label": "Consumer price inflation, annual rate",
        "period": "October 2026",
        "change": "down from 2.7% in September",
        "source": "Consumer price index (demo)",
    },
    {
        "value": "4.1",
        "unit": "%",
        "label": "Unemployment rate, people aged 15 to 74",
        "period": "July to September 2026",
        "change": "unchanged on the previous quarter",
        "source": "Labour force survey (demo)",
    },
    {
        "value": "0.3",
        "unit": "%",
        "label": "Gross domestic product, growth on previous quarter",
        "period": "July to September 2026",
        "change": "after 0.5% in April to June",
        "source": "Quarterly national accounts (demo)",
    },
]

# Sections of the main navigation; each becomes its app's index page as the app arrives.
SECTIONS = [
    (
        "Stories",
        "stories",
        "Data stories and infographics that explain the latest official figures, "
        "with the data, sources and methods behind every chart.",
    ),
    (
        "Learn",
        "learn",
        "Short courses in statistical literacy, in three tiers: basic, intermediate and advanced.",
    ),
    (
        "Games & competitions",
        "games-and-competitions",
        "Test your feel for the numbers, and enter our data storytelling and infographic competitions.",
    ),
    (
        "Training",
        "training",
        "Workshops for journalists, teachers and public servants on finding and reading official statistics.",
    ),
    (
        "Forums",
        "forums",
        "Ask questions about the data and talk to the statisticians who produce it.",
    ),
    (
        "Newsletter",
        "newsletter",
        "New releases, data stories and courses in your inbox, once a month.",
    ),
]


def load_feedback_section(home, created):
    load_feedback_demo(home, created, pages_with_feedback=DataStoryPage.objects.live().order_by("path"))


# Each app's section placeholder becomes the app's index page, which its loader fills.
APP_DEMOS = [
    load_stories_section,
    load_module_demo,
    load_games_demo,
    load_competitions_demo,
    load_training_demo,
    in_section(ForumIndexPage, forums_demo.load_forums_demo, forums_demo.SECTION),
    in_section(NewsletterIndexPage, newsletters_demo.load_newsletters_demo, newsletters_demo.SECTION),
    load_feedback_section,
]

STANDARD_PAGES = {
    "about": (
        "About this site",
        "Portal is where the national statistics office explains its figures to everyone.",
        [
            "The national statistics office produces the country's official statistics: "
            "population, prices, jobs, the economy, education, health and the environment. "
            "This site is where we explain them in plain words, teach how to read them, and "
            "listen to the people who use them.",
            "Every figure on this site carries its source, its release date, a link to the "
            "methods behind it and a person you can contact. When a published figure is "
            "corrected, we say so on the page: we never change numbers silently.",
        ],
    ),
    "accessibility": (
        "Accessibility statement",
        "We want everyone to be able to use this site, whatever their device or ability.",
        [
            "This site aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at "
            "level AA. You should be able to navigate it with a keyboard alone, use it with a "
            "screen reader, zoom to 400% without losing content, and read every chart as a "
            "table of its data.",
            "If something does not work for you, tell us through the contact page and we will "
            "reply within five working days.",
        ],
    ),
    "privacy": (
        "Privacy notice",
        "What we keep about you, why, and how to have it changed or deleted.",
        [
            "When you create an account, sign up for a newsletter or training, join a forum or "
            "enter a competition, we keep your email address, what you told us about yourself "
            "and the consent you gave, with its exact wording and the time you gave it.",
            "We use this only to provide the service you asked for and to understand which "
            "groups of people use official statistics. We never sell or share it. You can "
            "withdraw consent, download your data or have it deleted at any time.",
        ],
    ),
    "contact": (
        "Contact us",
        "Questions about the figures, the site or your data.",
        [
            "Statistical enquiries: our statisticians answer questions about the data within "
            "two working days.",
            "Media enquiries: the press office is available on working days from 8:00 to 18:00.",
        ],
    ),
}


class Command(BaseCommand):
    help = "Create the demo site tree and content. Safe to run more than once."

    def add_arguments(self, parser):
        parser.add_argument(
            "--site-url",
            default="",
            help="The address the site is served at, e.g. http://127.0.0.1:8000 (sets the default site).",
        )

    @transaction.atomic
    def handle(self, *args, site_url="", **options):
        created = []
        home = self.ensure_home(created)
        self.ensure_site(home, site_url)
        sections = {
            slug: self.ensure_page(home, StandardPage, slug, title, created, intro=intro, show_in_menus=True)
            for title, slug, intro in SECTIONS
        }
        standing = {
            slug: self.ensure_page(
                home, StandardPage, slug, title, created, intro=intro, body=paragraphs(body)
            )
            for slug, (title, intro, body) in STANDARD_PAGES.items()
        }
        if "home" in created:
            home.hero_link = sections["stories"]
            home.save_revision().publish()
        for load_app_demo in APP_DEMOS:
            load_app_demo(home, created)
        load_engagement_demo(created)
        self.ensure_settings(standing, home.get_children().get(slug="newsletter"))
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content created: {', '.join(created)}."))
        else:
            self.stdout.write("Demo content already present; nothing changed.")

    def ensure_home(self, created):
        home = HomePage.objects.first()
        if home:
            return home
        root = Page.get_first_root_node()
        home = HomePage(
            title="Home",
            slug="home",
            seo_title="Portal: official statistics for everyone",
            search_description="Data stories, key figures and courses from the national statistics office.",
            key_figures=[("key_figure", figure) for figure in KEY_FIGURES],
        )
        placeholder = Page.objects.filter(depth=2, slug="home").exclude(pk__in=HomePage.objects.values("pk"))
        for page in placeholder:  # Wagtail's own "Welcome" page from its first migration
            page.slug = f"wagtail-welcome-{page.pk}"
            page.save()
        root.add_child(instance=home)
        home.save_revision().publish()
        for page in placeholder:
            Site.objects.filter(root_page=page).update(root_page=home)
            page.delete()
        created.append("home")
        return home

    def ensure_site(self, home, site_url):
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.root_page = home
        if not site.site_name:
            site.site_name = "Portal"
        if site_url:
            scheme, _, host = site_url.partition("://")
            hostname, _, port = host.rstrip("/").partition(":")
            site.hostname = hostname
            site.port = int(port or (443 if scheme == "https" else 80))
        site.save()

    def ensure_page(self, parent, model, slug, title, created, **fields):
        existing = parent.get_children().filter(slug=slug).first()
        if existing:
            return existing
        page = model(title=title, slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        created.append(slug)
        return page

    def ensure_settings(self, standing, newsletter_page):
        settings = SiteSettings.load()
        if settings.pk and settings.about_page_id:
            return
        settings.site_notice = DEMO_NOTICE
        settings.contact_email = "enquiries@statistics.example"
        settings.about_page = standing["about"]
        settings.accessibility_page = standing["accessibility"]
        settings.privacy_page = standing["privacy"]
        settings.contact_page = standing["contact"]
        settings.newsletter_page = newsletter_page
        settings.save()


def paragraphs(texts):
    return [("paragraph", f"<p>{text}</p>") for text in texts]
