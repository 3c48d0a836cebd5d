"""The site's root page, which every other page in a test hangs under."""

import wagtail_factories
from wagtail.models import Page, Site

from home.models import HomePage


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
    welcome = Page.objects.filter(depth=2).exclude(pk__in=HomePage.objects.values("pk"))
    welcome.update(slug="wagtail-welcome")
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="home")
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.root_page, site.site_name, site.hostname, site.port = home, "Portal", "localhost", 80
    site.save()
    for page in welcome:
        page.delete()
    return home
