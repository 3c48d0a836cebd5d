"""The site's root page, which every other page in a test hangs under, and the pages of home."""

import factory
import wagtail_factories
from django.conf import settings
from django.utils.translation import get_supported_language_variant
from wagtail.models import Locale, Page, Site

from home.models import HomePage, SiteSettings, StandardPage
from tests.pages import publish, site_root


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Home"
    slug = "home"


def make_site_root():
    """A published home page as the root of the default site, in place of the "Welcome" page
    that Wagtail's first migration creates (or the one already there)."""
    existing = HomePage.objects.first()
    if existing:
        return existing
    # After a transactional test every table is emptied, the migrations' locale and root included.
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=get_supported_language_variant(code))
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    welcome = Page.objects.filter(depth=2).exclude(pk__in=HomePage.objects.values("pk"))
    welcome.update(slug="wagtail-welcome")
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="home")
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.root_page, site.site_name, site.hostname, site.port = home, "Portal", "localhost", 80
    site.save()
    for page in welcome:
        page.delete()
    # Saved once, as on a running site: the first view would otherwise create them, and saving
    # them retires every cached page.
    SiteSettings.load()
    return home


class StandardPageFactory(wagtail_factories.PageFactory):
    """A published editorial page (about, privacy...) under the site root unless told otherwise,
    in the menus unless told otherwise."""

    class Meta:
        model = StandardPage
        skip_postgeneration_save = True

    parent = factory.LazyFunction(site_root)
    title = "About this site"
    intro = "Who we are and what this site is for."
    show_in_menus = True
    published = factory.PostGeneration(publish)


def key_figure(value="3.2", label="Unemployment rate", period="September 2026", **extra):
    """A key figure as the home page's ``key_figures`` holds it: (block name, value)."""
    return (
        "key_figure",
        {
            "value": value,
            "unit": extra.get("unit", "%"),
            "label": label,
            "period": period,
            "change": extra.get("change", "down 0.1 points"),
            "source": extra.get("source", "Labour force survey"),
            "source_url": extra.get("source_url", ""),
        },
    )
