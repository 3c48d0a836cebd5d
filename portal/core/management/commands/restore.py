from django.core.management.base import BaseCommand, CommandError

from portal.core.backups import differences, read_manifest, restore


class Command(BaseCommand):
    help = (
        "Restore a backup folder into the configured (empty) database and the media folder, then "
        "check every table's row count against the backup. --check only compares."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--check", action="store_true", help="only compare row counts")

    def handle(self, folder, check=False, **options):
        try:
            manifest = read_manifest(folder) if check else restore(folder)
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        problems = differences(manifest)
        if problems:
            listed = "; ".join(f"{table}: {then} in the backup, {now} now" for table, then, now in problems)
            raise CommandError(f"Row counts differ: {listed}")
        total = sum(manifest["rows"].values())
        self.stdout.write(
            self.style.SUCCESS(f"Restored and checked {len(manifest['rows'])} tables, {total} rows.")
        )
