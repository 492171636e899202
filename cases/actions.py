"""Every business operation on a case, one function each.

Each action checks permission, runs the transition and saves inside ``transaction.atomic()``,
writes the timeline, and defers side effects with ``transaction.on_commit``. The admin, the
public site, the API and the SMS/USSD handlers call these and nothing else changes a case.
"""

import datetime
import secrets
from functools import partial

import phonenumbers
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import ConcurrentTransition, TransitionNotAllowed, can_proceed

from . import rules
from .access import hash_access_code, new_access_code
from .events import case_event_committed, case_event_recorded
from .exceptions import CaseChanged
from .models import (
    CLOSING_OUTCOMES,
    DISMISSAL_OUTCOMES,
    Case,
    CaseSequence,
    CaseState,
    Channel,
    Outcome,
    Priority,
    TimelineVisibility,
)
from .rules import Actor, as_actor
from .timeline import record_event
from .workdays import add_working_days

TRIAGE_WORKING_DAYS = 2
CLOSE_AFTER_RESPONSE_DAYS = 7
MAX_DESCRIPTION_LENGTH = 4000

PUBLIC = TimelineVisibility.PUBLIC
INTERNAL = TimelineVisibility.INTERNAL


# --- Helpers -----------------------------------------------------------------------------


def normalise_phone(raw):
    """A phone number in E.164; Kenyan numbers may be written locally (0712 345 678)."""
    raw = (raw or "").strip()
    if not raw:
        return ""
    try:
        number = phonenumbers.parse(raw, "KE")
    except phonenumbers.NumberParseException as error:
        raise ValidationError(
            {"complainant_phone": _("Enter a valid phone number, such as 0712 345 678.")}
        ) from error
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            {"complainant_phone": _("Enter a valid phone number, such as 0712 345 678.")}
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _require_text(value, field, message):
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value


def _next_reference(year):
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


def _announce(case, entry):
    case_event_recorded.send(sender=Case, case=case, entry=entry, event=entry.action)
    transaction.on_commit(
        partial(
            case_event_committed.send,
            sender=Case,
            case_id=case.pk,
            event=entry.action if entry else "",
            entry_id=entry.pk if entry else None,
        )
    )


def _locked(case, expected_version):
    """The case's current row, locked; refuses when the caller saw an older version."""
    current = Case.objects.select_for_update().get(pk=case.pk)
    if expected_version is None:
        expected_version = case.version
    if int(expected_version) != current.version:
        raise CaseChanged(current)
    return current


def _transition(*, case, operation, by, expected_version, apply, text, visibility, data=None):
    """Run one workflow transition on the locked row and write its timeline entry."""
    actor = as_actor(by)
    try:
        with transaction.atomic():
            current = _locked(case, expected_version)
            if not rules.actor_may(actor, operation, current):
                raise PermissionDenied(_("You may not do this to this case."))
            method = getattr(current, operation)
            if not can_proceed(method):
                raise CaseChanged(current, detail="transition_not_allowed")
            from_state = current.state
            apply(current, method)
            current.version += 1
            current.save()
            entry = record_event(
                case=current,
                action=f"cases.{operation}",
                actor=actor,
                text=text,
                visibility=visibility,
                from_state=from_state,
                to_state=current.state,
                authority=current.authority,
                data=data,
            )
            _announce(current, entry)
    except (ConcurrentTransition, TransitionNotAllowed) as error:
        raise CaseChanged(Case.objects.get(pk=case.pk)) from error
    return current


def _refuse_citizen_on_closed_case(actor, case, field):
    # A closed case is no longer read by anyone: the citizen reports again instead (staff
    # may still add notes, e.g. before reopening).
    if actor.kind == "citizen" and not case.is_open:
        raise ValidationError(
            {
                field: _(
                    "This case is closed, so nothing more can be added. "
                    "Report the problem again if it continues."
                )
            }
        )


