"""Work on a case that does not move it along the workflow: assignment, notes, files,
publication, and the citizen's request for escalation."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from .. import rules
from ..exceptions import CaseChanged
from ..limits import MAX_NOTE_LENGTH, MAX_PUBLIC_SUMMARY_LENGTH
from ..models import CaseAttachment, CaseState, TimelineVisibility
from ..redaction import complainant_data_in
from .base import INTERNAL, PUBLIC, CaseOperation, Event, optional_text, require_text

FORMS = "cases.workbench.forms."


def refuse_citizen_on_closed_case(actor, case, field):
    # A closed case is no longer read by anyone: the citizen reports again instead (staff
    # may still add notes, e.g. before reopening).
    if actor.kind == rules.CITIZEN and not case.is_open:
        raise ValidationError(
            {
                field: _(
                    "This case is closed, so nothing more can be added. "
                    "Report the problem again if it continues."
                )
            }
        )


def user_label(user):
    return (user.get_full_name() or user.get_username()) if user else ""


class AssignCase(CaseOperation):
    """Give a case to a case worker (or to nobody). Taking an unassigned case for oneself is
    triage; anything else is a reassignment, which needs ``REASSIGN``'s permission."""

    name = "assign"
    label = _("Assign")
    log_label = _("Assigned")
    log_message = _("Assignment changed")
    staff_permission = "cases.triage_case"
    form_class = FORMS + "AssignForm"
    refusal = _("You may not assign this case.")

    REASSIGN = "reassign"
    reassign_permission = "cases.reassign_case"

    @classmethod
    def allowed(cls, actor, case=None):
        actor = rules.as_actor(actor)
        return rules.actor_may(actor, cls.name, case) or rules.actor_may(actor, cls.REASSIGN, case)

    def user_has_permission(self):
        return self.allowed(self.actor, self.instance)

    def validate(self, case, values):
        assignee = values["assignee"]
        taking_for_self = (
            assignee is not None
            and assignee.pk == self.actor.user.pk
            and case.assigned_to_id is None
        )
        operation = self.name if taking_for_self else self.REASSIGN
        if not rules.actor_may(self.actor, operation, case):
            raise PermissionDenied(self.refusal)
        if assignee is not None and not rules.user_may(assignee, "view", case):
            raise ValidationError(
                {
                    "assignee": _("%(user)s cannot work on cases in this county.")
                    % {"user": assignee}
                }
            )

    def apply(self, case, *, assignee):
        if case.assigned_to_id == (assignee.pk if assignee else None):
            return None
        case.assigned_to = assignee
        return Event(
            data={"assignee": assignee.pk if assignee else None, "name": user_label(assignee)}
        )

    def save(self, case):
        case.save(update_fields=["assigned_to", "version", "updated_at"])

    @classmethod
    def summarise(cls, data):
        if data.get("assignee") is None:
            return _("Unassigned.")
        return _("Assigned to %(user)s.") % {"user": data.get("name", "")}


# Reassigning is a permission of its own (supervisors), checked by AssignCase.
rules.allow(AssignCase.REASSIGN, staff_permission=AssignCase.reassign_permission)


class AddNote(CaseOperation):
    """A note on the timeline. Notes never change the case, so they need no version."""

    name = "note"
    label = _("Add a note")
    log_label = _("Note")
    log_message = _("Note added")
    staff_permission = "cases.add_case_note"
    actors = (rules.CITIZEN, rules.SYSTEM)
    public_text = True
    changes_version = False
    form_class = FORMS + "NoteForm"
    takes_response_template = True
    refusal = _("You may not add notes to this case.")

    def clean(self, *, text, visibility=INTERNAL):
        text = require_text(text, "text", _("Write the note."), max_length=MAX_NOTE_LENGTH)
        if visibility not in TimelineVisibility.values:
            raise ValidationError({"visibility": _("Choose who may see the note.")})
        if self.actor.kind == rules.CITIZEN:
            visibility = PUBLIC  # the citizen's own words are always on their timeline
        return {"text": text, "visibility": visibility}

    def validate(self, case, values):
        refuse_citizen_on_closed_case(self.actor, case, "text")

    def apply(self, case, *, text, visibility):
        return Event(text=text, visibility=visibility)

    def save(self, case):
        pass  # the case itself does not change

    def result(self, case, entry):
        return entry


