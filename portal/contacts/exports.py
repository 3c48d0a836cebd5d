"""Spreadsheet exports of personal data, safe to open in Excel or LibreOffice."""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def spreadsheet_safe(value):
    """Neutralise text a spreadsheet would run as a formula (OWASP CSV injection).

    A leading apostrophe makes the spreadsheet show the cell as text; numbers, dates
    and other non-text values pass through unchanged.
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value
