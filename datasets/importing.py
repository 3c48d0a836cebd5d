"""Import observations from a CSV file into a new version of a dataset.

The file is read row by row inside one transaction: valid rows are inserted in batches, every
problem is collected with its line and column, and if there is any problem nothing is kept. So
memory stays flat in the number of rows and a file with one bad row writes nothing."""

import csv
import re
import time
from dataclasses import dataclass, field

from django.db import transaction

from .cells import CellError, parse_status, parse_value, plain_text
from .diff import diff_versions
from .models import Code, Dataset, DatasetVersion, Observation, RevisionKind
from .models.corrections import REASON_MAX_LENGTH
from .periods import PeriodError, parse_period
from .signals import publish_version
from .staging import StagingWriter

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


def column_field(column, fmt, mapping):
    """The field a header cell (stripped) stands for: the ``mapping`` ({column: field}, as
    ``--map`` and the admin's column choices give it) first, then the format's own names."""
    if column in mapping:
        return mapping[column]
    if fmt == SDMX_CSV and column.upper() in SDMX_COLUMNS:
        return SDMX_COLUMNS[column.upper()]
    return column.lower()


def _fields(header, fmt, mapping, line):
    """Each column's field: indicator, period, area, value, status, conf, a breakdown slug, or None."""
    names = []
    for position, raw in enumerate(header):
        if not raw.strip() and raw.strip() not in mapping:
            raise ImportFailed([Problem(line, column_letter(position), "the column has no name")])
        names.append(column_field(raw.strip(), fmt, mapping))
    used = [name for name in names if name]
    duplicated = sorted({name for name in used if used.count(name) > 1})
    if duplicated:
        raise ImportFailed([Problem(line, "", f"the columns {', '.join(duplicated)} appear twice")])
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        raise ImportFailed([Problem(line, "", f"missing column(s): {', '.join(missing)}")])
    return names


def _first_row(binary):
    """The line number and cells of the file's first non-blank row (its header), or (1, None)."""
    rows = iter(_Reader(binary))
    return next(((n, row) for n, row in rows if any(cell.strip() for cell in row)), (1, None)), rows


def read_header(binary):
    """The file's column names (stripped), the file rewound: what the admin offers to map. Refused
    like an import would be: an empty file, another delimiter, a column with no name or a name
    twice, and a first row that is data rather than names (a file without its header row)."""
    try:
        (line, header), _rows = _first_row(binary)
    finally:
        binary.seek(0)
    if header is None:
        raise ImportFailed([Problem(line, "", "the file is empty: it needs a header row of column names")])
    _check_delimiter(header, line)
    names = [cell.strip() for cell in header]
    for position, name in enumerate(names):
        if not name:
            raise ImportFailed([Problem(line, column_letter(position), "the column has no name")])
        if not name.isprintable():
            message = "the column's name holds a control character (a NUL, a tab...)"
            raise ImportFailed([Problem(line, column_letter(position), message)])
        if names.index(name) != position:
            raise ImportFailed([Problem(line, column_letter(position), f"the column {name!r} appears twice")])
    if any(_PLAIN_NUMBER.fullmatch(name) for name in names):
        message = "the first row holds numbers, not column names: add a header row naming the columns"
        raise ImportFailed([Problem(line, "", message)])
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


_PLAIN_NUMBER = re.compile(r"-?[0-9]{1,14}(?:\.[0-9]{1,6})?")
MEMO_LIMIT = 10_000  # distinct valid cells remembered per column (codes, periods, flags)
PROGRESS_EVERY = 20_000


