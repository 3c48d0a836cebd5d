"""Every full page says its language and writing direction in ``<html lang dir>``, whatever
renders it (a view, the server-error handler, an email)."""

from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import override

from portal.core.templatetags.language_tags import bcp47, html_language

ROOT = Path(settings.BASE_DIR)


def full_page_templates():
    return sorted(
        path
        for path in ROOT.glob("**/templates/**/*.html")
        if ".venv" not in path.parts and "<html" in path.read_text(encoding="utf-8")
    )


def test_the_full_page_templates_are_found():
    names = {path.name for path in full_page_templates()}
    assert {"base.html", "500.html", "chart_embed.html", "letter.html", "embed.html"} <= names


@pytest.mark.parametrize("path", full_page_templates(), ids=lambda path: str(path.relative_to(ROOT)))
def test_every_full_page_template_names_its_language_and_direction(path):
    text = path.read_text(encoding="utf-8")
    assert text.count("<html") == 1
    assert "<html {% html_language %}" in text, "use the tag: it works without a request too"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en-gb", 'lang="en-GB" dir="ltr"'), ("fr", 'lang="fr" dir="ltr"'), ("ar", 'lang="ar" dir="rtl"')],
)
def test_the_tag_gives_the_active_language(language, expected):
    with override(language):
        assert html_language() == expected


def test_a_language_code_is_written_as_bcp_47():
    assert [bcp47(code) for code in ("en-gb", "fr", "ar", "pt-br", None)] == [
        "en-GB",
        "fr",
        "ar",
        "pt-BR",
        "en-GB",
    ]


@pytest.mark.parametrize(
    ("language", "expected"), [("fr", '<html lang="fr" dir="ltr">'), ("ar", '<html lang="ar" dir="rtl">')]
)
def test_the_server_error_page_without_a_request(language, expected):
    with override(language):
        assert expected in render_to_string("500.html")
