"""What a published case shows the public: its moderated summary, facts and public updates.

``Case.objects.published()`` decides which cases appear at all. Of a case, only the moderated
summary, sector, county, status, dates, authority and outcome are shown, and of its timeline
only the public entries: staff appear as "Case worker", and text the complainant wrote (notes,
escalation requests, file names, withdrawals) is left out, since no case worker moderated it.
As a last safeguard, the complainant's name, phone number and e-mail address are blanked
wherever they still occur, and so is anything that looks like a phone number or an e-mail
address in the updates.
"""

import re
from dataclasses import dataclass

import phonenumbers
from django.utils.translation import gettext as _

from cases.models import ActorKind, CaseLogEntry, CaseState, Outcome

# Updates whose text a case worker, the authority or the portal wrote for the public.
SHOWN_TEXT_ACTIONS = {
    "cases.create",
    "cases.forward",
    "cases.respond",
    "cases.close",
    "cases.close_unanswered",
    "cases.dismiss",
    "cases.escalate",
    "cases.reopen",
    "cases.note",
}
AUTHORED_FOR_THE_PUBLIC = {ActorKind.STAFF, ActorKind.AUTHORITY, ActorKind.SYSTEM}
# Written by the portal itself whoever acted ("Received through SMS.").
GENERATED_TEXT_ACTIONS = {"cases.create"}

EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Seven or more digits, possibly with a leading + and spaces, dots or dashes between them.
PHONE_PATTERN = re.compile(r"\+?\d(?:[\s.\-()]*\d){6,}")
MIN_NAME_PART = 3


def _removed():
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
    digits = r"[\s.\-]*".join(national)
    return re.compile(rf"(?:\+?{number.country_code}[\s.\-]*|0)?{digits}")


def complainant_redactor(case):
    """A function that blanks the complainant's own name, phone number and e-mail address."""
    patterns = []
    if case.complainant_email:
        patterns.append(re.compile(re.escape(case.complainant_email), re.IGNORECASE))
    if case.complainant_phone:
        patterns.append(_phone_pattern(case.complainant_phone))
    if case.complainant_name:
        patterns.append(_name_pattern(case.complainant_name))
    patterns = [pattern for pattern in patterns if pattern is not None]

    def redact(text):
        for pattern in patterns:
            text = pattern.sub(_removed(), text)
        return text

    return redact


def redact_contact_details(text):
    text = EMAIL_PATTERN.sub(_removed(), text)
    return PHONE_PATTERN.sub(_removed(), text)


@dataclass(frozen=True)
class PublicUpdate:
    timestamp: object
    label: str
    actor: str
    text: str


def _public_actor(entry):
    if entry.actor_kind == ActorKind.STAFF:
        return _("Case worker")
    if entry.actor_kind == ActorKind.AUTHORITY:
        return entry.authority.name if entry.authority else _("Authority")
    if entry.actor_kind == ActorKind.CITIZEN:
        return _("Complainant")
    return _("Huduma Portal")


def _shows_text(entry):
    if entry.action in GENERATED_TEXT_ACTIONS:
        return True
    return entry.action in SHOWN_TEXT_ACTIONS and entry.actor_kind in AUTHORED_FOR_THE_PUBLIC


def public_updates(case):
    redact = complainant_redactor(case)
    entries = CaseLogEntry.objects.for_case(case).public().select_related("authority")
    return [
        PublicUpdate(
            timestamp=entry.timestamp,
            label=str(entry.formatter.label) if entry.formatter else "",
            actor=_public_actor(entry),
            text=redact_contact_details(redact(entry.text)) if _shows_text(entry) else "",
        )
        for entry in entries
    ]


def public_summary(case):
    return complainant_redactor(case)(case.public_summary)


def status_label(case):
    return str(CaseState(case.state).label) if case.state in CaseState.values else ""


def outcome_label(case):
    return str(Outcome(case.outcome).label) if case.outcome in Outcome.values else ""
