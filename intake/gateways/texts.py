"""Every text the SMS and USSD channels send, marked for translation.

Callers render them inside ``translation.override(language)``. USSD screens must stay within
160 characters in both languages: tests/intake/test_ussd.py renders every screen in English
and Kiswahili, so a long translation fails a test rather than a caller's session.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

# --- Shared by SMS and USSD ----------------------------------------------------------------

STATUS_LINE = _("%(reference)s: %(status)s.")
LATEST_UPDATE = _("Latest update (%(date)s): %(text)s")
NOT_FOUND = _("We found no case with that reference sent from this phone number.")
# The citizen answered about a case that cannot take the answer (any more).
ANSWER_CLOSED = _(
    "Case %(reference)s is already closed. If the problem continues, please report it again."
)
ANSWER_NOT_YET = _(
    "Case %(reference)s has no answer from the authority yet. We will send it to you when it comes."
)
ANSWER_CHANGED = _("Case %(reference)s changed just now. Please answer again.")

# --- SMS replies ---------------------------------------------------------------------------

SMS_NOT_FOUND_HINT = _(
    "Check the reference and send STATUS followed by it, e.g. STATUS %(example)s."
)
SMS_STATUS_HELP = _(
    "To check a case, send STATUS followed by its reference, e.g. STATUS %(example)s."
)
SMS_NOTE_ADDED = _("Thank you. Your message was added to case %(reference)s.")
SMS_CASE_CLOSED = _(
    "Case %(reference)s is closed, so your message was not added. "
    "If the problem continues, send a new report."
)
SMS_EMPTY = _("Please send a description of the problem and where it is.")
SMS_ACKNOWLEDGEMENT = _(
    "We received your report. Your reference is %(reference)s. "
    "To check it, send STATUS %(reference)s."
)
# The citizen's answer to the authority's response ("1"/"YES"/"NDIYO", "2"/"NO"/"HAPANA").
SMS_ANSWER_SOLVED = _(
    "Thank you. We are glad the problem is solved. Case %(reference)s is now closed."
)
SMS_ANSWER_NOT_SOLVED = _(
    "Thank you for telling us. A case worker will look at case %(reference)s again and "
    "decide on the next step."
)
SMS_ANSWER_WHICH = _(
    "You have %(count)s answered cases: %(references)s. Send the reference and your answer, "
    "e.g. %(reference)s 1 if solved or %(reference)s 2 if not."
)
SMS_ANSWER_HELP = _(
    "To answer about a case, send its reference and 1 if the problem is solved or 2 if not, "
    "e.g. %(example)s 1. To report a problem, describe it and where it is."
)
# Staff read this one in the case description; it is not sent to anyone.
SMS_SHORTENED = _("[Shortened: the SMS had %(count)s characters; the full text is in the SMS log.]")

# --- USSD screens --------------------------------------------------------------------------

USSD_TITLE = "Huduma Portal"  # a name: the same in both languages
USSD_LANGUAGES = ["English", "Kiswahili"]  # each language's own name, so never translated
USSD_MAIN_TITLE = _("Main menu:")
USSD_REPORT = _("Report a problem")
USSD_CHECK = _("Check a case")
USSD_NAV_HELP = _("0 Back, 00 Main menu")
USSD_BACK = _("Back")
USSD_MORE = _("More")
USSD_SECTOR_TITLE = _("Sector:")
USSD_COUNTY_TITLE = _("Choose your county or type its first letters:")
USSD_COUNTY_MATCHES_TITLE = _("Choose your county:")
USSD_DESCRIBE = _("Describe the problem: what is wrong, where exactly, and since when.")
USSD_CONFIRM_TITLE = _("Send this report?")
USSD_SEND = _("Send")
USSD_CANCEL = _("Cancel")
USSD_NO_SECTOR = _("Sector not given")
USSD_NO_COUNTY = _("County not given")
USSD_REFERENCE_PROMPT = _("Enter the case reference, e.g. %(example)s or %(short)s:")
USSD_CREATED = _(
    "Thank you. Your reference is %(reference)s. We will send updates by SMS. "
    "To follow it, dial %(code)s and choose 2."
)
USSD_CANCELLED = _("Cancelled. Nothing was sent.")
USSD_ANSWER_QUESTION = _("Did this solve your problem?")
USSD_SOLVED = _("Solved")
USSD_NOT_SOLVED = _("Not solved")
USSD_ANSWER_SOLVED = _("Thank you. We are glad it is solved. Case %(reference)s is closed.")
USSD_ANSWER_NOT_SOLVED = _(
    "Thank you. A case worker will look at case %(reference)s again and decide on the next step."
)
USSD_WRONG_PHONE = _("This session belongs to another phone. Please dial again.")

# Hints put before a repeated screen; a screen keeps room for the longest it may show.
USSD_INVALID = _("Invalid choice.")
USSD_NO_COUNTY_FOUND = _("No county found.")
USSD_EMPTY_DESCRIPTION = _("Please describe the problem.")
USSD_BAD_REFERENCE = _("Check the reference.")


def example_reference():
    return f"HUD-{timezone.localdate().year}-000123"


def short_example_reference():
    """The same reference as a keypad types it most easily."""
    return f"{timezone.localdate().year}*123"


def sms_not_found(language):
    """The reply for a reference the sender's number has no case with, in ``language``."""
    with override(language):
        return f"{NOT_FOUND} " + str(SMS_NOT_FOUND_HINT) % {"example": example_reference()}


def in_both_languages(message, separator=" / "):
    """English, then Kiswahili, for a reply to someone whose language is unknown; once only
    when the Kiswahili catalogue has no translation yet."""
    with override("en"):
        english = str(message)
    with override("sw"):
        kiswahili = str(message)
    return english if kiswahili == english else f"{english}{separator}{kiswahili}"
