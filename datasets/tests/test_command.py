"""The import_dataset command: its output and its exit status."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from datasets.models import DatasetVersion

GOOD = "indicator,period,area,value\nPOP,2024,NAT,10\nPOP,2023,NAT,9\n"


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_dataset", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def csv_path(tmp_path):
    def write(text, name="population.csv", encoding="utf-8"):
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return str(path)

    return write


def test_imports_and_reports_the_version_and_changes(dataset, csv_path):
    out, err = run(csv_path(GOOD), "--dataset", "population", "--note", "First")
    assert out.splitlines()[:3] == [
        "Imported 2 rows as version 1 of Population (embargoed until its release).",
        "Changes against no earlier version:",
        "2 added, 0 removed, 0 changed",
    ]
    assert err == ""
    version = DatasetVersion.objects.get()
    assert (version.note, version.source_filename, version.row_count) == ("First", "population.csv", 2)
    assert version.published_at is None


def test_publish_makes_the_version_public_at_once(dataset, csv_path):
    out, _ = run(csv_path(GOOD), "--dataset", "population", "--publish")
    assert out.startswith("Imported 2 rows as version 1 of Population (published).")
    assert dataset.current_version() == DatasetVersion.objects.get()


def test_dry_run_prints_the_diff_and_writes_nothing(dataset, csv_path):
    run(csv_path(GOOD), "--dataset", "population")
    out, _ = run(csv_path(GOOD.replace("10", "12")), "--dataset", "population", "--dry-run")
    assert out.splitlines() == [
        "Dry run: 2 rows are valid; nothing was written.",
        "Changes against version 1:",
        "0 added, 0 removed, 1 changed",
        "Changed (first 1):",
        "  POP 2024 NAT 10 (A) → 12 (A)",
    ]
    assert DatasetVersion.objects.count() == 1


def test_map_and_sdmx_format(dataset, csv_path):
    text = "DATAFLOW,INDICATOR,GEO,TIME_PERIOD,OBS_VALUE\nDF,POP,NAT,2024,1\n"
    out, _ = run(csv_path(text), "--dataset", "population", "--format", "sdmx-csv", "--map", "GEO=area")
    assert out.startswith("Imported 1 rows as version 1")


def test_problems_go_to_stderr_and_the_command_fails(dataset, csv_path):
    path = csv_path(GOOD + "POP,2024-13,NAT,x\n")
    err = StringIO()
    with pytest.raises(CommandError, match=r"population\.csv was not imported: nothing was written\."):
        call_command("import_dataset", path, "--dataset", "population", stdout=StringIO(), stderr=err)
    assert err.getvalue().splitlines() == [
        "line 4, column B (period): '2024-13': the month must be 01 to 12",
        "line 4, column D (value): 'x' is not a number",
    ]
    assert not DatasetVersion.objects.exists()


def test_exit_status_is_not_zero_on_failure(dataset, csv_path, capsys):
    from django.core.management import execute_from_command_line

    path = csv_path("indicator;period;area;value\n")
    with pytest.raises(SystemExit) as exited:
        execute_from_command_line(["manage.py", "import_dataset", path, "--dataset", "population"])
    assert exited.value.code == 1
    assert "separated by semicolons" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--dataset", "nope"], "no dataset with the slug 'nope'"),
        (["--dataset", "population", "--map", "broken"], "--map takes column=field, not 'broken'"),
    ],
)
def test_bad_arguments(dataset, csv_path, args, message):
    with pytest.raises(CommandError, match=message):
        run(csv_path(GOOD), *args)


def test_missing_file(dataset, tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run(str(tmp_path / "nothing.csv"), "--dataset", "population")
