"""Cells for CSV downloads that councils open in a spreadsheet."""


def spreadsheet_safe(value: object) -> str:
    """A cell a spreadsheet shows as text: one starting =, +, - or @ would otherwise run as a formula."""
    text = str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text
