"""The French and Arabic catalogues are complete, keep their placeholders and are compiled."""

import polib
import pytest

from tests.catalogues import (
    LANGUAGES,
    catalogue_paths,
    catalogue_problems,
    conflicting_translations,
    placeholders,
)
from tests.untranslated import APP_DIRS, ROOT

HEADERS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "ar": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
    "n%100>=11 ? 4 : 5);",
}


def write_catalogue(tmp_path, language, entries, compile_it=True):
    folder = tmp_path / language / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": HEADERS[language]}
    for entry in entries:
        catalogue.append(entry)
    path = folder / "django.po"
    catalogue.save(str(path))
    if compile_it:
        catalogue.save_as_mofile(str(path.with_suffix(".mo")))
    return path


def test_every_catalogue_of_the_project_passes():
    problems = {str(path): catalogue_problems(path) for path in catalogue_paths()}
    assert {path: found for path, found in problems.items() if found} == {}


def test_every_app_has_a_french_and_an_arabic_catalogue():
    missing = [
        f"{app}/locale/{language}"
        for app in APP_DIRS
        for language in LANGUAGES
        if not (ROOT / app / "locale" / language / "LC_MESSAGES" / "django.po").exists()
    ]
    assert missing == []


def test_a_message_has_one_translation_across_the_apps():
    """Django merges the apps' catalogues and one translation wins; two would make a test or a
    translator believe in the one nobody sees."""
    assert conflicting_translations(catalogue_paths()) == []


def test_two_apps_translating_one_message_differently_are_named(tmp_path):
    first = write_catalogue(
        tmp_path / "one", "fr", [polib.POEntry(msgid="Email address", msgstr="Adresse e-mail")]
    )
    second = write_catalogue(
        tmp_path / "two", "fr", [polib.POEntry(msgid="Email address", msgstr="Adresse électronique")]
    )
    same = write_catalogue(
        tmp_path / "three", "fr", [polib.POEntry(msgid="Email address", msgstr="Adresse e-mail")]
    )
    assert conflicting_translations([first, same]) == []
    assert conflicting_translations([first, second]) == [("fr", "Email address")]


def test_a_complete_catalogue_passes(tmp_path):
    path = write_catalogue(
        tmp_path,
        "ar",
        [
            polib.POEntry(msgid="Search", msgstr="بحث"),
            polib.POEntry(msgid="Hello %(name)s", msgstr="مرحبا %(name)s"),
            polib.POEntry(
                msgid="%(count)s reply",
                msgid_plural="%(count)s replies",
                msgstr_plural={index: f"%(count)s رد {index}" for index in range(6)},
            ),
        ],
    )
    assert catalogue_problems(path) == []


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (polib.POEntry(msgid="Search", msgstr=""), "has no translation"),
        (polib.POEntry(msgid="Search", msgstr="Chercher", flags=["fuzzy"]), "is marked fuzzy"),
        (polib.POEntry(msgid="Hello %(name)s", msgstr="Bonjour %(nom)s"), "changes the placeholders"),
        (polib.POEntry(msgid="%s posts", msgstr="messages"), "changes the placeholders"),
        (polib.POEntry(msgid="Page {page}", msgstr="Page {numero}"), "changes the placeholders"),
    ],
)
def test_a_faulty_entry_is_named(tmp_path, entry, problem):
    path = write_catalogue(tmp_path, "fr", [entry])
    found = catalogue_problems(path)
    assert len(found) == 1 and problem in found[0]


def test_arabic_plural_messages_need_all_six_forms(tmp_path):
    entry = polib.POEntry(
        msgid="%(count)s reply",
        msgid_plural="%(count)s replies",
        msgstr_plural={0: "%(count)s رد", 1: "%(count)s ردود"},
    )
    path = write_catalogue(tmp_path, "ar", [entry])
    assert any("fills 2 of 6 plural forms" in problem for problem in catalogue_problems(path))


def test_a_catalogue_with_the_wrong_plural_header_is_named(tmp_path):
    path = write_catalogue(tmp_path, "fr", [polib.POEntry(msgid="Search", msgstr="Rechercher")])
    path.write_text(path.read_text().replace("nplurals=2", "nplurals=1"), encoding="utf-8")
    assert any("Plural-Forms" in problem for problem in catalogue_problems(path))


def test_a_missing_or_stale_compiled_file_is_named(tmp_path):
    entry = polib.POEntry(msgid="Search", msgstr="Rechercher")
    path = write_catalogue(tmp_path, "fr", [entry], compile_it=False)
    assert catalogue_problems(path) == ["the compiled .mo file is missing (run manage.py compilemessages)"]
    catalogue = polib.pofile(str(path))
    catalogue.save_as_mofile(str(path.with_suffix(".mo")))
    catalogue[0].msgstr = "Chercher"
    catalogue.save(str(path))
    assert "older than the .po file" in catalogue_problems(path)[0]


def test_placeholders_ignore_a_literal_percent_sign():
    assert placeholders("%(share)s%% of %s, {name}") == ["%(share)s", "%s", "{name}"]
