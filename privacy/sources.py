"""Where the portal keeps a citizen's personal data, found by their phone number or e-mail.

Every model with a phone or e-mail field is either a source here or, for a reason given, in
``NOT_ABOUT_CITIZENS``; a test fails when a new one is neither. Each source finds a person's
rows, exports them as plain values and erases them.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from cases import timeline
from cases.models import Authority, Case, CaseLogEntry
from intake.models import InboundSMS, UssdSession, VoiceCall
from notify.models import OutboundMessage

ERASED = "[erased]"

# Models with phone or e-mail fields that hold no citizen's data, and why.
NOT_ABOUT_CITIZENS = {
    "auth.User": "staff accounts",
    Authority._meta.label: "duty bearers' official contact details",
}


@dataclass(frozen=True)
class Person:
    """Whom a data subject request is about: a phone number (E.164) and/or an e-mail."""

    phone: str = ""
    email: str = ""

    def __bool__(self):
        return bool(self.phone or self.email)

    def matches(self, phone_field=None, email_field=None):
        condition = Q(pk__in=[])
        if self.phone and phone_field:
            condition |= Q(**{phone_field: self.phone})
        if self.email and email_field:
            condition |= Q(**{f"{email_field}__iexact": self.email})
        return condition


def moment(value):
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


class CaseSource:
    model = Case
    key = "cases"

    def rows(self, person):
        matches = person.matches("complainant_phone", "complainant_email")
        return Case.objects.filter(matches).select_related("sector", "county", "authority")

    def export(self, case):
        entries = CaseLogEntry.objects.for_case(case)
        return {
            "reference": case.reference,
            "received": moment(case.received_at),
            "channel": case.get_channel_display(),
            "status": case.get_state_display(),
            "sector": case.sector.name if case.sector else None,
            "county": case.county.name if case.county else None,
            "where": case.location,
            "coordinates": [str(case.latitude), str(case.longitude)]
            if case.latitude is not None
            else None,
            "what_happened": case.description,
            "name": case.complainant_name,
            "phone": case.complainant_phone,
            "email": case.complainant_email,
            "consents": {
                "may_be_contacted": case.consent_to_contact,
                "identity_shared_with_the_authority": case.consent_to_share_identity,
                "summary_may_be_published": case.consent_to_publish,
            },
            "language": case.language,
            "authority": case.authority.name if case.authority else None,
            "response": case.response,
            "outcome": case.get_outcome_display() if case.outcome else None,
            "published_summary": case.public_summary if case.published_at else None,
            "timeline": [
                {
                    "when": moment(entry.timestamp),
                    "event": str(entry.formatter.label) if entry.formatter else entry.action,
                    "summary": timeline.summary(entry),
                    "text": entry.text,
                    "visible_to_the_citizen": entry.is_public,
                }
                for entry in entries
            ],
            "evidence": [
                {
                    "name": attachment.original_name,
                    "type": attachment.content_type,
                    "bytes": attachment.size,
                    "added": moment(attachment.uploaded_at),
                }
                for attachment in case.attachments.all()
            ],
        }


class OutboxSource:
    model = OutboundMessage
    key = "messages"

    def rows(self, person):
        # Messages to them, and every message about their cases (the authority's e-mail
        # carries what they wrote).
        own_cases = CaseSource().rows(person)
        return OutboundMessage.objects.filter(
            person.matches("recipient", "recipient") | Q(case__in=own_cases)
        )

    def export(self, message):
        return {
            "when": moment(message.created_at),
            "channel": message.get_channel_display(),
            "to": message.recipient,
            "to_whom": message.get_audience_display(),
            "subject": message.subject,
            "text": message.masked_text,
            "status": message.get_status_display(),
            "case": message.case.reference if message.case_id else None,
        }

    def erase(self, rows):
        return rows.update(recipient=ERASED, subject="", text=ERASED, sensitive=[])


class InboundSMSSource:
    model = InboundSMS
    key = "inbound_sms"

    def rows(self, person):
        return InboundSMS.objects.filter(person.matches("sender"))

    def export(self, sms):
        return {
            "when": moment(sms.received_at),
            "from": sms.sender,
            "to": sms.recipient,
            "text": sms.text,
            "case": sms.case.reference if sms.case_id else None,
        }

    def erase(self, rows):
        return rows.delete()[0]


class UssdSource:
    model = UssdSession
    key = "ussd_sessions"

    def rows(self, person):
        return UssdSession.objects.filter(person.matches("phone_number"))

    def export(self, session):
        return {
            "started": moment(session.started_at),
            "phone": session.phone_number,
            "what_was_typed": session.last_text,
            "case": session.case.reference if session.case_id else None,
        }

    def erase(self, rows):
        return rows.delete()[0]


class VoiceCallSource:
    model = VoiceCall
    key = "voice_calls"

    def rows(self, person):
        return VoiceCall.objects.filter(person.matches("caller_number"))

    def export(self, call):
        return {
            "started": moment(call.started_at),
            "from": call.caller_number,
            "to": call.destination_number,
            "keys_pressed": [step["digits"] for step in call.steps if step.get("digits")],
            "recorded_a_message": bool(call.recording_url),
            "seconds": call.duration_seconds,
            "case": call.case.reference if call.case_id else None,
        }

    def erase(self, rows):
        # The recording itself is evidence of the case, erased with it.
        return rows.delete()[0]


# Cases first: erasing them reads the complainant's details the other sources match on.
SOURCES = [CaseSource(), OutboxSource(), InboundSMSSource(), UssdSource(), VoiceCallSource()]
