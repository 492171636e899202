"""Reading GeoReport v2 parameters: an empty parameter counts as absent (the spec's
"Optional Arguments"), lists are comma-separated, dates are W3C datetimes with a zone."""

import math
import re
from datetime import UTC, datetime
from decimal import Decimal

from .errors import BadRequest

MIN_YEAR = 1900
MAX_YEAR = 9000

# The W3C note's complete date plus hours and minutes (seconds and fractions optional),
# with a zone: "Z" or an offset. A date without a zone is malformed for GeoReport v2.
W3C_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})", re.ASCII
)


def present(value):
    """The stripped value, or None for a missing or empty parameter."""
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def comma_list(value):
    value = present(value)
    if value is None:
        return []
    return [item.strip() for item in value.split(",") if item.strip()]


def w3c_datetime(name, value):
    value = present(value)
    if value is None:
        return None
    if not W3C_DATETIME.fullmatch(value):
        raise BadRequest(
            f"{name} must be a W3C datetime with a time zone, such as 2026-01-31T00:00:00Z."
        )
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        # Far enough from year 1 and 9999 that a 90-day range and UTC stay representable.
        if not MIN_YEAR <= moment.astimezone(UTC).year <= MAX_YEAR:
            raise ValueError(value)
    except (ValueError, OverflowError) as error:
        raise BadRequest(f"{name} is not a valid date and time.") from error
    return moment


def parameter_texts(query_dict):
    """Every name and value of a QueryDict."""
    for name, values in query_dict.lists():
        yield name
        yield from values


def without_nul(values):
    """Refuse NUL characters: no database text column can hold one (PostgreSQL fails)."""
    for value in values:
        if "\x00" in value:
            raise BadRequest("Parameters may not contain NUL characters.")


def coordinate(name, value, limit):
    """A latitude (limit 90) or longitude (limit 180) as a Decimal with 6 places."""
    value = present(value)
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError as error:
        raise BadRequest(f"{name} must be a number in WGS84 degrees.") from error
    if not math.isfinite(number) or not -limit <= number <= limit:
        raise BadRequest(f"{name} must be between -{limit} and {limit}.")
    return Decimal(f"{number:.6f}")
