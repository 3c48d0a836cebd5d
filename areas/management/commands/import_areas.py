"""manage.py import_areas FILE --code-list SLUG: the area hierarchy and its boundaries from a
GeoJSON FeatureCollection or a TopoJSON Topology (``areas.boundaries``)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from datasets.area_codes import area_code_list, area_code_lists

from ...boundaries import import_boundaries
from ...geometry import MAX_FILE_BYTES, BoundariesInvalid


class Command(BaseCommand):
    help = "Import areas (code, name, parent, level) with their boundaries from GeoJSON or TopoJSON."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--code-list", required=True, help="Slug of the area code list to fill.")
        parser.add_argument("--dry-run", action="store_true", help="Check the file, write nothing.")

    def handle(self, *args, file, code_list, dry_run=False, **options):
        target = area_code_list(code_list)
        if target is None:
            choices = ", ".join(area_code_lists().values_list("slug", flat=True)) or "none yet"
            raise CommandError(f"No area code list {code_list!r} (area code lists: {choices}).")
        try:
            if file.stat().st_size > MAX_FILE_BYTES:
                raise CommandError(f"{file} is over {MAX_FILE_BYTES // 1024 // 1024} MB.")
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        try:
            summary = import_boundaries(data, target, dry_run=dry_run)
        except BoundariesInvalid as invalid:
            raise CommandError(
                "Nothing was imported:\n" + "\n".join(f"- {problem}" for problem in invalid.problems)
            ) from None
        prefix = "Checked (nothing written): " if dry_run else "Imported "
        self.stdout.write(prefix + str(summary))
