"""Case references typed on a phone, and what a phone may learn about a case.

The ownership rule for SMS and USSD: a phone sees or adds to a case only if the case was
opened from that number. Any other case looks exactly like one that does not exist.
"""

import re

from django.utils import timezone

from cases.models import Case
from cases.public_timeline import CITIZEN, latest_update

from . import texts

# "HUD" is optional and any of - space * / . # may separate the parts, because a keypad
# types "2026*123" far more easily than "HUD-2026-000123".
_SEPARATORS = r"[\s\-*/.#_]*"
_REFERENCE = re.compile(
    rf"^(?:HUD)?{_SEPARATORS}(?P<year>\d{{4}}){_SEPARATORS}(?P<number>\d{{1,6}})$",
    re.IGNORECASE,
)
_REFERENCE_LIKE = re.compile(r"^(?:HUD(?![a-z])|[\d\s\-*/.#_]+$)", re.IGNORECASE)


def parse_reference(raw):
    """The canonical "HUD-2026-000123" for what was typed, or None."""
    match = _REFERENCE.match((raw or "").strip())
    if not match or int(match["number"]) == 0:
        return None
    return f"HUD-{match['year']}-{int(match['number']):06d}"


def looks_like_reference(raw):
    """Whether the text is an attempt at a reference (even a wrong one) rather than words."""
    return bool(_REFERENCE_LIKE.match((raw or "").strip()))


def own_case(reference, phone):
    """The case with that reference opened from that phone (E.164), or None.

    One query for both conditions, so an unknown reference and another number's case take
    the same path and get the same answer.
    """
    if not reference or not phone:
        return None
    return Case.objects.filter(reference=reference, complainant_phone=phone).first()


def status_text(case, *, max_length=None):
    """ "HUD-2026-000123: Forwarded. Latest update (05/03/2026): …" in the active language.

    With ``max_length`` the update's text is shortened to fit (USSD screens); SMS replies
    are fitted to two segments by the caller.
    """
    text = str(texts.STATUS_LINE) % {
        "reference": case.reference,
        "status": case.get_state_display(),
    }
    update = latest_update(case, audience=CITIZEN)
    if update is None:
        return text
    date = timezone.localtime(update.timestamp).strftime("%d/%m/%Y")
    template = str(texts.LATEST_UPDATE)
    body = " ".join(update.note.split())
    if max_length is not None:
        room = max_length - len(text) - 1 - len(template % {"date": date, "text": ""})
        if room < 10:
            return text
        if len(body) > room:
            body = body[: room - 3].rstrip() + "..."
    return f"{text} {template % {'date': date, 'text': body}}"
