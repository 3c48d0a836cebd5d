from datetime import date

import pytest

from datasets.periods import PeriodError, parse_period


@pytest.mark.parametrize(
    ("code", "frequency", "start"),
    [
        ("2024", "A", date(2024, 1, 1)),
        ("2024-S1", "S", date(2024, 1, 1)),
        ("2024-S2", "S", date(2024, 7, 1)),
        ("2024-Q1", "Q", date(2024, 1, 1)),
        ("2024-Q2", "Q", date(2024, 4, 1)),
        ("2024-Q3", "Q", date(2024, 7, 1)),
        ("2024-Q4", "Q", date(2024, 10, 1)),
        ("2024-01", "M", date(2024, 1, 1)),
        ("2024-12", "M", date(2024, 12, 1)),
        (" 2024-06 ", "M", date(2024, 6, 1)),
    ],
)
def test_good_periods(code, frequency, start):
    period = parse_period(code)
    assert (period.code, period.frequency, period.start) == (code.strip(), frequency, start)


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("2024-Q5", "the quarter must be Q1 to Q4"),
        ("2024-Q0", "the quarter must be Q1 to Q4"),
        ("2024-Q01", "the quarter must be Q1 to Q4"),
        ("2024-S3", "the half-year must be S1 to S2"),
        ("2024-13", "the month must be 01 to 12"),
        ("2024-00", "the month must be 01 to 12"),
        ("2024-1", "write the month with two digits, e.g. 2024-01"),
        ("24", "'24' is not a period: expected a year (2024)"),
        ("", "the period is empty"),
        (None, "the period is empty"),
        ("   ", "the period is empty"),
        ("0999", "the year must have four digits"),
        ("2024-W01", "is not a period"),
        ("2024Q1", "is not a period"),
        ("2024-q1", "is not a period"),
        ("١٢٣٤", "is not a period"),  # Arabic-Indic digits are not accepted as a year
        ("2024-01-15", "is not a period"),
    ],
)
def test_bad_periods_say_why(code, message):
    with pytest.raises(PeriodError, match=None) as error:
        parse_period(code)
    assert message in str(error.value)
