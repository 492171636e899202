"""The size limits of what people write into a case, named once for every channel and form."""

# What happened, as the citizen tells it (web form, SMS, USSD, Open311, admin registration).
MAX_DESCRIPTION_LENGTH = 4000
# A note on the timeline, by anyone: as long as a description, since a citizen's "more
# information" is one.
MAX_NOTE_LENGTH = MAX_DESCRIPTION_LENGTH
# The edited summary a case worker publishes.
MAX_PUBLIC_SUMMARY_LENGTH = 2000
# The authority's answer.
MAX_RESPONSE_LENGTH = 8000
