"""Phone numbers as the portal stores them: E.164, from whatever a person or a gateway typed."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DEFAULT_REGION = "KE"
# Parsing a number is slow, and the same numbers come back (a citizen's SMS, a gateway's
# retries, a number once normalised being checked again): results are remembered, boundedly.
_REMEMBERED = {}
_REMEMBER_AT_MOST = 10_000


def e164(raw):
    """The number in E.164, or None when it is not a valid phone number."""
    if raw in _REMEMBERED:
        return _REMEMBERED[raw]
    try:
        number = phonenumbers.parse(raw, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        result = None
    else:
        valid = phonenumbers.is_valid_number(number)
        result = (
            phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            if valid
            else None
        )
    if len(_REMEMBERED) >= _REMEMBER_AT_MOST:
        _REMEMBERED.clear()
    _REMEMBERED[raw] = result
    if result is not None:
        _REMEMBERED[result] = result
    return result


def normalise_phone(raw, *, field="complainant_phone"):
    """A phone number in E.164; Kenyan numbers may be written locally (0712 345 678).

    Raises ``ValidationError`` keyed by ``field`` for anything that is not a valid number.
    """
    raw = (raw or "").strip()
    if not raw:
        return ""
    number = e164(raw)
    if number is None:
        raise ValidationError({field: _("Enter a valid phone number, such as 0712 345 678.")})
    return number
