"""What every spreadsheet export of the portal shares (the case listing, a selection of cases,
the dashboard's figures)."""

# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A cell that no spreadsheet will run as a formula: such text gets a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
