"""Blanking the complainant's personal data in text shown to the public.

The complainant's own name, phone number (however it is written) and e-mail address are
replaced wherever they occur, and so is anything that looks like a phone number or an e-mail
address. Every public output of a case (published pages, Open311, feeds) goes through
``redact_for_public``.
"""

import re

import phonenumbers
from django.utils.translation import gettext as _

EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Seven or more digits, possibly with a leading + and spaces, dots or dashes between them.
PHONE_PATTERN = re.compile(r"\+?\d(?:[\s.\-()]*\d){6,}")
MIN_NAME_PART = 3


def removed():
    return _("[removed]")


def _name_pattern(name):
    parts = [part for part in re.split(r"\s+", name.strip()) if len(part) >= MIN_NAME_PART]
    if not parts:
        return None
    words = sorted({re.escape(part) for part in [name.strip(), *parts]}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


def _phone_pattern(phone):
    """The complainant's number however it is written: +254 712…, 0712 345 678, 712345678."""
    try:
        number = phonenumbers.parse(phone, "KE")
    except phonenumbers.NumberParseException:
        return None
    national = str(number.national_number)
    digits = r"[\s.\-()]*".join(national)
    return re.compile(rf"(?:\(?\+?{number.country_code}\)?[\s.\-()]*|\(?0)?{digits}")


def complainant_patterns(case):
    """``(kind, pattern)`` for the complainant's own e-mail address, phone number and name."""
    patterns = []
    if case.complainant_email:
        patterns.append(("email", re.compile(re.escape(case.complainant_email), re.IGNORECASE)))
    if case.complainant_phone:
        patterns.append(("phone", _phone_pattern(case.complainant_phone)))
    if case.complainant_name:
        patterns.append(("name", _name_pattern(case.complainant_name)))
    return [(kind, pattern) for kind, pattern in patterns if pattern is not None]


def complainant_redactor(case):
    """A function that blanks the complainant's own name, phone number and e-mail address."""
    patterns = [pattern for _kind, pattern in complainant_patterns(case)]

    def redact(text):
        for pattern in patterns:
            text = pattern.sub(removed(), text)
        return text

    return redact


def complainant_data_in(case, text):
    """What of the complainant's identity ``text`` contains: ``[(kind, as written), …]`` with
    kind "name", "phone" or "email", in the order of the text."""
    found = []
    for kind, pattern in complainant_patterns(case):
        found += [(match.start(), kind, match.group(0)) for match in pattern.finditer(text or "")]
    return [(kind, written) for _start, kind, written in sorted(found)]


def redact_contact_details(text):
    text = EMAIL_PATTERN.sub(removed(), text)
    return PHONE_PATTERN.sub(removed(), text)


def public_redactor(case):
    """The one redaction of every public output of ``case``."""
    redact = complainant_redactor(case)
    return lambda text: redact_contact_details(redact(text or ""))
