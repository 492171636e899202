"""Transcribing a voice case's recording: a case worker writes down what the caller said.

The transcription is the caller's words as a case worker heard them. Its timeline entry is
**internal**: the public never reads a complainant's own words (``public_timeline``), and
the caller, who phoned because reading is hard for them, hears the case's status by voice
or SMS rather than reading the timeline. What the authority and the citizen's tracking page
need is the description, which the transcription fills while it is only the voice
placeholder (or the previous transcription, when a case worker corrects one).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..limits import MAX_DESCRIPTION_LENGTH
from ..models import CaseLogEntry
from ..voice import is_voice_placeholder
from .base import INTERNAL, CaseOperation, Event, require_text

FORMS = "cases.workbench.forms."


def latest_transcription(case):
    """The text of the case's newest transcription, or ""."""
    entry = (
        CaseLogEntry.objects.filter(case=case, action=TranscribeRecording.log_action)
        .order_by("-timestamp", "-pk")
        .only("text")
        .first()
    )
    return entry.text if entry else ""


class TranscribeRecording(CaseOperation):
    name = "transcribe"
    label = _("Transcribe the recording")
    log_label = _("Transcribed")
    log_message = _("Recording transcribed")
    # Writing down what the caller said is work on the case like a note: case workers may.
    staff_permission = "cases.add_case_note"
    visibility = INTERNAL
    form_class = FORMS + "TranscriptionForm"
    refusal = _("You may not transcribe this case's recording.")

    def clean(self, *, text):
        message = _("Write what the caller says in the recording.")
        return {"text": require_text(text, "text", message, max_length=MAX_DESCRIPTION_LENGTH)}

    def validate(self, case, values):
        if case.personal_data_erased_at is not None:
            raise ValidationError(
                {"text": _("The complainant's personal data was erased from this case.")}
            )
        self.previous = latest_transcription(case)

    def apply(self, case, *, text):
        previous = getattr(self, "previous", "")
        if text == previous and not case.needs_transcription:
            return None  # the same words again: nothing changes
        fills = is_voice_placeholder(case.description) or (
            bool(previous) and case.description == previous
        )
        if fills:
            case.description = text
        case.needs_transcription = False
        return Event(text=text, data={"description": fills, "correction": bool(previous)})

    def save(self, case):
        case.save(update_fields=["description", "needs_transcription", "version", "updated_at"])

    @classmethod
    def summarise(cls, data):
        if data.get("correction"):
            message = _("Transcription corrected.")
        else:
            message = _("Recording transcribed.")
        if data.get("description"):
            return f"{message} {_('It is now the case’s description.')}"
        return message

    @classmethod
    def summarise_publicly(cls, data):
        return ""


__all__ = ["TranscribeRecording", "latest_transcription"]
