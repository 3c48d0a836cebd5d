"""Import observations from a CSV file into a new version of a dataset.

The file is read row by row inside one transaction: valid rows are inserted in batches, every
problem is collected with its line and column, and if there is any problem nothing is kept. So
memory stays flat in the number of rows and a file with one bad row writes nothing."""

import csv
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction

from .cells import CellError, parse_status, parse_value, plain_text
from .diff import diff_versions
from .models import Code, Dataset, DatasetVersion, Observation, RevisionKind
from .models.corrections import REASON_MAX_LENGTH
from .periods import PeriodError, parse_period
from .signals import publish_version

TIDY, SDMX_CSV = "tidy", "sdmx-csv"
FORMATS = (TIDY, SDMX_CSV)
REQUIRED = ("indicator", "period", "area", "value")
OPTIONAL = ("status", "conf")
SDMX_COLUMNS = {
    "DATAFLOW": None,  # the dataflow's id: the dataset is chosen by the command
    "TIME_PERIOD": "period",
    "OBS_VALUE": "value",
    "OBS_STATUS": "status",
    "OBS_CONF": "conf",
    "MEASURE": "indicator",
    "INDICATOR": "indicator",
    "REF_AREA": "area",
}
MAX_PROBLEMS = 100
BATCH_SIZE = 1000


@dataclass
class Problem:
    line: int
    column: str
    message: str

    def __str__(self):
        if not self.line:
            return self.message  # about the import as a whole, not a place in the file
        where = f"line {self.line}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


class ImportFailed(Exception):
    """The file was refused: nothing was written. ``stopped`` is set when reading stopped early."""

    def __init__(self, problems, stopped=False):
        self.problems = problems
        self.stopped = stopped
        super().__init__(f"{len(problems)} problem(s)")

    def lines(self):
        out = [str(problem) for problem in self.problems]
        if self.stopped:
            out.append(f"Stopped after {len(self.problems)} problems: fix these and import again.")
        return out


@dataclass
class ImportResult:
    version: DatasetVersion | None
    rows: int
    diff: object
    dry_run: bool = False
    previous: DatasetVersion | None = field(default=None)
    # Published figures this file changes or removes (against the version the public sees): a
    # notice will say so, so the editor must say why (revision_kind and reason).
    revises_published: int = 0


def column_letter(index):
    """Spreadsheet column name (0 → A, 26 → AA), so a message points where the editor looks."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _decoded_lines(binary):
    """The file's lines as text, one at a time; a line that is not UTF-8 is named."""
    for number, raw in enumerate(binary, start=1):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            byte = raw[error.start]
            message = (
                f"the file is not UTF-8 text (byte 0x{byte:02x} at character {error.start + 1}): "
                "save it as “CSV UTF-8” and import again"
            )
            raise ImportFailed([Problem(number, "", message)]) from None
        yield text.removeprefix("\ufeff") if number == 1 else text


