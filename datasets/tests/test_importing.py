"""The CSV import: a round trip, every refusal with its line and column, and atomicity."""

from decimal import Decimal

import pytest

from datasets.importing import ImportFailed, column_letter, import_observations
from datasets.models import DatasetVersion, Observation
from datasets.tests.conftest import as_file

HEADER = "indicator,period,area,sex,age,value,status\n"


def load(dataset, text, **options):
    return import_observations(dataset, as_file(text), **options)


def problems(dataset, text, **options):
    with pytest.raises(ImportFailed) as failed:
        load(dataset, text, **options)
    assert not Observation.objects.exists()
    assert not DatasetVersion.objects.exists()
    return [str(problem) for problem in failed.value.problems]


def rows(version):
    return sorted(
        (o.indicator.code, o.period, o.area.code, o.breakdown_key, o.value, o.status)
        for o in version.observations.select_related("indicator", "area")
    )


def test_round_trip_keeps_values_statuses_and_missing_figures(dataset):
    result = load(
        dataset,
        HEADER
        + "POP,2024,NAT,F,_T,1234.5,\n"
        + "POP,2024,NAT,M,_T,-3,P\n"
        + "POP,2024-Q1,R1,_T,0-14,0.25,E\n"
        + "POP,2024-01,M1,_T,65+,,M\n"
        + "BIRTHS,2024-S1,R2,F,15-64,,C\n"
        + "BIRTHS,2023,R2,F,15-64,0,b\n",
        note="First release",
        filename="population.csv",
    )
    version = result.version
    assert (version.number, version.row_count, version.note, version.source_filename) == (
        1,
        6,
        "First release",
        "population.csv",
    )
    assert rows(version) == [
        ("BIRTHS", "2023", "R2", "age=15-64;sex=F", Decimal("0"), "B"),
        ("BIRTHS", "2024-S1", "R2", "age=15-64;sex=F", None, "C"),
        ("POP", "2024", "NAT", "age=_T;sex=F", Decimal("1234.5"), "A"),
        ("POP", "2024", "NAT", "age=_T;sex=M", Decimal("-3"), "P"),
        ("POP", "2024-01", "M1", "age=65+;sex=_T", None, "M"),
        ("POP", "2024-Q1", "R1", "age=0-14;sex=_T", Decimal("0.25"), "E"),
    ]
    shown = {o.period: str(o) for o in version.observations.all()}
    assert shown == {
        "2023": "0",
        "2024-S1": "confidential",
        "2024": shown["2024"],
        "2024-01": "not available",
        "2024-Q1": "0.25",
    }
    assert result.diff.added == 6


def test_period_start_is_stored_for_ordering(dataset):
    version = load(dataset, "indicator,period,area,value\nPOP,2024-Q3,NAT,1\n").version
    assert str(version.observations.get().period_start) == "2024-07-01"


def test_without_breakdown_columns_the_key_is_empty(dataset):
    version = load(dataset, "indicator,period,area,value\nPOP,2024,NAT,1\n").version
    assert version.observations.get().breakdown_key == ""


def test_byte_order_mark_blank_lines_and_crlf_are_accepted(dataset):
    text = "\ufeffindicator,period,area,value\r\n\r\nPOP,2024,NAT,1\r\n,,,\r\nPOP,2023,NAT,2\r\n"
    assert load(dataset, text).rows == 2


def test_a_column_mapping_renames_columns(dataset):
    text = "Measure,Year,Region,Figure\nPOP,2024,R1,7\n"
    mapping = {"Measure": "indicator", "Year": "period", "Region": "area", "Figure": "value"}
    assert rows(load(dataset, text, mapping=mapping).version) == [
        ("POP", "2024", "R1", "", Decimal("7"), "A")
    ]


