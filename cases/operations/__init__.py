"""Every operation on a case, one class each (see ``base.CaseOperation``).

Importing this package registers them all (``cases.registry``); ``cases.actions`` offers them
as keyword-only functions to the rest of the portal.
"""

from .base import CaseOperation, Event, TransitionOperation
from .creating import CreateCase
from .privacy import CorrectComplainantData, EraseComplainantData
from .transcribing import TranscribeRecording
from .work import (
    AddAttachment,
    AddNote,
    AssignCase,
    PublishCase,
    RequestEscalation,
    UnpublishCase,
)
from .workflow import (
    CloseCase,
    CloseUnansweredCase,
    DismissCase,
    EscalateCase,
    ForwardCase,
    RecallCase,
    ReopenCase,
    RespondToCase,
    WithdrawCase,
)

__all__ = [
    "AddAttachment",
    "AddNote",
    "AssignCase",
    "CaseOperation",
    "CloseCase",
    "CloseUnansweredCase",
    "CorrectComplainantData",
    "CreateCase",
    "DismissCase",
    "EraseComplainantData",
    "EscalateCase",
    "Event",
    "ForwardCase",
    "PublishCase",
    "RecallCase",
    "ReopenCase",
    "RequestEscalation",
    "RespondToCase",
    "TranscribeRecording",
    "TransitionOperation",
    "UnpublishCase",
    "WithdrawCase",
]
