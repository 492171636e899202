"""The workflow's steps: each moves the case with the model's FSM transition of its name."""

import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from .. import rules
from ..limits import MAX_NOTE_LENGTH, MAX_RESPONSE_LENGTH
from ..models import CLOSING_OUTCOMES, DISMISSAL_OUTCOMES, Outcome
from .base import INTERNAL, Event, TransitionOperation, optional_text, require_text

FORMS = "cases.workbench.forms."


def outcome_label(data):
    outcome = data.get("outcome")
    return str(Outcome(outcome).label) if outcome in Outcome.values else ""


def new_link_nonce():
    # A new nonce for the authority's response link: every older link stops working.
    return secrets.token_urlsafe(16)


class ForwardCase(TransitionOperation):
    name = "forward"
    label = _("Forward to an authority")
    log_label = _("Forwarded")
    log_message = _("Forwarded to the authority")
    staff_permission = "cases.forward_case"
    public_text = True
    form_class = FORMS + "ForwardForm"
    takes_response_template = True
    citizen_message = "case_forwarded"
    authority_message = "authority_new_case"

    def clean(self, *, authority, note=""):
        if authority is None:
            raise ValidationError({"authority": _("Choose the authority to forward the case to.")})
        if not authority.is_active:
            raise ValidationError({"authority": _("This authority is no longer active.")})
        return {
            "authority": authority,
            "note": optional_text(note, "note", max_length=MAX_NOTE_LENGTH),
        }

    def apply(self, case, *, authority, note):
        self.transition(case, authority=authority, link_nonce=new_link_nonce())
        case.due_date = self.authority_due_date(authority)
        return Event(text=note, data={"authority": authority.name})

    @classmethod
    def summarise(cls, data):
        return _("Forwarded to %(authority)s.") % {"authority": data.get("authority") or ""}


class RespondToCase(TransitionOperation):
    name = "respond"
    label = _("Record the response")
    log_label = _("Responded")
    log_message = _("Response recorded")
    staff_permission = "cases.record_response"
    actors = (rules.AUTHORITY,)
    public_text = True
    form_class = FORMS + "RespondForm"
    takes_response_template = True
    citizen_message = "case_responded"

    def clean(self, *, response):
        return {
            "response": require_text(
                response,
                "response",
                _("Write the authority's response."),
                max_length=MAX_RESPONSE_LENGTH,
            )
        }

    def apply(self, case, *, response):
        self.transition(case, response=response)
        case.due_date = self.closing_due_date()
        return Event(text=response)


class CloseCase(TransitionOperation):
    name = "close"
    label = _("Close")
    log_label = _("Closed")
    log_message = _("Closed")
    staff_permission = "cases.close_case"
    actors = (rules.CITIZEN,)
    public_text = True
    form_class = FORMS + "CloseForm"
    takes_response_template = True
    citizen_message = "case_closed"

    def clean(self, *, outcome, note=""):
        if outcome not in CLOSING_OUTCOMES:
            raise ValidationError({"outcome": _("Choose whether the problem was resolved.")})
        if self.actor.kind == rules.CITIZEN and outcome != Outcome.RESOLVED:
            # A citizen closes a case only by confirming it was solved; "not solved" asks a
            # case worker to escalate instead (RequestEscalation).
            raise PermissionDenied(self.refusal)
        return {"outcome": outcome, "note": optional_text(note, "note", max_length=MAX_NOTE_LENGTH)}

    def apply(self, case, *, outcome, note):
        self.transition(case, outcome=outcome)
        case.due_date = None
        return Event(text=note, data={"outcome": outcome})

    @classmethod
    def summarise(cls, data):
        return outcome_label(data)


class CloseUnansweredCase(TransitionOperation):
    name = "close_unanswered"
    label = _("Close: no response")
    log_label = _("Closed unanswered")
    log_message = _("Closed: no response from the authority")
    staff_permission = "cases.close_case"
    actors = (rules.SYSTEM,)
    public_text = True
    form_class = FORMS + "CloseUnansweredForm"
    citizen_message = "case_closed_unanswered"

    def clean(self, *, note=""):
        return {"note": optional_text(note, "note", max_length=MAX_NOTE_LENGTH)}

    def apply(self, case, *, note):
        self.transition(case)
        case.due_date = None
        return Event(text=note, data={"outcome": Outcome.NO_RESPONSE.value})

    @classmethod
    def summarise(cls, data):
        return outcome_label(data)