def test_sdmx_csv(dataset):
    text = (
        "DATAFLOW,MEASURE,REF_AREA,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS,OBS_CONF\n"
        "NSO:DF_POP(1.0),POP,NAT,F,2024,10,A,F\n"
        "NSO:DF_POP(1.0),POP,NAT,M,2024,,,C\n"
        "NSO:DF_POP(1.0),POP,R1,F,2024-Q2,5,P,\n"
    )
    assert rows(load(dataset, text, fmt="sdmx-csv").version) == [
        ("POP", "2024", "NAT", "sex=F", Decimal("10"), "A"),
        ("POP", "2024", "NAT", "sex=M", None, "C"),
        ("POP", "2024-Q2", "R1", "sex=F", Decimal("5"), "P"),
    ]


def test_sdmx_csv_value_with_confidential_flag_is_refused(dataset):
    text = "DATAFLOW,INDICATOR,REF_AREA,TIME_PERIOD,OBS_VALUE,OBS_CONF\nDF,POP,NAT,2024,10,C\n"
    assert problems(dataset, text, fmt="sdmx-csv") == [
        "line 2, column E (value): a value is given with status C: leave it empty"
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("NOPE,2024,NAT,F,_T,1,", "line 3, column A (indicator): unknown indicator code 'NOPE'"),
        (",2024,NAT,F,_T,1,", "line 3, column A (indicator): the indicator is empty"),
        ("POP,2024,XX,F,_T,1,", "line 3, column C (area): unknown area code 'XX'"),
        ("POP,2024,NAT,X,_T,1,", "line 3, column D (sex): unknown sex code 'X'"),
        ("POP,2024,NAT,,_T,1,", "line 3, column D (sex): empty: give a sex code (_T for total)"),
        ("POP,2024-Q5,NAT,F,_T,1,", "line 3, column B (period): '2024-Q5': the quarter must be Q1 to Q4"),
        ("POP,24,NAT,F,_T,1,", "line 3, column B (period): '24' is not a period"),
        ("POP,2024,NAT,F,_T,abc,", "line 3, column F (value): 'abc' is not a number"),
        ('POP,2024,NAT,F,_T,"1,234.5",', "line 3, column F (value): '1,234.5' has thousands separators"),
        ("POP,2024,NAT,F,_T,1 234,", "line 3, column F (value): '1 234' has thousands separators"),
        ('POP,2024,NAT,F,_T,"12,5",', "line 3, column F (value): '12,5' has a decimal comma"),
        ("POP,2024,NAT,F,_T,1e3,", "line 3, column F (value): '1e3' is in exponent notation"),
        ("POP,2024,NAT,F,_T,0.1234567,", "line 3, column F (value): '0.1234567' has more than 6 decimals"),
        ("POP,2024,NAT,F,_T,123456789012345,", "line 3, column F (value): '123456789012345' is too large"),
        ("POP,2024,NAT,F,_T,1,X", "line 3, column G (status): unknown status 'X': use A, P, E, B, M or C"),
        ("POP,2024,NAT,F,_T,1,M", "line 3, column F (value): a value is given with status M"),
        ("POP,2024,NAT,F,_T,1,C", "line 3, column F (value): a value is given with status C"),
        ("POP,2024,NAT,F,_T,,", "line 3, column F (value): no value: give one, or the status M"),
        ("POP,2024,NAT,F,_T,1", "line 3: 6 cells where the header has 7"),
        ("POP,2024,NAT,F,_T,1,A", "line 3: the same observation as line 2"),
        ("POP,2024,NAT,F,_T,1,A\x00", "line 3, column G (status): the cell contains a NUL character"),
        ("POP,2024,NAT,F," + "x" * 201 + ",1,", "line 3, column E (age): the cell is 201 characters long"),
    ],
)
def test_each_problem_names_its_line_and_column(dataset, line, expected):
    found = problems(dataset, HEADER + "POP,2024,NAT,F,_T,1,A\n" + line + "\n")
    assert len(found) == 1
    assert found[0].startswith(expected)


