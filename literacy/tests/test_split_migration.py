"""Literacy's split into the modules and training apps loses no row: a session page and a
registration written at literacy's last migration before the split are there after it, under the
same content types, relabelled. It runs in its own process on a database of its own, since it
migrates from zero (the test database is already migrated and holds the demo)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_page_and_a_registration_made_before_the_split_are_kept(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'split.sqlite3'}"}
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings.dev"
    result = subprocess.run(
        [sys.executable, "-m", "literacy.tests.split_migration_check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    found = json.loads(result.stdout.strip().splitlines()[-1])

    assert found["session_class"] == "TrainingSessionPage"
    assert found["session_title"] == "A session before the split"
    assert found["session_content_type"] == "training"
    assert found["registration_email"] == "before.split@example.org"
    assert found["registrations_of_session"]
    assert found["registration_content_type"], "the registration keeps its content type row"
    assert found["old_content_types"] == 0
