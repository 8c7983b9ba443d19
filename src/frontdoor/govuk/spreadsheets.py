"""Cells for CSV downloads that councils open in a spreadsheet."""

# What a spreadsheet may take as the start of a formula (OWASP's CSV injection list: a tab or a
# carriage return before one of the others is skipped by some spreadsheets and still runs).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> str:
    """A cell a spreadsheet shows as text: one starting =, +, -, @, a tab or a return could run as a formula."""
    text = str(value)
    return f"'{text}" if text[:1] in FORMULA_STARTS else text
