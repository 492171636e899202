"""The complainant's rights over their personal data (Kenya Data Protection Act, 2019):
correction (s.26) and erasure (s.40), on request or by the retention schedule (s.39).

Erasure keeps what the dashboard counts (sector, county, dates, states, outcome) and takes
the rest: name, phone, e-mail; the mentions the supervisor points out, wherever they are
written; with ``own_words``, everything the complainant wrote and where they were; and the
evidence files, from the disk too. The timeline records that it happened, never what was
erased.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from .. import rules
from ..limits import MAX_NOTE_LENGTH
from ..models import CaseLogEntry
from ..phones import normalise_phone
from ..redaction import complainant_patterns, removed
from .base import CaseOperation, Event, optional_text

ERASED = "[erased]"  # what stands where a person's words were (stored; the admin is English)
MIN_MENTION = 3


def delete_evidence(case):
    """Delete a case's evidence files, from the storage and the database; returns how many."""
    attachments = list(case.attachments.all())
    for attachment in attachments:
        attachment.file.delete(save=False)
        attachment.delete()
    return len(attachments)


class EraseComplainantData(CaseOperation):
    name = "erase_personal_data"
    label = _("Erase the complainant's personal data")
    log_label = _("Personal data erased")
    log_message = _("The complainant's personal data was erased")
    staff_permission = "cases.handle_personal_data"
    actors = (rules.SYSTEM,)  # the retention schedule
    changes_version = True

    def clean(self, *, mentions=(), own_words=False, note=""):
        cleaned = []
        for mention in mentions:
            mention = " ".join((mention or "").split())
            if not mention:
                continue
            if len(mention) < MIN_MENTION:
                raise ValidationError(
                    {"mentions": _("“%(text)s” is too short to erase safely.") % {"text": mention}}
                )
            cleaned.append(mention)
        return {
            "mentions": cleaned,
            "own_words": bool(own_words),
            "note": optional_text(note, "note", max_length=MAX_NOTE_LENGTH),
        }

    def apply(self, case, *, mentions, own_words, note):
        patterns = [pattern for _kind, pattern in complainant_patterns(case)]
        patterns += [re.compile(re.escape(mention), re.IGNORECASE) for mention in mentions]

        def scrub(text):
            for pattern in patterns:
                text = pattern.sub(removed(), text or "")
            return text

        self.scrub = scrub
        self.own_words = own_words
        case.complainant_name = case.complainant_phone = case.complainant_email = ""
        # Nobody can be contacted, or identified to the authority, any more.
        case.consent_to_contact = case.consent_to_share_identity = False
        case.description = ERASED if own_words else scrub(case.description)
        if own_words:
            case.location, case.latitude, case.longitude = "", None, None
        else:
            case.location = scrub(case.location)
        case.response = scrub(case.response)
        case.public_summary = scrub(case.public_summary)
        case.personal_data_erased_at = case.personal_data_erased_at or self.at
        return Event(text=note, data={"own_words": own_words, "retention": self.by_schedule})

    @property
    def by_schedule(self):
        return self.actor.kind == rules.SYSTEM

    def save(self, case):
        case.save()
        self.erased_files = delete_evidence(case)
        for entry in CaseLogEntry.objects.filter(case=case).exclude(text=""):
            # A transcription is the caller's words, written down by a case worker.
            by_citizen = entry.actor_kind == rules.CITIZEN or entry.action == "cases.transcribe"
            text = ERASED if (by_citizen and self.own_words) else self.scrub(entry.text)
            if text != entry.text:
                CaseLogEntry.objects.filter(pk=entry.pk).update(text=text)
        # Values a timeline entry may hold that name the complainant or their files.
        for entry in CaseLogEntry.objects.filter(case=case, action__in=["cases.attach"]):
            if (entry.data or {}).get("name"):
                CaseLogEntry.objects.filter(pk=entry.pk).update(data={**entry.data, "name": ""})
        for entry in CaseLogEntry.objects.filter(case=case, action="cases.withdraw"):
            who = (entry.data or {}).get("requested_by") or ""
            if who and self.scrub(who) != who:
                data = {**entry.data, "requested_by": self.scrub(who)}
                CaseLogEntry.objects.filter(pk=entry.pk).update(data=data)

    @classmethod
    def summarise(cls, data):
        if data.get("retention"):
            return _("Personal data removed under the retention schedule.")
        return _("The complainant's personal data was erased at their request.")


class CorrectComplainantData(CaseOperation):
    name = "correct_personal_data"
    label = _("Correct the complainant's contact details")
    log_label = _("Personal data corrected")
    log_message = _("The complainant's contact details were corrected")
    staff_permission = "cases.handle_personal_data"

    def clean(self, *, complainant_name=None, complainant_phone=None, complainant_email=None):
        values = {}
        if complainant_name is not None:
            values["complainant_name"] = " ".join(complainant_name.split())[:120]
        if complainant_phone is not None:
            values["complainant_phone"] = normalise_phone(complainant_phone)
        if complainant_email is not None:
            email = complainant_email.strip()
            if email:
                try:
                    validate_email(email)
                except ValidationError as error:
                    raise ValidationError(
                        {"complainant_email": _("Enter a valid e-mail address.")}
                    ) from error
            values["complainant_email"] = email
        if not values:
            raise ValidationError(_("Give the corrected name, phone number or e-mail address."))
        return {"values": values}

    def apply(self, case, *, values):
        changed = sorted(name for name, value in values.items() if getattr(case, name) != value)
        if not changed:
            return None
        for name in changed:
            setattr(case, name, values[name])
        if not (case.complainant_phone or case.complainant_email):
            case.consent_to_contact = False
        # Which fields, never their old or new values.
        return Event(data={"fields": changed})
