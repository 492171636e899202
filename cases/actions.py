"""Every business operation on a case, as one keyword-only function each.

The admin, the public site, the API and the SMS/USSD handlers call these and nothing else
changes a case. Each is a thin wrapper over its class in ``cases.operations``, which checks
permission, runs the transition and saves inside ``transaction.atomic()``, writes the timeline
and defers side effects with ``transaction.on_commit``.
"""

from . import operations
from .exceptions import CaseChanged
from .models import CaseState, TimelineVisibility
from .rules import Actor

INTERNAL = TimelineVisibility.INTERNAL


# --- Creating ----------------------------------------------------------------------------


def create_case(*, by, **fields):
    """Open a case from any channel; returns the saved case with its reference.

    ``fields`` are what ``CreateCase.clean`` takes: ``channel`` and ``description``, and
    optionally sector, county, location, latitude, longitude, complainant_name,
    complainant_phone, complainant_email, the three consents, language, priority and
    received_at.
    """
    return operations.CreateCase(by=by).execute(**fields)


# --- Workflow transitions ------------------------------------------------------------------


def forward_case(*, case, authority, by, note="", expected_version=None):
    return operations.ForwardCase(case, by=by, expected_version=expected_version).execute(
        authority=authority, note=note
    )


def respond_to_case(*, case, response, by, expected_version=None):
    return operations.RespondToCase(case, by=by, expected_version=expected_version).execute(
        response=response
    )


def close_case(*, case, outcome, by, note="", expected_version=None):
    return operations.CloseCase(case, by=by, expected_version=expected_version).execute(
        outcome=outcome, note=note
    )


def close_unanswered_case(*, case, by, note="", expected_version=None):
    return operations.CloseUnansweredCase(case, by=by, expected_version=expected_version).execute(
        note=note
    )


def dismiss_case(*, case, outcome, reason, by, duplicate_of=None, expected_version=None):
    return operations.DismissCase(case, by=by, expected_version=expected_version).execute(
        outcome=outcome, reason=reason, duplicate_of=duplicate_of
    )


def withdraw_case(*, case, by, requested_by="", expected_version=None):
    """Close a case because the citizen withdrew it; staff say in ``requested_by`` who asked
    and how (a citizen withdrawing it themselves need not)."""
    return operations.WithdrawCase(case, by=by, expected_version=expected_version).execute(
        requested_by=requested_by
    )


def escalate_case(*, case, reason, by, to_parent=False, expected_version=None):
    return operations.EscalateCase(case, by=by, expected_version=expected_version).execute(
        reason=reason, to_parent=to_parent
    )


def recall_case(*, case, by, reason="", expected_version=None):
    """Take a case back from the authority it was wrongly forwarded to."""
    return operations.RecallCase(case, by=by, expected_version=expected_version).execute(
        reason=reason
    )


def reopen_case(*, case, reason, by, expected_version=None):
    return operations.ReopenCase(case, by=by, expected_version=expected_version).execute(
        reason=reason
    )


# --- Work on a case that does not change its state -----------------------------------------


def assign_case(*, case, assignee, by, expected_version=None):
    """Give a case to a case worker (or to nobody)."""
    return operations.AssignCase(case, by=by, expected_version=expected_version).execute(
        assignee=assignee
    )


def request_escalation(*, case, by, reason="", expected_version=None):
    """The citizen says the authority's response did not solve the problem."""
    return operations.RequestEscalation(case, by=by, expected_version=expected_version).execute(
        reason=reason
    )


def add_attachment(*, case, file, content_type, by, original_name="", visibility=INTERNAL, note=""):
    """Keep a checked evidence file with the case; returns the attachment."""
    return operations.AddAttachment(case, by=by).execute(
        file=file,
        content_type=content_type,
        original_name=original_name,
        visibility=visibility,
        note=note,
    )


def publish_case(*, case, summary, by, expected_version=None):
    """Show an edited summary of the case to the public (only with consent)."""
    return operations.PublishCase(case, by=by, expected_version=expected_version).execute(
        summary=summary
    )


def unpublish_case(*, case, by, expected_version=None):
    """Take the case off every public page, feed and API at once."""
    return operations.UnpublishCase(case, by=by, expected_version=expected_version).execute()


def erase_personal_data(*, case, by, mentions=(), own_words=False, note="", expected_version=None):
    """Erase the complainant's personal data from the case; its statistics stay."""
    return operations.EraseComplainantData(case, by=by, expected_version=expected_version).execute(
        mentions=mentions, own_words=own_words, note=note
    )


def correct_personal_data(*, case, by, expected_version=None, **values):
    """Correct the complainant's name, phone or e-mail (the values given)."""
    return operations.CorrectComplainantData(
        case, by=by, expected_version=expected_version
    ).execute(**values)


def transcribe_case(*, case, text, by, expected_version=None):
    """Write down what the caller says in a voice case's recording: fills the description
    while it is only the voice placeholder, and the case no longer needs transcription."""
    return operations.TranscribeRecording(case, by=by, expected_version=expected_version).execute(
        text=text
    )


def add_note(*, case, text, by, visibility=INTERNAL):
    """Add a note to the timeline; returns the entry."""
    return operations.AddNote(case, by=by).execute(text=text, visibility=visibility)


__all__ = [
    "Actor",
    "CaseChanged",
    "CaseState",
    "add_attachment",
    "add_note",
    "assign_case",
    "close_case",
    "close_unanswered_case",
    "correct_personal_data",
    "create_case",
    "dismiss_case",
    "erase_personal_data",
    "escalate_case",
    "forward_case",
    "publish_case",
    "recall_case",
    "reopen_case",
    "request_escalation",
    "respond_to_case",
    "transcribe_case",
    "unpublish_case",
    "withdraw_case",
]