@pytest.mark.parametrize(
    ("cell", "column"),
    [
        ('=HYPERLINK("http://evil.example","click")', "A (indicator)"),
        ("@SUM(A1)", "C (area)"),
        ("+1", "D (sex)"),
        ("-1+2", "G (status)"),
    ],
)
def test_formula_like_cells_are_refused(dataset, cell, column):
    cells = ["POP", "2024", "NAT", "F", "_T", "1", "A"]
    position = "ABCDEFG".index(column[0])
    cells[position] = '"' + cell.replace('"', '""') + '"'
    found = problems(dataset, HEADER + ",".join(cells) + "\n")
    formula = f"{cell[:40]!r} starts with {cell[0]!r} like a spreadsheet formula: refused"
    assert found == [f"line 2, column {column}: {formula}"]


def test_a_formula_in_the_value_column_is_named_a_formula(dataset):
    found = problems(dataset, HEADER + "POP,2024,NAT,F,_T,=1+2,\n")
    assert found == ["line 2, column F (value): '=1+2' starts with '=' like a spreadsheet formula: refused"]


def test_script_in_a_code_is_refused_as_unknown(dataset):
    found = problems(dataset, HEADER + "POP,2024,<script>alert(1)</script>,F,_T,1,\n")
    assert found == ["line 2, column C (area): unknown area code '<script>alert(1)</script>'"]


def test_one_bad_row_among_many_writes_nothing(dataset):
    good = "".join(f"POP,{year},NAT,F,_T,{year},\n" for year in range(1900, 2024))
    found = problems(dataset, HEADER + good + "POP,2024,NAT,F,_T,oops,\n")
    assert found == ["line 126, column F (value): 'oops' is not a number"]


def test_a_duplicate_in_an_earlier_batch_is_found(dataset):
    text = HEADER + "POP,2024,NAT,F,_T,1,\nPOP,2023,NAT,F,_T,1,\nPOP,2022,NAT,F,_T,1,\nPOP,2024,NAT,F,_T,2,\n"
    assert problems(dataset, text) == ["line 5: the same observation as line 2"]


def test_problems_are_collected_then_reading_stops(dataset):
    text = HEADER + "".join(f"POP,{year},NAT,F,_T,bad,\n" for year in range(1900, 2000))
    with pytest.raises(ImportFailed) as failed:
        load(dataset, text, max_problems=10)
    assert len(failed.value.problems) == 10
    assert failed.value.stopped
    assert failed.value.lines()[-1] == "Stopped after 10 problems: fix these and import again."


def test_semicolon_delimited_file_is_refused_with_the_delimiter_named(dataset):
    found = problems(dataset, "indicator;period;area;value\nPOP;2024;NAT;1\n")
    assert found == [
        "line 1: the columns are separated by semicolons (';'): save the file as CSV with commas "
        "(“CSV UTF-8 (comma delimited)”)"
    ]


def test_tab_delimited_file_is_refused(dataset):
    assert "separated by tabs" in problems(dataset, "indicator\tperiod\tarea\tvalue\n")[0]


def test_latin1_bytes_are_refused_with_the_line(dataset):
    text = "indicator,period,area,value\nPOP,2024,NAT,1\nPOP,2023,NAT,1 # Zürich\n"
    with pytest.raises(ImportFailed) as failed:
        import_observations(dataset, as_file(text, "latin-1"))
    assert [str(p) for p in failed.value.problems] == [
        "line 3: the file is not UTF-8 text (byte 0xfc at character 19): "
        "save it as “CSV UTF-8” and import again"
    ]
    assert not Observation.objects.exists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "line 1: the file is empty"),
        ("\n\n", "line 1: the file is empty"),
        ("indicator,period,value\n", "line 1: missing column(s): area"),
        ("indicator,period,area,value,value\n", "line 1: the columns value appear twice"),
        ("indicator,period,area,value,\n", "line 1, column E: the column has no name"),
        ("indicator,period,area,value,colour\n", "line 1, column E (colour): not a column of this dataset"),
    ],
)
def test_bad_headers(dataset, text, expected):
    assert problems(dataset, text)[0].startswith(expected)


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]


def test_dry_run_writes_nothing_and_returns_the_diff(dataset):
    result = load(dataset, "indicator,period,area,value\nPOP,2024,NAT,1\n", dry_run=True)
    assert result.version is None
    assert result.diff.added == 1
    assert not DatasetVersion.objects.exists()