class _Reader:
    """The file's rows with their line numbers; fatal problems (encoding, delimiter) raise."""

    def __init__(self, binary):
        self.reader = csv.reader(_decoded_lines(binary))

    def __iter__(self):
        while True:
            line = self.reader.line_num + 1
            try:
                row = next(self.reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise ImportFailed([Problem(line, "", f"the file cannot be read as CSV ({error})")]) from None
            yield line, row


def _fields(header, fmt, mapping, line):
    """Each column's field: indicator, period, area, value, status, conf, a breakdown slug, or None."""
    names = []
    for position, raw in enumerate(header):
        name = raw.strip()
        if name in mapping:
            name = mapping[name]
        elif fmt == SDMX_CSV and name.upper() in SDMX_COLUMNS:
            name = SDMX_COLUMNS[name.upper()]
        elif name:
            name = name.lower()
        if name == "" and raw.strip() == "":
            raise ImportFailed([Problem(line, column_letter(position), "the column has no name")])
        names.append(name)
    used = [name for name in names if name]
    duplicated = sorted({name for name in used if used.count(name) > 1})
    if duplicated:
        raise ImportFailed([Problem(line, "", f"the columns {', '.join(duplicated)} appear twice")])
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        raise ImportFailed([Problem(line, "", f"missing column(s): {', '.join(missing)}")])
    return names


def _check_delimiter(header, line):
    if len(header) == 1:
        for delimiter, name in ((";", "semicolons"), ("\t", "tabs"), ("|", "vertical bars")):
            if delimiter in header[0]:
                raise ImportFailed(
                    [
                        Problem(
                            line,
                            "",
                            f"the columns are separated by {name} ({delimiter!r}): save the file as CSV "
                            "with commas (“CSV UTF-8 (comma delimited)”)",
                        )
                    ]
                )


class _Importer:
    def __init__(self, dataset, fmt, mapping, batch_size, max_problems):
        self.dataset = dataset
        self.fmt = fmt
        self.mapping = mapping or {}
        self.batch_size = batch_size
        self.max_problems = max_problems
        self.problems = []
        self.rows = 0
        self.batch = {}
        self.indicators = dict(dataset.indicators.values_list("code", "pk"))
        self.areas = dict(Code.objects.filter(code_list=dataset.area_code_list_id).values_list("code", "pk"))
        self.breakdowns = {
            code_list.slug: set(code_list.codes.values_list("code", flat=True))
            for code_list in dataset.breakdown_code_lists.all()
        }

    def problem(self, line, position, message):
        column = f"{column_letter(position)} ({self.names[position]})" if position is not None else ""
        self.problems.append(Problem(line, column, message))

    def read(self, binary, version):
        self.version = version
        rows = iter(_Reader(binary))
        line, header = next(((n, row) for n, row in rows if any(cell.strip() for cell in row)), (1, None))
        if header is None:
            raise ImportFailed([Problem(line, "", "the file is empty")])
        _check_delimiter(header, line)
        self.names = _fields(header, self.fmt, self.mapping, line)
        for position, name in enumerate(self.names):
            if name and name not in REQUIRED + OPTIONAL and name not in self.breakdowns:
                known = ", ".join(sorted(self.breakdowns)) or "none"
                self.problem(line, position, f"not a column of this dataset (its breakdowns: {known})")
        if self.problems:
            raise ImportFailed(self.problems)
        for line, row in rows:
            if len(self.problems) >= self.max_problems:
                raise ImportFailed(self.problems, stopped=True)
            if not any(cell.strip() for cell in row):
                continue
            self.row(line, row)
            if len(self.batch) >= self.batch_size:
                self.flush()
        self.flush()
        if self.problems:
            raise ImportFailed(self.problems, stopped=len(self.problems) >= self.max_problems)

    def row(self, line, row):
        if len(row) != len(self.names):
            self.problems.append(
                Problem(line, "", f"{len(row)} cells where the header has {len(self.names)}")
            )
            return
        before = len(self.problems)
        values, breakdown = {}, []
        for position, (name, cell) in enumerate(zip(self.names, row, strict=True)):
            if not name:
                continue
            try:
                values[name] = self.cell(name, cell)
            except (CellError, PeriodError) as error:
                self.problem(line, position, str(error))
                continue
            if name in self.breakdowns:
                breakdown.append(f"{name}={values[name]}")
        if len(self.problems) > before:
            return
        status = values.get("status", Observation.NORMAL)
        if values.get("conf"):
            status = Observation.CONFIDENTIAL
        value = values["value"]
        position = self.names.index("value")
        if status in Observation.WITHOUT_VALUE and value is not None:
            self.problem(line, position, f"a value is given with status {status}: leave it empty")
            return
        if status not in Observation.WITHOUT_VALUE and value is None:
            self.problem(line, position, "no value: give one, or the status M (not available) or C")
            return
        period = values["period"]
        observation = Observation(
            version=self.version,
            indicator_id=values["indicator"],
            period=period.code,
            period_start=period.start,
            area_id=values["area"],
            breakdown_key=";".join(sorted(breakdown)),
            value=value,
            status=status,
        )
        key = (observation.indicator_id, observation.period, observation.area_id, observation.breakdown_key)
        if key in self.batch:
            self.problems.append(Problem(line, "", f"the same observation as line {self.batch[key][0]}"))
            return
        self.batch[key] = (line, observation)

    def cell(self, name, cell):
        if name == "value":
            return parse_value(cell)
        text = plain_text(cell)
        if name == "period":
            return parse_period(text)
        if name == "status":
            return parse_status(text)
        if name == "conf":
            return text.upper() in {"C", "D", "N", "S"}
        found = {"indicator": self.indicators, "area": self.areas}.get(name)
        if found is not None:
            if text not in found:
                raise CellError(f"unknown {name} code {text!r}" if text else f"the {name} is empty")
            return found[text]
        if text not in self.breakdowns[name]:
            empty = f"empty: give a {name} code (_T for total)"
            raise CellError(f"unknown {name} code {text!r}" if text else empty)
        return text

    def flush(self):
        """Insert the batch; a row that repeats one of an earlier batch is found by the database."""
        if not self.batch:
            return
        rows = list(self.batch.values())
        self.batch = {}
        try:
            with transaction.atomic():
                Observation.objects.bulk_create([observation for _, observation in rows])
        except IntegrityError:
            keys = set(
                Observation.objects.filter(
                    version=self.version, period__in={o.period for _, o in rows}
                ).values_list("indicator_id", "period", "area_id", "breakdown_key")
            )
            fresh = []
            for line, o in rows:
                if (o.indicator_id, o.period, o.area_id, o.breakdown_key) in keys:
                    self.problems.append(Problem(line, "", "the same observation as an earlier line"))
                else:
                    fresh.append(o)
            Observation.objects.bulk_create(fresh)
            rows = fresh
        self.rows += len(rows)


def import_observations(
    dataset,
    binary,
    *,
    fmt=TIDY,
    mapping=None,
    dry_run=False,
    note="",
    user=None,
    filename="",
    publish=False,
    revision_kind="",
    reason="",
    batch_size=BATCH_SIZE,
    max_problems=MAX_PROBLEMS,
):
    """A new version of the dataset from the file (binary, read as it goes), with its diff
    against the latest version. Raises ImportFailed, writing nothing, if any row is invalid;
    with ``dry_run`` nothing is written either, and the result's ``version`` is None. The new
    version is embargoed (not public) unless ``publish``: a release publishes it.

    A file that changes or removes published figures needs ``revision_kind`` (correction or
    routine revision) and a ``reason``: they go into the public notice written when the version
    becomes public (``datasets.corrections``). Without them the import is refused (a dry run
    only reports ``revises_published``)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    revision_kind, reason = check_revision(revision_kind, reason)
    importer = _Importer(dataset, fmt, mapping, batch_size, max_problems)
    with transaction.atomic():
        Dataset.objects.select_for_update().filter(pk=dataset.pk).first()
        previous = dataset.latest_version()
        version = DatasetVersion.objects.create(
            dataset=dataset,
            number=(previous.number if previous else 0) + 1,
            created_by=user,
            note=note,
            source_filename=filename[:255],
        )
        importer.read(binary, version)
        version.row_count = importer.rows
        version.save(update_fields=["row_count"])
        diff = diff_versions(previous, version)
        revises = _published_changes(dataset, previous, version, diff)
        if revises and not dry_run and not (revision_kind and reason):
            raise ImportFailed([Problem(0, "", revision_needed(revises))])
        if revises:
            version.revision_kind, version.revision_reason = revision_kind, reason
            version.save(update_fields=["revision_kind", "revision_reason"])
        if dry_run:
            transaction.set_rollback(True)
        elif publish:
            publish_version(version)
    kept = None if dry_run else version
    return ImportResult(
        version=kept,
        rows=importer.rows,
        diff=diff,
        dry_run=dry_run,
        previous=previous,
        revises_published=revises,
    )


def check_revision(kind, reason):
    """The editor's kind and reason, cleaned; ValueError for a kind that does not exist, and
    ImportFailed for a reason too long or holding a NUL character."""
    kind, reason = (kind or "").strip(), (reason or "").strip()
    if kind and kind not in RevisionKind.values:
        message = f"Unknown kind of revision {kind[:40]!r}: use correction or revision."
        raise ImportFailed([Problem(0, "", message)])
    if "\x00" in reason:
        raise ImportFailed([Problem(0, "", "The reason contains a NUL character.")])
    if len(reason) > REASON_MAX_LENGTH:
        raise ImportFailed(
            [Problem(0, "", f"The reason is {len(reason)} characters long (at most {REASON_MAX_LENGTH}).")]
        )
    return kind, reason


def revision_needed(count):
    return (
        f"This file changes or removes {count} published figure{'s' if count != 1 else ''}: say whether "
        "it is a correction (an error fixed) or a routine revision (scheduled update), and why. "
        "The reason is shown in the public notice."
    )


def _published_changes(dataset, previous, version, diff):
    """How many figures the public sees now this version changes or removes (0 when none)."""
    public = dataset.current_version()
    if public is None:
        return 0
    if previous is not None and public.pk == previous.pk:
        return diff.changed + diff.removed
    against = diff_versions(public, version, examples=0)
    return against.changed + against.removed
