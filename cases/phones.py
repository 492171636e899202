"""Phone numbers as the portal stores them: E.164, from whatever a person or a gateway typed."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DEFAULT_REGION = "KE"


def normalise_phone(raw, *, field="complainant_phone"):
    """A phone number in E.164; Kenyan numbers may be written locally (0712 345 678).

    Raises ``ValidationError`` keyed by ``field`` for anything that is not a valid number.
    """
    raw = (raw or "").strip()
    if not raw:
        return ""
    message = _("Enter a valid phone number, such as 0712 345 678.")
    try:
        number = phonenumbers.parse(raw, DEFAULT_REGION)
    except phonenumbers.NumberParseException as error:
        raise ValidationError({field: message}) from error
    if not phonenumbers.is_valid_number(number):
        raise ValidationError({field: message})
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
