"""Spreadsheet exports of personal data, safe to open in Excel or LibreOffice."""

import csv

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def spreadsheet_safe(value):
    """Neutralise text a spreadsheet would run as a formula (OWASP CSV injection).

    A leading apostrophe makes the spreadsheet show the cell as text; numbers, dates
    and other non-text values pass through unchanged.
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class Echo:
    """A file-like object whose write() hands back the line, for a streamed CSV."""

    def write(self, value):
        return value


def safe_csv_lines(rows):
    """Each row as a line of CSV with every cell formula-safe, for a StreamingHttpResponse."""
    writer = csv.writer(Echo())
    return (writer.writerow([spreadsheet_safe(value) for value in row]) for row in rows)