class DismissCase(TransitionOperation):
    name = "dismiss"
    label = _("Dismiss")
    log_label = _("Dismissed")
    log_message = _("Dismissed")
    staff_permission = "cases.dismiss_case"
    public_text = True
    form_class = FORMS + "DismissForm"
    takes_response_template = True
    citizen_message = "case_dismissed"

    def clean(self, *, outcome, reason, duplicate_of=None):
        if outcome not in DISMISSAL_OUTCOMES:
            raise ValidationError({"outcome": _("Choose why the case is dismissed.")})
        reason = require_text(
            reason,
            "reason",
            _("Give the reason for dismissing the case."),
            max_length=MAX_NOTE_LENGTH,
        )
        if outcome != Outcome.DUPLICATE:
            return {"outcome": outcome, "reason": reason, "duplicate_of": None}
        if duplicate_of is None:
            raise ValidationError({"duplicate_of": _("Name the case this one duplicates.")})
        if duplicate_of.pk == self.instance.pk:
            raise ValidationError({"duplicate_of": _("A case cannot duplicate itself.")})
        if self.actor.kind == rules.STAFF and not rules.user_may(
            self.actor.user, "view", duplicate_of
        ):
            # The original must be a case this user may see: a guessed reference from
            # another county gets the same answer as an unknown one.
            raise ValidationError({"duplicate_of": _("No case with this reference.")})
        return {"outcome": outcome, "reason": reason, "duplicate_of": duplicate_of}

    def apply(self, case, *, outcome, reason, duplicate_of):
        self.transition(case, outcome=outcome, duplicate_of=duplicate_of)
        case.due_date = None
        return Event(
            text=reason,
            data={
                "outcome": outcome,
                "duplicate_of": duplicate_of.reference if duplicate_of else None,
            },
        )

    @classmethod
    def summarise(cls, data):
        return outcome_label(data)


class WithdrawCase(TransitionOperation):
    name = "withdraw"
    label = _("Withdraw for the citizen")
    log_label = _("Withdrawn")
    log_message = _("Withdrawn by the citizen")
    staff_permission = "cases.withdraw_case"
    actors = (rules.CITIZEN,)
    form_class = FORMS + "WithdrawForm"
    citizen_message = "case_withdrawn"

    def clean(self, *, requested_by=""):
        if self.actor.kind == rules.CITIZEN and not (requested_by or "").strip():
            return {"requested_by": ""}  # the citizen withdrew it themselves
        return {
            "requested_by": require_text(
                requested_by,
                "requested_by",
                _("Say who asked for the withdrawal and how."),
                max_length=200,
            )
        }

    def apply(self, case, *, requested_by):
        self.transition(case)
        case.due_date = None
        return Event(data={"requested_by": requested_by})

    @classmethod
    def summarise(cls, data):
        if data.get("requested_by"):
            return _("Withdrawn: %(requested_by)s") % {"requested_by": data["requested_by"]}
        return str(cls.log_message)

    @classmethod
    def summarise_publicly(cls, data):
        # Who asked, and how, names the complainant's own circumstances.
        return str(cls.log_message)


class EscalateCase(TransitionOperation):
    name = "escalate"
    label = _("Escalate")
    log_label = _("Escalated")
    log_message = _("Escalated")
    staff_permission = "cases.escalate_case"
    public_text = True
    form_class = FORMS + "EscalateForm"
    takes_response_template = True
    citizen_message = "case_escalated"
    authority_message = "authority_escalated_case"

    def clean(self, *, reason, to_parent=False):
        reason = require_text(
            reason,
            "reason",
            _("Say why the response was not adequate."),
            max_length=MAX_NOTE_LENGTH,
        )
        target = self.instance.authority
        if to_parent:
            target = target.parent if target else None
            if target is None:
                raise ValidationError(
                    {"to_parent": _("This authority has no higher authority recorded.")}
                )
        if target is not None and not target.is_active:
            raise ValidationError({"to_parent": _("This authority is no longer active.")})
        return {"reason": reason, "target": target, "to_parent": bool(to_parent)}

    def apply(self, case, *, reason, target, to_parent):
        self.transition(case, authority=target, link_nonce=new_link_nonce())
        case.due_date = self.authority_due_date(target)
        return Event(
            text=reason,
            data={"authority": target.name if target else None, "to_parent": to_parent},
        )

    @classmethod
    def summarise(cls, data):
        if not data.get("authority"):
            return ""
        return _("Sent to %(authority)s for a better answer.") % {"authority": data["authority"]}


class RecallCase(TransitionOperation):
    """Take a case back from the authority it was wrongly forwarded to."""

    name = "recall"
    label = _("Recall")
    log_label = _("Recalled")
    log_message = _("Recalled from the authority")
    staff_permission = "cases.recall_case"
    visibility = INTERNAL
    form_class = FORMS + "OptionalReasonForm"

    def clean(self, *, reason=""):
        return {"reason": optional_text(reason, "reason", max_length=MAX_NOTE_LENGTH)}

    def apply(self, case, *, reason):
        self.transition(case)
        case.due_date = self.triage_due_date()
        return Event(text=reason)

    @classmethod
    def summarise(cls, data):
        return _("Recalled from the authority for another triage.")


class ReopenCase(TransitionOperation):
    name = "reopen"
    label = _("Reopen")
    log_label = _("Reopened")
    log_message = _("Reopened")
    staff_permission = "cases.reopen_case"
    public_text = True
    form_class = FORMS + "ReasonForm"
    citizen_message = "case_reopened"

    def clean(self, *, reason):
        return {
            "reason": require_text(
                reason,
                "reason",
                _("Give the reason for reopening the case."),
                max_length=MAX_NOTE_LENGTH,
            )
        }

    def apply(self, case, *, reason):
        self.transition(case)
        case.due_date = self.triage_due_date()
        return Event(text=reason)