class AddAttachment(CaseOperation):
    """Keep a checked evidence file with the case. The file must already have been checked
    for type and size (``intake.evidence`` does that); the name is chosen by the server."""

    name = "attach"
    label = _("Add a file")
    log_label = _("File added")
    log_message = _("File added")
    staff_permission = "cases.add_case_note"
    # The system: a voice call's recording, fetched from the gateway (intake.recordings).
    actors = (rules.AUTHORITY, rules.CITIZEN, rules.SYSTEM)
    changes_version = False
    refusal = _("You may not add files to this case.")

    def clean(self, *, file, content_type, original_name="", visibility=INTERNAL, note=""):
        if self.actor.kind == rules.CITIZEN:
            visibility = PUBLIC
        return {
            "file": file,
            "content_type": content_type,
            "original_name": (original_name or "")[:255],
            "visibility": visibility,
            "note": optional_text(note, "note", max_length=MAX_NOTE_LENGTH),
        }

    def validate(self, case, values):
        refuse_citizen_on_closed_case(self.actor, case, "file")

    def apply(self, case, *, file, content_type, original_name, visibility, note):
        attachment = CaseAttachment(
            case=case,
            original_name=original_name,
            content_type=content_type,
            size=file.size,
            visibility=visibility,
            uploaded_by_kind=self.actor.kind,
            uploaded_at=self.at,
        )
        attachment.file.save("evidence", file, save=False)
        attachment.save()
        self.attachment = attachment
        return Event(
            text=note,
            data={"attachment": attachment.pk, "name": original_name},
            visibility=visibility,
        )

    def save(self, case):
        pass

    def result(self, case, entry):
        return self.attachment

    @classmethod
    def summarise(cls, data):
        return _("File added: %(name)s") % {"name": data.get("name", "")}

    @classmethod
    def summarise_publicly(cls, data):
        return ""  # a file's name is the uploader's words


class PublishCase(CaseOperation):
    """Show an edited summary of the case to the public (only with the complainant's
    consent). Publishing again replaces the summary."""

    name = "publish"
    label = _("Publish a summary")
    log_label = _("Published")
    log_message = _("Summary published")
    staff_permission = "cases.publish_case"
    form_class = FORMS + "PublishForm"
    refusal = _("You may not publish this case.")

    @classmethod
    def allowed(cls, actor, case=None):
        # Offered only where the complainant consented; validate() refuses the rest.
        return super().allowed(actor, case) and (case is None or case.consent_to_publish)

    def clean(self, *, summary):
        return {
            "summary": require_text(
                summary,
                "summary",
                _("Write the summary to publish."),
                max_length=MAX_PUBLIC_SUMMARY_LENGTH,
            )
        }

    def validate(self, case, values):
        if not case.consent_to_publish:
            raise ValidationError({"summary": _("The complainant did not agree to publication.")})
        found = complainant_data_in(case, values["summary"])
        if found:
            kinds = {
                "name": _("their name"),
                "phone": _("their phone number"),
                "email": _("their e-mail address"),
            }
            what = "; ".join(f"“{written}” ({kinds[kind]})" for kind, written in found)
            raise ValidationError(
                {
                    "summary": _(
                        "The summary identifies the complainant: %(found)s. Remove it before "
                        "publishing."
                    )
                    % {"found": what}
                }
            )

    def apply(self, case, *, summary):
        case.public_summary = summary
        case.published_at = case.published_at or self.at
        return Event(text=summary)

    def save(self, case):
        case.save(update_fields=["public_summary", "published_at", "version", "updated_at"])


class UnpublishCase(CaseOperation):
    """Take the case off every public page, feed and API at once."""

    name = "unpublish"
    label = _("Unpublish")
    log_label = _("Unpublished")
    log_message = _("Taken off the public site")
    staff_permission = "cases.publish_case"
    refusal = _("You may not unpublish this case.")

    def apply(self, case):
        if case.published_at is None:
            return None
        case.published_at = None
        return Event()

    def save(self, case):
        case.save(update_fields=["published_at", "version", "updated_at"])


class RequestEscalation(CaseOperation):
    """The citizen says the authority's response did not solve the problem: a case worker
    then decides whether to escalate."""

    name = "request_escalation"
    label = _("Ask for escalation")
    log_label = _("Escalation requested")
    log_message = _("The citizen asked for escalation")
    actors = (rules.CITIZEN,)
    visibility = PUBLIC

    def clean(self, *, reason=""):
        return {"reason": optional_text(reason, "reason", max_length=MAX_NOTE_LENGTH)}

    def validate(self, case, values):
        if case.state != CaseState.RESPONDED:
            raise CaseChanged(case, detail="not_responded")

    def apply(self, case, *, reason):
        if case.escalation_requested:
            return None
        case.escalation_requested = True
        return Event(text=reason)

    def save(self, case):
        case.save(update_fields=["escalation_requested", "version", "updated_at"])

    @classmethod
    def summarise(cls, data):
        return _("The citizen says the response did not solve the problem.")


__all__ = [
    "AddAttachment",
    "AddNote",
    "AssignCase",
    "PublishCase",
    "RequestEscalation",
    "UnpublishCase",
]
