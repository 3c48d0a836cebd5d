"""Run in its own process against the database of DATABASE_URL (see test_migrations.py): writes
rows with the models of an older state, migrates forward (and back where a migration can be
reversed) and prints what it finds, as JSON on its last line. One database serves every check,
each written at its own point on the way up, so the project is migrated from zero only once.

    DATABASE_URL=sqlite:////tmp/check.sqlite3 python -m literacy.tests.migration_check
"""

import json
import os


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django

    django.setup()

    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from . import audience_migration_check as audiences
    from . import split_migration_check as split

    def migrate_to(*targets):
        for app_label, name in targets:
            call_command("migrate", app_label, name, verbosity=0)
        return MigrationExecutor(connection).loader.project_state(list(targets)).apps

    split_ids = split.write_before(migrate_to(split.BEFORE))
    audience_ids = audiences.write_before(migrate_to(*audiences.BEFORE))
    call_command("migrate", verbosity=0)
    found = {"split": split.read_after(split_ids), "audiences_forward": audiences.read_after(audience_ids)}
    found["audiences_backward"] = audiences.read_before(migrate_to(*audiences.BEFORE), audience_ids)
    print(json.dumps(found))


if __name__ == "__main__":
    main()
