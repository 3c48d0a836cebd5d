"""Backups hold the database, the media files and a manifest of row counts; a restore refuses
what would lose or corrupt data. The full drill (back up, restore into an empty database,
compare) runs in CI: deploy/restore_drill."""

import io
import json
import tarfile

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from portal.core import backups
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "images").mkdir(parents=True)
    (settings.MEDIA_ROOT / "images" / "chart.png").write_bytes(b"\x89PNG fake")
    return settings.MEDIA_ROOT


def test_a_backup_holds_the_database_the_media_and_the_row_counts(tmp_path, media):
    UserFactory.create_batch(3)
    folder = backups.back_up(tmp_path / "backups")
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["rows"]["accounts_user"] == 3
    (database,) = folder.glob("database.*")  # a SQLite copy or a pg_dump archive
    assert database.suffix == {"sqlite": ".sqlite3", "postgresql": ".pgdump"}[connection.vendor]
    assert database.stat().st_size > 0
    with tarfile.open(folder / "media.tar.gz") as archive:
        assert "media/images/chart.png" in archive.getnames()
    assert backups.differences(manifest) == []


def test_differences_name_each_table_that_changed(tmp_path, media):
    folder = backups.back_up(tmp_path / "backups")
    UserFactory()
    assert backups.differences(backups.read_manifest(folder)) == [("accounts_user", 0, 1)]
    with pytest.raises(CommandError, match="accounts_user: 0 in the backup, 1 now"):
        call_command("restore", str(folder), "--check", stdout=io.StringIO())


def test_a_restore_never_overwrites_a_database_in_use(tmp_path, media):
    folder = backups.back_up(tmp_path / "backups")
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(folder), stdout=io.StringIO())


def test_a_backup_of_another_database_engine_is_refused(tmp_path, media):
    folder = backups.back_up(tmp_path / "backups")
    manifest = backups.read_manifest(folder)
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    (folder / "manifest.json").write_text(json.dumps({**manifest, "vendor": other}))
    with pytest.raises(CommandError, match=f"{other} database, not {connection.vendor}"):
        call_command("restore", str(folder), stdout=io.StringIO())


def test_a_missing_backup_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("restore", str(tmp_path / "nowhere"), stdout=io.StringIO())