class _Importer:
    """Reads and checks the rows, handing each valid one to ``writer.write`` as a tuple. A cell of
    a coded column (indicator, area, period, breakdown, status) is checked once: its result is
    remembered, so a million rows over a few hundred codes cost a dictionary look-up per cell."""

    def __init__(self, dataset, fmt, mapping, max_problems, progress=None):
        self.dataset = dataset
        self.fmt = fmt
        self.mapping = mapping or {}
        self.max_problems = max_problems
        self.progress = progress
        self.problems = []
        self.rows = 0
        self.indicators = dict(dataset.indicators.values_list("code", "pk"))
        self.areas = dict(Code.objects.filter(code_list=dataset.area_code_list_id).values_list("code", "pk"))
        self.breakdowns = {
            code_list.slug: set(code_list.codes.values_list("code", flat=True))
            for code_list in dataset.breakdown_code_lists.all()
        }

    def problem(self, line, position, message):
        column = f"{column_letter(position)} ({self.names[position]})" if position is not None else ""
        self.problems.append(Problem(line, column, message))

    def read(self, binary, writer):
        self.writer = writer
        (line, header), rows = _first_row(binary)
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
        self._plan()
        for line, row in rows:
            if len(self.problems) >= self.max_problems:
                raise ImportFailed(self.problems, stopped=True)
            if not any(row) or not any(cell.strip() for cell in row):
                continue
            self.row(line, row)
        if self.problems:
            raise ImportFailed(self.problems, stopped=len(self.problems) >= self.max_problems)

    def _plan(self):
        """Which position holds what, and one memo (cell text → checked value) per coded column."""
        self.width = len(self.names)
        self.value_position = self.names.index("value")
        coded = [(p, n) for p, n in enumerate(self.names) if n and n != "value"]
        self.coded = [(position, {}) for position, _ in coded]
        self.coded_names = [name for _, name in coded]
        index = {name: i for i, name in enumerate(self.coded_names)}
        self.at = (index["indicator"], index["period"], index["area"], index.get("status"), index.get("conf"))
        self.breakdown_at = [i for i, name in enumerate(self.coded_names) if name in self.breakdowns]

    def row(self, line, row):
        if len(row) != self.width:
            self.problems.append(Problem(line, "", f"{len(row)} cells where the header has {self.width}"))
            return
        try:
            coded = [memo[row[position]] for position, memo in self.coded]
        except KeyError:
            coded = None
        text = row[self.value_position]
        if coded is None or (text and not _PLAIN_NUMBER.fullmatch(text)):
            checked = self.slow_row(line, row)
            if checked is None:
                return
            coded, value = checked
        else:
            value = text or None
        indicator, period, area, status_at, conf_at = self.at
        status = coded[status_at] if status_at is not None else Observation.NORMAL
        if conf_at is not None and coded[conf_at]:
            status = Observation.CONFIDENTIAL
        if status in Observation.WITHOUT_VALUE and value is not None:
            self.problem(line, self.value_position, f"a value is given with status {status}: leave it empty")
            return
        if status not in Observation.WITHOUT_VALUE and value is None:
            message = "no value: give one, or the status M (not available) or C"
            self.problem(line, self.value_position, message)
            return
        parts = [coded[i] for i in self.breakdown_at]
        breakdown = ";".join(sorted(parts)) if len(parts) > 1 else (parts[0] if parts else "")
        when = coded[period]
        self.writer.write(
            (line, coded[indicator], when.code, when.start, coded[area], breakdown, value, status)
        )
        self.rows += 1
        if self.progress and not self.rows % PROGRESS_EVERY:
            self.progress(self.rows)

    def slow_row(self, line, row):
        """Check every cell in column order, naming each problem; remember the good coded cells.
        Returns (coded values, value as text or None), or None when the row has a problem."""
        before = len(self.problems)
        coded = []
        for position, memo in self.coded:
            name, cell = self.names[position], row[position]
            try:
                checked = self.cell(name, cell)
            except (CellError, PeriodError) as error:
                self.problem(line, position, str(error))
                continue
            if name in self.breakdowns:
                checked = f"{name}={checked}"
            if len(memo) < MEMO_LIMIT:
                memo[cell] = checked
            coded.append(checked)
        try:
            value = parse_value(row[self.value_position])
        except CellError as error:
            self.problem(line, self.value_position, str(error))
        else:
            value = None if value is None else format(value, "f")
        if len(self.problems) > before:
            return None
        return coded, value

    def cell(self, name, cell):
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
    max_problems=MAX_PROBLEMS,
    progress=None,
    timings=None,
):
    """A new version of the dataset from the file (binary, read as it goes), with its diff
    against the latest version. Raises ImportFailed, writing nothing, if any row is invalid;
    with ``dry_run`` nothing is written either, and the result's ``version`` is None. The new
    version is embargoed (not public) unless ``publish``: a release publishes it.

    A file that changes or removes published figures needs ``revision_kind`` (correction or
    routine revision) and a ``reason``: they go into the public notice written when the version
    becomes public (``datasets.corrections``). Without them the import is refused (a dry run
    only reports ``revises_published``).

    ``progress(rows)`` is called every PROGRESS_EVERY valid rows read; ``timings``, a dict, gets
    the seconds spent reading and staging, inserting, and comparing with the previous version."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    revision_kind, reason = check_revision(revision_kind, reason)
    timings = {} if timings is None else timings
    clock = time.perf_counter()
    importer = _Importer(dataset, fmt, mapping, max_problems, progress)
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
        with StagingWriter() as writer:
            importer.read(binary, writer)
            writer.finish_staging()
            clock = _lap(timings, "read", clock)
            repeated = writer.insert(version.pk)
            if repeated:
                raise ImportFailed(
                    [
                        Problem(line, "", f"the same observation as line {first}")
                        if line
                        else Problem(0, "", "the rows could not be stored (a code was deleted meanwhile?)")
                        for line, first in repeated
                    ],
                    stopped=len(repeated) >= max_problems,
                )
            clock = _lap(timings, "insert", clock)
        version.row_count = importer.rows
        version.save(update_fields=["row_count"])
        diff = diff_versions(previous, version)
        _lap(timings, "diff", clock)
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


def _lap(timings, name, since):
    now = time.perf_counter()
    timings[name] = now - since
    return now