def _today():
    return timezone.localdate()


def _authority_due_date(authority, start):
    return add_working_days(start, authority.response_days)


# --- Creating ----------------------------------------------------------------------------


def create_case(
    *,
    by,
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
    """Open a case from any channel. Returns the saved case with its reference."""
    actor = as_actor(by)
    if not rules.actor_may(actor, "create"):
        raise PermissionDenied(_("You may not register cases."))
    if channel not in Channel.values:
        raise ValidationError({"channel": _("Unknown channel.")})
    description = _require_text(description, "description", _("Describe what happened."))
    if len(description) > MAX_DESCRIPTION_LENGTH:
        raise ValidationError(
            {
                "description": _("Keep the description to %(max)s characters.")
                % {"max": MAX_DESCRIPTION_LENGTH}
            }
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
            {"consent_to_contact": _("Give a phone number or an e-mail address to be contacted.")}
        )
    received_at = received_at or timezone.now()
    access_code = new_access_code()

    with transaction.atomic():
        case = Case(
            reference=_next_reference(timezone.localtime(received_at).year),
            tracking_token=secrets.token_urlsafe(32),
            access_code_hash=hash_access_code(access_code),
            channel=channel,
            sector=sector,
            county=county,
            location=(location or "").strip()[:255],
            latitude=latitude,
            longitude=longitude,
            description=description,
            complainant_name=(complainant_name or "").strip()[:120],
            complainant_phone=phone,
            complainant_email=email,
            consent_to_contact=bool(consent_to_contact),
            consent_to_share_identity=bool(consent_to_share_identity),
            consent_to_publish=bool(consent_to_publish),
            language=language if language in ("en", "sw") else "en",
            priority=priority,
            received_at=received_at,
            due_date=add_working_days(timezone.localtime(received_at).date(), TRIAGE_WORKING_DAYS),
        )
        case.full_clean(exclude=["reference", "tracking_token", "state", "sector", "county"])
        case.save()
        # Shown once (acknowledgement, success page); only its hash is stored.
        case.access_code = access_code
        entry = record_event(
            case=case,
            action="cases.create",
            actor=actor,
            text=_("Received through %(channel)s.") % {"channel": case.get_channel_display()},
            visibility=PUBLIC,
            to_state=case.state,
            data={"channel": channel},
        )
        _announce(case, entry)
    return case


# --- Workflow transitions ------------------------------------------------------------------


def forward_case(*, case, authority, by, note="", expected_version=None):
    if authority is None:
        raise ValidationError({"authority": _("Choose the authority to forward the case to.")})
    if not authority.is_active:
        raise ValidationError({"authority": _("This authority is no longer active.")})

    def apply(current, method):
        method(authority=authority, at=timezone.now(), link_nonce=secrets.token_urlsafe(16))
        current.due_date = _authority_due_date(authority, _today())

    return _transition(
        case=case,
        operation="forward",
        by=by,
        expected_version=expected_version,
        apply=apply,
        text=(note or "").strip()
        or _("Forwarded to %(authority)s.") % {"authority": authority.name},
        visibility=PUBLIC,
        data={"authority": authority.name},
    )


def respond_to_case(*, case, response, by, expected_version=None):
    response = _require_text(response, "response", _("Write the authority's response."))

    def apply(current, method):
        method(response=response, at=timezone.now())
        current.due_date = _today() + datetime.timedelta(days=CLOSE_AFTER_RESPONSE_DAYS)

    return _transition(
        case=case,
        operation="respond",
        by=by,
        expected_version=expected_version,
        apply=apply,
        text=response,
        visibility=PUBLIC,
    )


def close_case(*, case, outcome, by, note="", expected_version=None):
    if outcome not in CLOSING_OUTCOMES:
        raise ValidationError({"outcome": _("Choose whether the problem was resolved.")})
    if as_actor(by).kind == "citizen" and outcome != Outcome.RESOLVED:
        # A citizen closes a case only by confirming it was solved; "not solved" asks a
        # case worker to escalate instead (request_escalation).
        raise PermissionDenied(_("You may not do this to this case."))

    def apply(current, method):
        method(outcome=outcome, at=timezone.now())
        current.due_date = None

    return _transition(
        case=case,
        operation="close",
        by=by,
        expected_version=expected_version,
        apply=apply,
        text=(note or "").strip() or str(Outcome(outcome).label),
        visibility=PUBLIC,
        data={"outcome": outcome},
    )


def close_unanswered_case(*, case, by, note="", expected_version=None):
    def apply(current, method):
        method(at=timezone.now())
        current.due_date = None

    return _transition(
        case=case,
        operation="close_unanswered",
        by=by,
        expected_version=expected_version,
        apply=apply,
        text=(note or "").strip() or str(Outcome.NO_RESPONSE.label),
        visibility=PUBLIC,
        data={"outcome": Outcome.NO_RESPONSE},
    )


def dismiss_case(*, case, outcome, reason, by, duplicate_of=None, expected_version=None):
    if outcome not in DISMISSAL_OUTCOMES:
        raise ValidationError({"outcome": _("Choose why the case is dismissed.")})
    reason = _require_text(reason, "reason", _("Give the reason for dismissing the case."))
    if outcome == Outcome.DUPLICATE:
        if duplicate_of is None:
            raise ValidationError({"duplicate_of": _("Name the case this one duplicates.")})
        if duplicate_of.pk == case.pk:
            raise ValidationError({"duplicate_of": _("A case cannot duplicate itself.")})
        actor = as_actor(by)
        if actor.kind == "staff" and not rules.user_may(actor.user, "view", duplicate_of):
            # The original must be a case this user may see: a guessed reference from
            # another county gets the same answer as an unknown one.
            raise ValidationError({"duplicate_of": _("No case with this reference.")})
    else:
        duplicate_of = None

    def apply(current, method):
        method(outcome=outcome, duplicate_of=duplicate_of, at=timezone.now())
        current.due_date = None

    return _transition(
        case=case,
        operation="dismiss",
        by=by,
        expected_version=expected_version,
        apply=apply,
        text=reason,
        visibility=PUBLIC,
        data={
            "outcome": outcome,
            "duplicate_of": duplicate_of.reference if duplicate_of else None,
        },
    )


def withdraw_case(*, case, by, requested_by, expected_version=None):
    """Close a case because the citizen withdrew it; ``requested_by`` says who asked and how."""
    requested_by = _require_text(
        requested_by, "requested_by", _("Say who asked for the withdrawal and how.")
    )

    def apply(current, method):
        method(at=timezone.now())
        current.due_date = None

    return _transition(
        case=case,
        operation="withdraw",
        by=by,
        expected_version=expected_version,
        apply=apply,
        text=_("Withdrawn: %(requested_by)s") % {"requested_by": requested_by},
        visibility=PUBLIC,
        data={"requested_by": requested_by},
    )


def escalate_case(*, case, reason, by, to_parent=False, expected_version=None):
    reason = _require_text(reason, "reason", _("Say why the response was not adequate."))
    target = case.authority
    if to_parent:
        target = case.authority.parent if case.authority else None
        if target is None:
            raise ValidationError(
                {"to_parent": _("This authority has no higher authority recorded.")}
            )
    if target is not None and not target.is_active:
        raise ValidationError({"to_parent": _("This authority is no longer active.")})

    def apply(current, method):
        method(authority=target, at=timezone.now(), link_nonce=secrets.token_urlsafe(16))
        current.due_date = _authority_due_date(target, _today())

    return _transition(
        case=case,
        operation="escalate",
        by=by,
        expected_version=expected_version,
        apply=apply,
        text=reason,
        visibility=PUBLIC,
        data={"authority": target.name if target else None, "to_parent": bool(to_parent)},
    )


def recall_case(*, case, by, reason="", expected_version=None):
    """Take a case back from the authority it was wrongly forwarded to."""

    def apply(current, method):
        method(at=timezone.now())
        current.due_date = add_working_days(_today(), TRIAGE_WORKING_DAYS)

    return _transition(
        case=case,
        operation="recall",
        by=by,
        expected_version=expected_version,
        apply=apply,
        text=(reason or "").strip() or _("Recalled from the authority for another triage."),
        visibility=INTERNAL,
    )


def reopen_case(*, case, reason, by, expected_version=None):
    reason = _require_text(reason, "reason", _("Give the reason for reopening the case."))

    def apply(current, method):
        method(at=timezone.now())
        current.due_date = add_working_days(_today(), TRIAGE_WORKING_DAYS)

    return _transition(
        case=case,
        operation="reopen",
        by=by,
        expected_version=expected_version,
        apply=apply,
        text=reason,
        visibility=PUBLIC,
    )


# --- Work on a case that does not change its state -----------------------------------------


def assign_case(*, case, assignee, by, expected_version=None):
    """Give a case to a case worker (or to nobody). Taking an unassigned case for oneself is
    triage; anything else is a reassignment, which supervisors do."""
    actor = as_actor(by)
    if actor.kind != "staff":
        raise PermissionDenied(_("Only staff assign cases."))
    with transaction.atomic():
        current = _locked(case, expected_version)
        taking_for_self = (
            assignee is not None and assignee.pk == actor.user.pk and current.assigned_to_id is None
        )
        operation = "assign" if taking_for_self else "reassign"
        if not rules.actor_may(actor, operation, current):
            raise PermissionDenied(_("You may not assign this case."))
        if assignee is not None and not rules.user_may(assignee, "view", current):
            raise ValidationError(
                {
                    "assignee": _("%(user)s cannot work on cases in this county.")
                    % {"user": assignee}
                }
            )
        if current.assigned_to_id == (assignee.pk if assignee else None):
            return current
        current.assigned_to = assignee
        current.version += 1
        current.save(update_fields=["assigned_to", "version", "updated_at"])
        label = (assignee.get_full_name() or assignee.get_username()) if assignee else ""
        entry = record_event(
            case=current,
            action="cases.assign",
            actor=actor,
            text=_("Assigned to %(user)s.") % {"user": label} if assignee else _("Unassigned."),
            visibility=INTERNAL,
            data={"assignee": assignee.pk if assignee else None},
        )
        _announce(current, entry)
    return current


def request_escalation(*, case, by, reason=""):
    """The citizen says the authority's response did not solve the problem: a case worker
    then decides whether to escalate."""
    actor = as_actor(by)
    with transaction.atomic():
        current = Case.objects.select_for_update().get(pk=case.pk)
        if not rules.actor_may(actor, "request_escalation", current):
            raise PermissionDenied(_("You may not do this to this case."))
        if current.state != CaseState.RESPONDED:
            raise CaseChanged(current, detail="not_responded")
        if current.escalation_requested:
            return current
        current.escalation_requested = True
        current.version += 1
        current.save(update_fields=["escalation_requested", "version", "updated_at"])
        entry = record_event(
            case=current,
            action="cases.request_escalation",
            actor=actor,
            text=(reason or "").strip()
            or _("The citizen says the response did not solve the problem."),
            visibility=PUBLIC,
        )
        _announce(current, entry)
    return current


def add_attachment(*, case, file, content_type, by, original_name="", visibility=INTERNAL, note=""):
    """Keep a checked evidence file with the case. ``file`` must already have been checked
    for type and size (``intake.evidence`` does that); the name is chosen by the server."""
    from .models import CaseAttachment

    actor = as_actor(by)
    if actor.kind == "citizen":
        visibility = PUBLIC
    with transaction.atomic():
        current = Case.objects.select_for_update().get(pk=case.pk)
        if not rules.actor_may(actor, "attach", current):
            raise PermissionDenied(_("You may not add files to this case."))
        _refuse_citizen_on_closed_case(actor, current, "file")
        attachment = CaseAttachment(
            case=current,
            original_name=(original_name or "")[:255],
            content_type=content_type,
            size=file.size,
            visibility=visibility,
            uploaded_by_kind=actor.kind,
        )
        attachment.file.save("evidence", file, save=False)
        attachment.save()
        entry = record_event(
            case=current,
            action="cases.attach",
            actor=actor,
            text=(note or "").strip() or _("File added: %(name)s") % {"name": original_name},
            visibility=visibility,
            data={"attachment": attachment.pk},
        )
        _announce(current, entry)
    return attachment


MAX_PUBLIC_SUMMARY_LENGTH = 2000


def publish_case(*, case, summary, by):
    """Show an edited summary of the case to the public (only with the complainant's consent).
    Publishing again replaces the summary."""
    actor = as_actor(by)
    summary = _require_text(summary, "summary", _("Write the summary to publish."))
    if len(summary) > MAX_PUBLIC_SUMMARY_LENGTH:
        raise ValidationError(
            {
                "summary": _("Keep the summary to %(max)s characters.")
                % {"max": MAX_PUBLIC_SUMMARY_LENGTH}
            }
        )
    with transaction.atomic():
        current = Case.objects.select_for_update().get(pk=case.pk)
        if not rules.actor_may(actor, "publish", current):
            raise PermissionDenied(_("You may not publish this case."))
        if not current.consent_to_publish:
            raise ValidationError({"summary": _("The complainant did not agree to publication.")})
        current.public_summary = summary
        current.published_at = current.published_at or timezone.now()
        current.save(update_fields=["public_summary", "published_at", "updated_at"])
        entry = record_event(
            case=current, action="cases.publish", actor=actor, text=summary, visibility=INTERNAL
        )
        _announce(current, entry)
    return current


def unpublish_case(*, case, by):
    """Take the case off every public page, feed and API at once."""
    actor = as_actor(by)
    with transaction.atomic():
        current = Case.objects.select_for_update().get(pk=case.pk)
        if not rules.actor_may(actor, "publish", current):
            raise PermissionDenied(_("You may not unpublish this case."))
        if current.published_at is None:
            return current
        current.published_at = None
        current.save(update_fields=["published_at", "updated_at"])
        entry = record_event(
            case=current, action="cases.unpublish", actor=actor, visibility=INTERNAL
        )
        _announce(current, entry)
    return current


def add_note(*, case, text, by, visibility=INTERNAL):
    """Add a note to the timeline. Notes never change the case, so they need no version."""
    actor = as_actor(by)
    text = _require_text(text, "text", _("Write the note."))
    if visibility not in TimelineVisibility.values:
        raise ValidationError({"visibility": _("Choose who may see the note.")})
    if actor.kind == "citizen":
        visibility = PUBLIC
    with transaction.atomic():
        current = Case.objects.select_for_update().get(pk=case.pk)
        if not rules.actor_may(actor, "note", current):
            raise PermissionDenied(_("You may not add notes to this case."))
        _refuse_citizen_on_closed_case(actor, current, "text")
        entry = record_event(
            case=current,
            action="cases.note",
            actor=actor,
            text=text,
            visibility=visibility,
        )
        _announce(current, entry)
    return entry


__all__ = [
    "Actor",
    "CaseChanged",
    "CaseState",
    "add_attachment",
    "add_note",
    "assign_case",
    "close_case",
    "close_unanswered_case",
    "create_case",
    "dismiss_case",
    "escalate_case",
    "forward_case",
    "normalise_phone",
    "publish_case",
    "unpublish_case",
    "recall_case",
    "reopen_case",
    "request_escalation",
    "respond_to_case",
    "withdraw_case",
]
