"""Refresh the French and Arabic catalogues of every app (``make messages``) without churn.

Each app's ``makemessages`` runs from the app's own folder, so a catalogue's references are
relative to its app ("forms.py:13"), as they are committed. gettext stamps every refreshed
catalogue with a new ``POT-Creation-Date``; a catalogue whose messages did not change gets its
old text back, so running this on an unchanged tree changes no file. See docs/languages.md.
"""

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["fr", "ar"]
IGNORE = [".venv", ".tools", "node_modules", "tests/*", "*/tests/*", "locale/*"]
_STAMP = re.compile(r'^"POT-Creation-Date: [^"]*"\n', re.MULTILINE)


def app_folders(root=ROOT):
    """The folders with their own catalogues: each app's, and ``portal/`` (``LOCALE_PATHS``)."""
    return sorted(path.parent for path in root.glob("*/locale") if path.is_dir())


def without_stamp(text):
    """A catalogue's text without the creation date that gettext rewrites on every run."""
    return _STAMP.sub("", text)


def keep_unchanged(before):
    """Put back each catalogue whose text differs from ``before`` only by its creation date."""
    for path, old in before.items():
        new = path.read_text(encoding="utf-8") if path.exists() else None
        if new is not None and new != old and without_stamp(new) == without_stamp(old):
            path.write_text(old, encoding="utf-8")


def refresh(folder):
    from django.core.management import call_command

    catalogues = list(folder.glob("locale/*/LC_MESSAGES/django.po"))
    before = {path: path.read_text(encoding="utf-8") for path in catalogues}
    os.chdir(folder)
    try:
        call_command("makemessages", locale=LANGUAGES, no_obsolete=True, ignore_patterns=IGNORE, verbosity=0)
    finally:
        os.chdir(ROOT)
    keep_unchanged(before)


def main():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django

    django.setup()
    for folder in app_folders():
        print(f"== {folder.relative_to(ROOT)}")
        refresh(folder)


if __name__ == "__main__":
    main()
