"""The site's languages as data: which one a person, a post or a message is in.

Interface text is translated through the catalogues (docs/languages.md); this module answers
"which of settings.LANGUAGES is this?", so what is stored is always one of them, whatever a
browser, a cookie or an old row says.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


def supported_language(code):
    """One of settings.LANGUAGES for `code` ("fr-ca" → "fr", "en" → "en-gb"); anything
    unknown, empty or malformed gives the default, so a stored language is always valid."""
    if not code or not isinstance(code, str):
        return settings.LANGUAGE_CODE
    try:
        variant = translation.get_supported_language_variant(code.strip().lower())
    except LookupError:
        return settings.LANGUAGE_CODE
    return variant if variant in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def bcp47(language_code):
    """Django's ``en-gb`` as the ``en-GB`` that HTML, hreflang and screen readers expect."""
    return translation.to_locale(language_code or settings.LANGUAGE_CODE).replace("_", "-")


def interface_text(value):
    """Words editors may change in the site's settings (a question, a thank-you), in the reader's
    language while they are still the defaults the catalogues translate; an editor's own words are
    shown as written."""
    return translation.gettext(value) if value else value


def active_language():
    """The language of the request (or task) being handled, as one of settings.LANGUAGES."""
    return supported_language(translation.get_language())


LANGUAGE = _("language")


def language_field(verbose_name=LANGUAGE, **kwargs):
    """The one way to store a language on a record: one of settings.LANGUAGES, default the
    site's. Callers set it from active_language() when the record is written."""
    kwargs.setdefault("max_length", 10)
    kwargs.setdefault("choices", settings.LANGUAGES)
    kwargs.setdefault("default", settings.LANGUAGE_CODE)
    return models.CharField(verbose_name, **kwargs)


def language_choice_field():
    """Where a person chooses the language of the emails they get (preference centres)."""
    return forms.TypedChoiceField(
        label=_("Language for emails"),
        choices=settings.LANGUAGES,
        coerce=supported_language,
        required=False,  # left out: the language stays as it is
        empty_value=None,
        help_text=_("We write to you in this language."),
    )
