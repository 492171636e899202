"""Every prompt the voice channel plays, one key per text, in English and Kiswahili.

The gateway's text-to-speech cannot be relied on for Kiswahili, so each prompt is an audio
file (``prompt_audio``): generated from these texts with espeak-ng by ``make_voice_prompts``,
or recorded by an editor (``VoicePrompt``). Beside the sentences there are short pieces for
composing menus and references: the digits 0–9, the letters of "HUD", the sector names and a
sentence per case state.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import override, pgettext_lazy

from cases.models import CaseState
from refdata.models import Sector

LANGUAGES = ("en", "sw")

# Heard before a language is chosen: each language's part in its own words (so never
# translated), played one after the other.
LANGUAGE_PROMPT = {
    "en": "Welcome to Huduma Portal. For English, press 1.",
    "sw": "Karibu Huduma Portal. Kwa Kiswahili, bonyeza 2.",
}

SENTENCES = {
    "main_menu": _("To report a problem, press 1. To check a case, press 2."),
    "choose_sector": _("Which public service is the problem about?"),
    "press": pgettext_lazy("voice menu: <sector>, press <digit>", "press"),
    "consent": _("If we may send you messages about this case by SMS, press 1. If not, press 2."),
    "record": _(
        "After the beep, say what the problem is, where it is, and since when. "
        "Press the hash key when you are done."
    ),
    "nothing_recorded": _("We did not hear a message."),
    "created": _("Thank you. We have received your report. Your reference number is"),
    "again": _("Again, your reference number is"),
    "reference_by_sms": _("We will also send your reference number by SMS."),
    "keep_reference": _("Please keep this number to check your case."),
    "enter_reference": _("Enter the number part of your case reference, then press the hash key."),
    "not_found": _("We found no case with that number sent from this phone."),
    "latest_update": _("The latest update:"),
    "answer_question": _("If this solved your problem, press 1. If not, press 2."),
    "solved_thanks": _("Thank you. We are glad it is solved. Your case is now closed."),
    "not_solved_thanks": _("Thank you for telling us. A case worker will look at your case again."),
    "answer_failed": _("Sorry, your case has changed and we could not record your answer."),
    "invalid_key": _("That key is not on the menu."),
    "bad_reference": _("We could not read that number."),
    "no_key": _("We did not hear a key press."),
    "goodbye": _("Thank you for calling Huduma Portal. Goodbye."),
    "sorry_goodbye": _("Sorry, we could not understand. Please call again later. Goodbye."),
}

DIGITS = {
    str(number): word
    for number, word in enumerate(
        [
            pgettext_lazy("voice digit", "zero"),
            pgettext_lazy("voice digit", "one"),
            pgettext_lazy("voice digit", "two"),
            pgettext_lazy("voice digit", "three"),
            pgettext_lazy("voice digit", "four"),
            pgettext_lazy("voice digit", "five"),
            pgettext_lazy("voice digit", "six"),
            pgettext_lazy("voice digit", "seven"),
            pgettext_lazy("voice digit", "eight"),
            pgettext_lazy("voice digit", "nine"),
        ]
    )
}
# The letters of "HUD-": spelled as each language says them.
LETTERS = {
    "h": pgettext_lazy("voice letter", "H"),
    "u": pgettext_lazy("voice letter", "U"),
    "d": pgettext_lazy("voice letter", "D"),
}
REFERENCE_NUMBER = pgettext_lazy("voice: the number part of a reference", "number")

STATES = {
    CaseState.RECEIVED: _(
        "Your case has been received. A case worker will send it to the office that can fix it."
    ),
    CaseState.FORWARDED: _("Your case is with the authority, who must answer it."),
    CaseState.RESPONDED: _("The authority has answered your case."),
    CaseState.CLOSED: _("Your case is closed."),
}
ESCALATION_REQUESTED = _(
    "You told us the answer did not solve your problem. A case worker will decide on the next step."
)


def digit_key(digit):
    return f"digit_{digit}"


def letter_key(letter):
    return f"letter_{letter.lower()}"


def sector_key(sector):
    return f"sector_{sector.slug}"


def state_key(state):
    return f"state_{state}"


def _fixed_texts():
    texts = {"language": None, **SENTENCES}
    texts |= {digit_key(digit): word for digit, word in DIGITS.items()}
    texts |= {letter_key(letter): word for letter, word in LETTERS.items()}
    texts["reference_number"] = REFERENCE_NUMBER
    texts |= {state_key(state): text for state, text in STATES.items()}
    texts["state_escalation_requested"] = ESCALATION_REQUESTED
    return texts


def prompt_text(key, language, sectors=None):
    """The words of one prompt in one language, or None for an unknown key."""
    if key == "language":
        return LANGUAGE_PROMPT[language]
    if key.startswith("sector_"):
        slug = key.removeprefix("sector_")
        if sectors is None:
            sectors = Sector.objects.filter(slug=slug)
        for sector in sectors:
            if sector.slug == slug:
                return sector.name_sw if language == "sw" and sector.name_sw else sector.name_en
        return None
    text = _fixed_texts().get(key)
    if text is None:
        return None
    with override(language):
        return str(text)


def all_prompts():
    """{key: {language: text}} for every prompt: the fixed ones and one per sector."""
    sectors = list(Sector.objects.all())
    keys = [*_fixed_texts(), *(sector_key(sector) for sector in sectors)]
    return {
        key: {language: prompt_text(key, language, sectors) for language in LANGUAGES}
        for key in keys
    }


def is_prompt_key(key):
    return key in _fixed_texts() or (
        key.startswith("sector_") and Sector.objects.filter(slug=key[7:]).exists()
    )
