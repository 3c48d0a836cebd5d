"""``make messages`` (scripts/messages.py) leaves a catalogue alone when only gettext's creation
date would change, and keeps every real change."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("messages_script", ROOT / "scripts" / "messages.py")
messages = importlib.util.module_from_spec(spec)
spec.loader.exec_module(messages)

OLD = (
    'msgid ""\nmsgstr ""\n"POT-Creation-Date: 2026-01-01 10:00+0000\\n"\n\nmsgid "Hello"\nmsgstr "Bonjour"\n'
)


def test_only_a_new_date_gives_the_old_text_back(tmp_path):
    path = tmp_path / "django.po"
    path.write_text(OLD.replace("2026-01-01 10:00", "2026-12-07 17:00"), encoding="utf-8")
    messages.keep_unchanged({path: OLD})
    assert path.read_text(encoding="utf-8") == OLD


def test_a_changed_message_is_kept(tmp_path):
    path = tmp_path / "django.po"
    new = OLD.replace("2026-01-01 10:00", "2026-12-07 17:00") + '\nmsgid "Bye"\nmsgstr ""\n'
    path.write_text(new, encoding="utf-8")
    messages.keep_unchanged({path: OLD})
    assert path.read_text(encoding="utf-8") == new


def test_a_removed_catalogue_is_not_recreated(tmp_path):
    path = tmp_path / "django.po"
    messages.keep_unchanged({path: OLD})
    assert not path.exists()


def test_every_catalogue_folder_is_refreshed():
    folders = {folder.name for folder in messages.app_folders()}
    assert {"portal", "newsletters", "datasets"} <= folders
    assert ".venv" not in folders
