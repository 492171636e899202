"""Cases that arrive as a voice recording: the description they start with, until a case
worker transcribes the recording (``cases.operations.transcribing``)."""

import re

# Stored as the description of a voice case (create_case with channel "voice" and no text).
# Stored data, read as it is on the citizen's tracking page in either language: so both.
VOICE_PLACEHOLDER = "Voice message (Ujumbe wa sauti)"

# What a channel may have passed instead, in either language, compared without case,
# punctuation or spacing.
_PLACEHOLDERS = {
    VOICE_PLACEHOLDER,
    "voice message (not yet transcribed)",
    "voice message",
    "voice recording",
    "ujumbe wa sauti",
}
_NOT_WORDS = re.compile(r"[^\w]+")


def _normalised(text):
    return _NOT_WORDS.sub(" ", (text or "").lower()).strip()


_NORMALISED_PLACEHOLDERS = {_normalised(text) for text in _PLACEHOLDERS}


def is_voice_placeholder(description):
    """Whether a description is only the stand-in for a recording nobody has transcribed."""
    normalised = _normalised(description)
    return not normalised or normalised in _NORMALISED_PLACEHOLDERS
