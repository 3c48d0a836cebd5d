"""Back up and restore the whole site: the database (a SQLite file copied with SQLite's backup
API, or a PostgreSQL custom-format dump) and the media files, with a manifest of row counts so a
restore can be checked against what was backed up."""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

MANIFEST = "manifest.json"
MEDIA = "media.tar.gz"


def row_counts():
    """Rows per table of the current database, the measure a restore is checked by."""
    with connection.cursor() as cursor:
        tables = sorted(connection.introspection.table_names(cursor))
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def _pg_environment(database):
    """libpq's variables for the configured database, so no password ends up on a command line."""
    environment = {**os.environ, "PGDATABASE": database["NAME"]}
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if database.get(key):
            environment[variable] = str(database[key])
    return environment


def _client_tool(name):
    """The full path of a PostgreSQL client program (pg_dump, pg_restore)."""
    found = shutil.which(name)
    if not found:
        raise ValueError(f"{name} is not installed (Debian: apt-get install postgresql-client).")
    return found


def back_up(destination):
    """Write a new backup folder under ``destination`` and return its path."""
    database = settings.DATABASES["default"]
    folder = Path(destination) / timezone.now().strftime("portal-%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=False)
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(folder / "database.sqlite3") as copy:
            connection.connection.backup(copy)
    elif connection.vendor == "postgresql":
        subprocess.run(  # noqa: S603
            [
                _client_tool("pg_dump"),
                "--format=custom",
                "--no-owner",
                "--file",
                str(folder / "database.pgdump"),
            ],
            check=True,
            env=_pg_environment(database),
        )
    else:
        raise ValueError(f"No backup for {connection.vendor} databases.")
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(folder / MEDIA, "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname="media")
    manifest = {"vendor": connection.vendor, "created": timezone.now().isoformat(), "rows": row_counts()}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return folder


def read_manifest(folder):
    return json.loads((Path(folder) / MANIFEST).read_text())


def restore(folder):
    """Restore a backup into the configured database, which must be empty (no tables)."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    if manifest["vendor"] != connection.vendor:
        raise ValueError(f"This backup is of a {manifest['vendor']} database, not {connection.vendor}.")
    if connection.introspection.table_names():
        raise ValueError("The database is not empty: restore into a new, empty database.")
    database = settings.DATABASES["default"]
    if connection.vendor == "sqlite":
        connection.close()
        shutil.copyfile(folder / "database.sqlite3", database["NAME"])
    else:
        subprocess.run(  # noqa: S603
            [
                _client_tool("pg_restore"),
                "--no-owner",
                "--exit-on-error",
                "--dbname",
                database["NAME"],
                str(folder / "database.pgdump"),
            ],
            check=True,
            env=_pg_environment(database),
        )
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / MEDIA, "r:gz") as archive:
        for member in archive.getmembers():
            if not (member.isfile() or member.isdir()) or not member.name.startswith("media"):
                raise ValueError(f"Unexpected entry in the media archive: {member.name}")
            member.name = member.name.removeprefix("media").lstrip("/") or "."
        archive.extractall(media_root, filter="data")
    return manifest


def differences(manifest):
    """Tables whose row count differs from the backup's: (table, in the backup, now)."""
    now = row_counts()
    expected = manifest["rows"]
    return [
        (table, expected.get(table), now.get(table))
        for table in sorted(set(expected) | set(now))
        if expected.get(table) != now.get(table)
    ]
