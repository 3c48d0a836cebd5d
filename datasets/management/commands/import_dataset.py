"""``manage.py import_dataset FILE --dataset SLUG``: a new version of a dataset from a CSV file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from datasets.importing import FORMATS, TIDY, ImportFailed, import_observations, revision_needed
from datasets.models import Dataset, RevisionKind


def _mapping(pairs):
    mapping = {}
    for pair in pairs:
        column, sep, field = pair.partition("=")
        if not sep or not column.strip() or not field.strip():
            raise CommandError(f"--map takes column=field, not {pair!r}")
        mapping[column.strip()] = field.strip().lower()
    return mapping


class Command(BaseCommand):
    help = "Import observations from a CSV file as a new version of a dataset (nothing is kept on error)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dataset", required=True, help="the dataset's slug")
        parser.add_argument("--format", choices=FORMATS, default=TIDY)
        parser.add_argument(
            "--map", action="append", default=[], metavar="COLUMN=FIELD", help="rename a column"
        )
        parser.add_argument("--dry-run", action="store_true", help="show the changes, write nothing")
        parser.add_argument("--note", default="", help="why this version was made")
        parser.add_argument(
            "--revision-kind",
            choices=RevisionKind.values,
            default="",
            help="when the file changes published figures: correction (an error fixed) or revision "
            "(a scheduled update of provisional figures)",
        )
        parser.add_argument(
            "--reason", default="", help="why published figures change: shown in the public notice"
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="make the version public at once (otherwise it waits, embargoed, for its release)",
        )

    def handle(
        self, *args, file, dataset, format, map, dry_run, note, publish, revision_kind, reason, **options
    ):
        try:
            found = Dataset.objects.get(slug=dataset)
        except Dataset.DoesNotExist:
            raise CommandError(f"no dataset with the slug {dataset!r}") from None
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"no such file: {file}")
        with path.open("rb") as binary:
            try:
                result = import_observations(
                    found,
                    binary,
                    fmt=format,
                    mapping=_mapping(map),
                    dry_run=dry_run,
                    note=note,
                    filename=path.name,
                    publish=publish,
                    revision_kind=revision_kind,
                    reason=reason,
                )
            except ImportFailed as failed:
                for line in failed.lines():
                    self.stderr.write(line)
                raise CommandError(f"{path.name} was not imported: nothing was written.") from None
        if dry_run:
            self.stdout.write(f"Dry run: {result.rows} rows are valid; nothing was written.")
        else:
            state = "published" if publish else "embargoed until its release"
            self.stdout.write(
                f"Imported {result.rows} rows as version {result.version.number} of {found} ({state})."
            )
        against = f"version {result.previous.number}" if result.previous else "no earlier version"
        self.stdout.write(f"Changes against {against}:")
        for line in result.diff.lines():
            self.stdout.write(line)
        if result.revises_published:
            if dry_run:
                self.stdout.write(revision_needed(result.revises_published))
            else:
                self.stdout.write(
                    f"A {RevisionKind(result.version.revision_kind).label.lower()} notice will be published "
                    "with this version."
                )
