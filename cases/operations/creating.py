"""Opening a case, from any channel."""

import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from .. import rules
from ..access import hash_access_code, new_access_code
from ..limits import MAX_DESCRIPTION_LENGTH
from ..models import Case, CaseSequence, CaseState, Channel, Priority
from ..phones import normalise_phone
from ..voice import VOICE_PLACEHOLDER, is_voice_placeholder
from ..workdays import add_working_days
from .base import PUBLIC, TRIAGE_WORKING_DAYS, CaseOperation, Event, announce, require_text


def next_reference(year):
    """HUD-<year>-<number>: the year's counter row is locked, so numbers never repeat."""
    updated = CaseSequence.objects.filter(year=year).update(last_number=F("last_number") + 1)
    if not updated:
        try:
            with transaction.atomic():
                CaseSequence.objects.create(year=year, last_number=1)
        except IntegrityError:
            # Another transaction made the year's row first: take the next number from it.
            CaseSequence.objects.filter(year=year).update(last_number=F("last_number") + 1)
    number = CaseSequence.objects.get(year=year).last_number
    return f"HUD-{year}-{number:06d}"


class CreateCase(CaseOperation):
    name = "create"
    label = _("Register a case")
    log_label = _("Received")
    log_message = _("Case received")
    staff_permission = "cases.add_case"
    actors = (rules.CITIZEN, rules.SYSTEM)
    visibility = PUBLIC
    citizen_message = "case_received"
    refusal = _("You may not register cases.")

    def clean(
        self,
        *,
        channel,
        description,
        sector=None,
        county=None,
        location="",
        latitude=None,
        longitude=None,
        complainant_name="",
        complainant_phone="",
        complainant_email="",
        consent_to_contact=False,
        consent_to_share_identity=False,
        consent_to_publish=False,
        language="en",
        priority=Priority.NORMAL,
        received_at=None,
    ):
        if channel not in Channel.values:
            raise ValidationError({"channel": _("Unknown channel.")})
        voice = channel == Channel.VOICE
        if voice and is_voice_placeholder(description):
            # A caller's words are in the recording until a case worker transcribes it.
            description = VOICE_PLACEHOLDER
        description = require_text(
            description,
            "description",
            _("Describe what happened."),
            max_length=MAX_DESCRIPTION_LENGTH,
        )
        phone = normalise_phone(complainant_phone)
        email = (complainant_email or "").strip()
        if email:
            try:
                validate_email(email)
            except ValidationError as error:
                raise ValidationError(
                    {"complainant_email": _("Enter a valid e-mail address.")}
                ) from error
        if consent_to_contact and not (phone or email):
            # Every channel: consent to be contacted means nothing without a way to contact.
            raise ValidationError(
                {
                    "consent_to_contact": _(
                        "Give a phone number or an e-mail address to be contacted."
                    )
                }
            )
        return {
            "channel": channel,
            "description": description,
            "sector": sector,
            "county": county,
            "location": (location or "").strip()[:255],
            "latitude": latitude,
            "longitude": longitude,
            "complainant_name": (complainant_name or "").strip()[:120],
            "complainant_phone": phone,
            "complainant_email": email,
            "consent_to_contact": bool(consent_to_contact),
            "consent_to_share_identity": bool(consent_to_share_identity),
            "consent_to_publish": bool(consent_to_publish),
            "language": language if language in ("en", "sw") else "en",
            "priority": priority,
            "received_at": received_at or self.at,
            "needs_transcription": voice,
        }

    def build(self, *, reference, tracking_token, access_code, **fields):
        """The new case in memory, with its first timeline event (no database)."""
        received_on = timezone.localtime(fields["received_at"]).date()
        case = Case(
            reference=reference,
            tracking_token=tracking_token,
            access_code_hash=hash_access_code(access_code),
            due_date=add_working_days(received_on, TRIAGE_WORKING_DAYS),
            **fields,
        )
        self.at = fields["received_at"]
        return case, Event(data={"channel": case.channel})

    def check(self, skip_permission_checks=False):
        if not skip_permission_checks and not rules.actor_may(self.actor, self.name):
            raise PermissionDenied(self.refusal)

    def run_in_memory(self, *, reference, tracking_token, **values):
        """The new case and its first entry, unsaved, for cases made in bulk."""
        self.check()
        case, event = self.build(
            reference=reference,
            tracking_token=tracking_token,
            access_code=new_access_code(),
            **self.clean(**values),
        )
        self.instance = case
        return case, self.build_entry(case, event, "")

    def execute(self, skip_permission_checks=False, **values):
        self.check(skip_permission_checks)
        fields = self.clean(**values)
        access_code = new_access_code()
        with transaction.atomic():
            year = timezone.localtime(fields["received_at"]).year
            case, event = self.build(
                reference=next_reference(year),
                tracking_token=secrets.token_urlsafe(32),
                access_code=access_code,
                **fields,
            )
            case.full_clean(exclude=["reference", "tracking_token", "state", "sector", "county"])
            case.save()
            self.instance = case
            # Shown once (acknowledgement, success page); only its hash is stored.
            case.access_code = access_code
            entry = log(instance=case, case=case, **self.entry_fields(case, event, ""))
            announce(case, entry)
        return case

    def entry_fields(self, case, event, from_state):
        return {
            **super().entry_fields(case, event, from_state),
            "to_state": CaseState.RECEIVED,
            "content_changed": True,
        }

    @classmethod
    def summarise(cls, data):
        channel = data.get("channel")
        label = Channel(channel).label if channel in Channel.values else channel or ""
        return _("Received through %(channel)s.") % {"channel": label}
