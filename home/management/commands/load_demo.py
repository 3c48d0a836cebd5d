"""Build the demo site: the page tree, settings and plausible (clearly marked) content.

The home page, the sections of the menu, the standing pages and the site settings come from
``home/demo_content/``; each app's loader reads its own ``demo_content/`` folder.

Idempotent: anything that already exists is left exactly as it is, so running it twice,
or after editors have changed the content, changes nothing.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale, Page, Site

from ambassadors.demo import load_ambassadors_demo
from areas.demo import load_areas_demo
from consultations.demo import load_consultations_demo
from datasets.demo import load_datasets_demo
from feedback.demo import load_feedback_demo
from forums.demo import load_forums_demo
from home.demo import SITE_CONTENT
from home.models import HomePage, SiteSettings, StandardPage
from literacy.competitions.demo import load_competitions_demo
from literacy.games.demo import load_games_demo
from literacy.modules.demo import CONTENT as MODULE_CONTENT
from literacy.modules.demo import load_module_demo
from literacy.training.demo import load_training_demo
from newsletters.demo import load_newsletters_demo
from portal.core.demo import translate_demo_pages
from portal.engagement.demo import load_engagement_demo
from satisfaction.demo import load_satisfaction_demo
from stories.demo import CONTENT as STORY_CONTENT
from stories.demo import load_stories_demo
from trust.demo import load_trust_demo

# Each app's loader replaces its section's placeholder with the app's index page and fills it.
APP_DEMOS = [
    load_stories_demo,
    load_module_demo,
    load_games_demo,
    load_competitions_demo,
    load_training_demo,
    load_forums_demo,
    load_newsletters_demo,
    load_feedback_demo,
    load_trust_demo,
    load_ambassadors_demo,
    load_consultations_demo,
    load_satisfaction_demo,
    load_engagement_demo,
]


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
        site = SITE_CONTENT.json("site.json")
        home = self.ensure_home(site["home"], created)
        self.ensure_site(home, site["site_name"], site_url)
        sections = {
            page["slug"]: self.ensure_page(home, StandardPage, created, **page, show_in_menus=True)
            for page in site["sections"]
        }
        standing = {
            page["slug"]: self.ensure_page(
                home, StandardPage, created, **page, body=SITE_CONTENT.blocks(f"{page['slug']}.md")
            )
            for page in site["standing_pages"]
        }
        if "home" in created:
            home.hero_link = sections["stories"]
            home.save_revision().publish()
        # The data layer first: stories chart its figures.
        load_datasets_demo(standing["demo-data"], created)
        load_areas_demo(created)  # boundaries of the data layer's demo areas
        for load_app_demo in APP_DEMOS:
            load_app_demo(home, created)
        self.ensure_settings(site, standing, home.get_children().get(slug="newsletter"))
        self.translate(home, created)
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content created: {', '.join(created)}."))
        else:
            self.stdout.write("Demo content already present; nothing changed.")

    def ensure_home(self, fields, created):
        home = HomePage.objects.filter(locale=Locale.get_default()).first()
        if home:
            return home
        root = Page.get_first_root_node()
        home = HomePage(
            **fields, key_figures=[("key_figure", figure) for figure in SITE_CONTENT.rows("key-figures.csv")]
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

    def translate(self, home, created):
        """French and Arabic for the home page, the menu's sections, the standing pages, two
        stories and one module with its lessons (each app's ``translations/pages.json``).

        A string with no translation keeps its English; the command says how many there are."""
        english = Page.objects.filter(locale=Locale.get_default())

        def listed(content, parent=None):
            """The listed pages that exist (an editor may have removed one), in the listed order."""
            pages = english.child_of(parent) if parent else english
            slugs = content.json("translations/pages.json")["pages"]
            found = {page.slug: page for page in pages.filter(slug__in=slugs).specific()}
            return [found[slug] for slug in slugs if slug in found]

        modules = [
            lesson.specific
            for module in listed(MODULE_CONTENT)
            for lesson in module.get_descendants(inclusive=True)
        ]
        site_pages = [home, *listed(SITE_CONTENT, home)]
        stories = listed(STORY_CONTENT)
        missing = {}
        for content, pages in (
            (SITE_CONTENT, site_pages),
            (STORY_CONTENT, stories),
            (MODULE_CONTENT, modules),
        ):
            missing |= translate_demo_pages(content, pages, created)
        for (slug, language), texts in sorted(missing.items()):
            self.stdout.write(f"{slug} ({language}): {len(texts)} text(s) left in English.")

    def ensure_site(self, home, site_name, site_url):
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.root_page = home
        if not site.site_name:
            site.site_name = site_name
        if site_url:
            scheme, _, host = site_url.partition("://")
            hostname, _, port = host.rstrip("/").partition(":")
            site.hostname = hostname
            site.port = int(port or (443 if scheme == "https" else 80))
        site.save()

    def ensure_page(self, parent, model, created, *, slug, title, **fields):
        existing = parent.get_children().filter(slug=slug).first()
        if existing:
            return existing
        page = model(title=title, slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        created.append(slug)
        return page

    def ensure_settings(self, site, standing, newsletter_page):
        settings = SiteSettings.load()
        if settings.pk and settings.about_page_id:
            return
        settings.site_notice = site["notice"]
        settings.contact_email = site["contact_email"]
        settings.about_page = standing["about"]
        settings.accessibility_page = standing["accessibility"]
        settings.privacy_page = standing["privacy"]
        settings.contact_page = standing["contact"]
        settings.newsletter_page = newsletter_page
        settings.save()
