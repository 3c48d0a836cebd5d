"""The site's home page in each language: where each language's tree of pages starts.

Wagtail keeps a translated page tree per locale, each under a translation of the site's root
page (``copy_for_translation``). Routing, the language switcher and the sitemap all start from
these homes; the site's cached copy carries them (``portal.core.routing.site_for_request``)."""

from django.db.models import Case, Q, When
from wagtail.models import Page


def homes_by_language(root_page):
    """The site's home page in each language it is translated into, by language code (the root
    page itself under its own language, even when it is not live)."""
    pages = list(
        Page.objects.filter(Q(live=True) | Q(pk=root_page.pk), translation_key=root_page.translation_key)
        .select_related("locale")
        .order_by(Case(When(pk=root_page.pk, then=0), default=1))
    )
    return {home.locale.language_code: home for home in reversed(pages)}


def home_in_language(site, language_code):
    """The site's home page in ``language_code``, or the site's root page when it has none."""
    homes = getattr(site, "homes_by_language", None)
    if homes is None:
        homes = site.homes_by_language = homes_by_language(site.root_page)
    home = homes.get(language_code)
    if home is None:
        home = next(home for home in homes.values() if home.pk == site.root_page_id)
    return home
