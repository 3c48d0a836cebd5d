"""Addresses that carry their language: ``/en/…``, ``/fr/…``, ``/ar/…``.

Every page people read lives under its language's prefix, so a link, a bookmark, a search
engine and the HTTP cache all know the language from the address alone. The prefix is the
language code's first part (``en-gb`` is ``/en/``); Django's own ``LocalePrefixPattern`` would
write the whole code.

Addresses from before the prefixes keep working (``LanguagePrefixMiddleware``): a ``GET`` or
``HEAD`` is sent on permanently to the visitor's language (the language cookie, then
``Accept-Language``, then the default), and anything else (a form posted from an old page, a
mail client's one-click unsubscribe, a webhook) is answered in place in that language, since a
redirect would lose its body. A first part that names a language the site does not speak
(``/de/…``) is a 404 in the default language, not a redirect to ``/en/de/…``.

Addresses for machines and staff (the admin, the API, the sitemap, robots.txt, health checks,
media) have no prefix and follow the visitor's language as before.
"""

import re

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import LocalePrefixPattern, URLResolver, get_urlconf, is_valid_path, resolve
from django.urls.exceptions import Resolver404
from django.utils import translation
from django.utils.cache import patch_vary_headers

FIRST_PART = re.compile(r"^/([^/]+)(/|$)")
LANGUAGE_WITH_COUNTRY = re.compile(r"^[a-z]{2}-[a-z]{2}$")


def url_prefix(language_code):
    """The address prefix of one of settings.LANGUAGES: its code's first part."""
    return language_code.split("-")[0].lower()


def languages_by_prefix():
    return {url_prefix(code): code for code, _name in settings.LANGUAGES}


def language_from_path(path):
    """The language an address names by its prefix, or None for an address without one."""
    match = FIRST_PART.match(path)
    return languages_by_prefix().get(match.group(1)) if match else None


def with_language(path, language_code):
    """``path`` (an address without a prefix) under ``language_code``'s prefix."""
    return f"/{url_prefix(language_code)}{path}"


def without_language(path):
    """``path`` with its language prefix taken off (unchanged when it has none)."""
    match = FIRST_PART.match(path)
    if match and match.group(1) in languages_by_prefix():
        return path[len(match.group(1)) + 1 :] or "/"
    return path


def negotiated_language(request):
    """The visitor's language for an address without a prefix: cookie, Accept-Language, default."""
    return translation.get_language_from_request(request)


def request_language(request):
    """The language a request is answered in: its address's, else the visitor's."""
    return language_from_path(request.path_info) or negotiated_language(request)


class ShortLocalePrefixPattern(LocalePrefixPattern):
    """Django's language prefix with the code's first part (``en/`` for ``en-gb``)."""

    @property
    def language_prefix(self):
        return url_prefix(translation.get_language() or settings.LANGUAGE_CODE) + "/"


def language_patterns(*urls):
    """The addresses given, each under every language's prefix (like ``i18n_patterns``)."""
    return [URLResolver(ShortLocalePrefixPattern(), list(urls))]


def names_unknown_language(path):
    """Whether the address starts with a language the site does not speak: a language code
    (``/de/``, ``/zh-hans/``) or one with a country (``/en-us/``, ``/pt-br/``)."""
    match = FIRST_PART.match(path)
    if not match or match.group(1) in languages_by_prefix():
        return False
    code = match.group(1).lower()
    return code in LANG_INFO or bool(LANGUAGE_WITH_COUNTRY.match(code) and code[:2] in LANG_INFO)


class LanguagePrefixMiddleware:
    """Django's LocaleMiddleware for addresses with short prefixes, with permanent redirects for
    the addresses that had none (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_from_path(request.path_info)
        unprefixed = language is None
        if unprefixed:
            language = negotiated_language(request)
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
            response = self.unprefixed(request, language)
            if response is None:
                response = self.get_response(request)
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        else:
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", translation.get_language())
        return response

    def unprefixed(self, request, language):
        """A redirect for an old address, or None to answer it here (after moving a non-GET
        request under its language's prefix)."""
        path = request.path_info
        try:
            resolve(path, get_urlconf())
        except Resolver404:
            pass
        else:
            return None  # an address without a prefix (the admin, the API…)
        if names_unknown_language(path):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
            raise Http404("No such language.")
        target = with_language(path, language)
        if not is_valid_path(target) and settings.APPEND_SLASH and is_valid_path(target + "/"):
            target += "/"
        if not is_valid_path(target):
            return None
        script_prefix = request.path[: len(request.path) - len(path)]
        if request.method in ("GET", "HEAD"):
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(script_prefix + target + (f"?{query}" if query else ""))
        request.path_info = target
        request.path = script_prefix + target
        return None
