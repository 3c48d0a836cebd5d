"""Checks of the French and Arabic message catalogues (issue 21).

A catalogue passes when every message has a translation, none is marked fuzzy, each
translation keeps the placeholders of its English (``%(name)s``, ``%s``, ``{name}``) so that
formatting cannot fail or drop a figure, plural messages fill every plural form of the language
(Arabic has six), and the compiled ``.mo`` file beside it holds the same translations (the
``.mo`` files are committed, as Django and Wagtail do, so the site runs without gettext's tools).
"""

import re
from pathlib import Path

import polib

from tests.untranslated import APP_DIRS, ROOT

LANGUAGES = ("fr", "ar")
PLURAL_FORMS = {"fr": 2, "ar": 6}
PLACEHOLDER = re.compile(
    r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[sdifr]"  # %(name)s
    r"|%[-#0 +]*\d*(?:\.\d+)?[sdifr]"  # %s
    r"|\{[a-z_0-9]*\}"  # {name}
)


def catalogue_paths(root=ROOT):
    """Every French and Arabic catalogue of the project's apps."""
    for app in APP_DIRS:
        for language in LANGUAGES:
            path = root / app / "locale" / language / "LC_MESSAGES" / "django.po"
            if path.exists():
                yield path


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text.replace("%%", "")))


def _entry_problems(entry, language):
    where = f"line {entry.linenum}: {entry.msgid[:60]!r}"
    if "fuzzy" in entry.flags:
        yield f"{where} is marked fuzzy"
    if not entry.msgid_plural:
        if not entry.msgstr:
            yield f"{where} has no translation"
        elif placeholders(entry.msgstr) != placeholders(entry.msgid):
            yield f"{where} changes the placeholders: {entry.msgstr[:60]!r}"
        return
    forms = entry.msgstr_plural
    wanted = PLURAL_FORMS[language]
    if sorted(forms) != list(range(wanted)) or not all(forms.values()):
        yield f"{where} fills {sum(1 for text in forms.values() if text)} of {wanted} plural forms"
    english = set(placeholders(entry.msgid)) | set(placeholders(entry.msgid_plural))
    for text in forms.values():
        if text and not set(placeholders(text)) <= english:
            yield f"{where} has a plural form with unknown placeholders: {text[:60]!r}"


def catalogue_problems(path: Path):
    """What is wrong with one catalogue, as readable lines (empty when it passes)."""
    language = path.parent.parent.name
    catalogue = polib.pofile(str(path))
    problems = []
    header = catalogue.metadata.get("Plural-Forms", "")
    if f"nplurals={PLURAL_FORMS[language]};" not in header.replace(" ", ""):
        problems.append(f"the header's Plural-Forms is not {PLURAL_FORMS[language]} forms: {header!r}")
    for entry in catalogue:
        if not entry.obsolete:
            problems.extend(_entry_problems(entry, language))
    problems.extend(_compiled_problems(path, catalogue))
    return problems


def _compiled_problems(path, catalogue):
    compiled_path = path.with_suffix(".mo")
    if not compiled_path.exists():
        return ["the compiled .mo file is missing (run manage.py compilemessages)"]
    compiled = {(entry.msgctxt, entry.msgid): entry for entry in polib.mofile(str(compiled_path))}
    stale = [
        entry.msgid[:60]
        for entry in catalogue.translated_entries()
        if (found := compiled.get((entry.msgctxt, entry.msgid))) is None
        or (found.msgstr, found.msgstr_plural) != (entry.msgstr, entry.msgstr_plural)
    ]
    if stale:
        return [f"the .mo file is older than the .po file (run compilemessages): {stale[:3]}"]
    return []


def conflicting_translations(paths):
    """(language, English) of every message that two catalogues translate differently."""
    seen = {}
    conflicts = []
    for path in paths:
        language = path.parent.parent.name
        for entry in polib.pofile(str(path)):
            if entry.obsolete:
                continue
            key = (language, entry.msgctxt, entry.msgid, entry.msgid_plural)
            translation = (entry.msgstr, tuple(sorted(entry.msgstr_plural.items())))
            if seen.setdefault(key, translation) != translation and (language, entry.msgid) not in conflicts:
                conflicts.append((language, entry.msgid))
    return conflicts
