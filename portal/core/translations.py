"""The page being read, in each of the site's languages: what the language switcher offers and
what the ``hreflang`` alternates and the sitemap announce.

A page's translations share its ``translation_key`` (Wagtail's internationalisation; editors
translate with wagtail-localize). Where a page has no live translation in a language, the
switcher still offers that language: the page's original address under that language's prefix,
which shows the original with a notice that it is not translated yet (``portal.core.routing``).
Search engines are told only of real translations.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from portal.core.caching.pagecache import chrome_generation, page_cache
from portal.core.homes import home_in_language
from portal.core.language_urls import language_from_path, with_language, without_language
from portal.core.languages import bcp47


@dataclass(frozen=True)
class PageLanguage:
    code: str  # one of settings.LANGUAGES
    name: str  # the language's name in itself ("Français")
    url: str  # this page's address in that language (with the query, outside the page tree)
    current: bool  # the language the page is read in now
    translated: bool  # False: no translation yet; the address shows the original
    note: str = ""  # "not translated yet", in that language

    @property
    def address(self):
        """The address without its query: what ``hreflang`` alternates name."""
        return self.url.split("?", 1)[0]

    @property
    def is_default(self):
        return self.code == settings.LANGUAGE_CODE

    @property
    def hreflang(self):
        return bcp47(self.code)


def language_of_page(page):
    """The language code of a Wagtail page's content, or None for anything else."""
    if not isinstance(page, Page) or page.locale_id is None:
        return None
    return page.locale.language_code


def page_languages(request, page):
    """One ``PageLanguage`` per site language for the page (or view) answering ``request``."""
    if getattr(request, "is_preview", False) or language_from_path(request.path_info) is None:
        return []  # a preview, or an address in no language of its own (the API keys' page)
    current = translation.get_language()
    path = without_language(request.path_info)
    query = request.META.get("QUERY_STRING", "")
    suffix = f"?{query}" if query else ""
    if language_of_page(page) is None or page.pk is None:
        return [
            language(code, with_language(path, code) + suffix, current, True)
            for code, _ in settings.LANGUAGES
        ]
    from portal.core.routing import site_for_request  # here: models import this module, routing imports views

    site = site_for_request(request)
    if site is None:
        return []
    homes = {code: home_in_language(site, code) for code, _name in settings.LANGUAGES}
    own_code = page.locale.language_code
    own_home = homes[own_code]
    own_path = "/" + page.url_path[len(own_home.url_path) :]
    rest = path[len(own_path) :] if path.startswith(own_path) else ""
    translations = {code: (url_path, tree_path) for code, url_path, tree_path in live_translations(page)}
    translations[own_code] = (page.url_path, page.path)
    languages = []
    for code, _name in settings.LANGUAGES:
        home = homes[code] if homes[code].locale.language_code == code else None
        url_path, tree_path = translations.get(code, ("", ""))
        if home is not None and tree_path.startswith(home.path):
            address = "/" + url_path[len(home.url_path) :] + rest
            languages.append(language(code, with_language(address, code), current, True))
        else:
            languages.append(language(code, with_language(own_path + rest, code), current, False))
    return languages


def in_language(pages, language=None):
    """``pages`` (any page model's queryset) as a reader of ``language`` (default: the active one)
    should see them listed: the pages of that language's locale and, for a page with no live
    translation into it (none, a draft, or an alias that repeats the original), the original in
    the site's default language; never the same page twice in two languages. Subqueries inside
    the one query: it adds no query to a listing."""
    active = get_supported_content_language_variant(language or translation.get_language())
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    written = Page.objects.filter(alias_of__isnull=True)
    own = written.filter(locale__language_code=active)
    if active == default:
        return pages.filter(id__in=own.values("id"))
    originals = written.filter(locale__language_code=default).exclude(
        translation_key__in=own.filter(live=True).values("translation_key")
    )
    return pages.filter(Q(id__in=own.values("id")) | Q(id__in=originals.values("id")))


def each_in_language(pages, language=None):
    """``pages`` (a list, in order), each replaced by its live translation into ``language``
    (default: the active one) where there is one: one query, none in the default language."""
    language = get_supported_content_language_variant(language or translation.get_language())
    if not pages or language == get_supported_content_language_variant(settings.LANGUAGE_CODE):
        return list(pages)
    keys = [page.translation_key for page in pages]
    found = Page.objects.filter(translation_key__in=keys, locale__language_code=language, live=True)
    by_key = {translated.translation_key: translated for translated in found}
    return [by_key.get(page.translation_key, page) for page in pages]


def live_translations(page):
    """(language code, url_path, path) of each live translation of ``page``, itself excluded:
    kept for the chrome generation (any publish starts a new one), so a page view reads none."""
    seconds = settings.PAGE_CACHE["CHROME_SECONDS"]
    key = f"core:translations:{chrome_generation()}:{page.translation_key}"
    found = page_cache().get(key) if seconds else None
    if found is None:
        found = list(
            Page.objects.filter(translation_key=page.translation_key, live=True).values_list(
                "locale__language_code", "url_path", "path"
            )
        )
        if seconds:
            page_cache().set(key, found, seconds)
    return [row for row in found if row[2] != page.path]


def language(code, url, current, translated):
    note = ""
    if not translated:
        with translation.override(code):
            note = gettext("not translated yet")
    return PageLanguage(code, dict(settings.LANGUAGES)[code], url, code == current, translated, note)
