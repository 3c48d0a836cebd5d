"""Running a migration check in a process of its own, on a fresh SQLite database: such checks
migrate from an old state, which the test database (already at the latest state) cannot do."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_migration_check(module, tmp_path):
    """Run ``python -m module`` against a new database and return the JSON of its last line."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'migrations.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
    }
    result = subprocess.run(
        [sys.executable, "-m", module],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def page_row_fields(apps, title, slug, path, content_type):
    """The fields of a live page row written with historical models (no treebeard helpers there)."""
    return {
        "title": title,
        "draft_title": title,
        "slug": slug,
        "path": path,
        "depth": len(path) // 4,
        "url_path": f"/{slug}/",
        "content_type": content_type,
        "locale": apps.get_model("wagtailcore", "Locale").objects.first(),
        "translation_key": uuid.uuid4(),
        "live": True,
    }
