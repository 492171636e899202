"""The voice menu: report a problem or check a case by keypad, from any phone.

Africa's Talking calls back after every action of a call with the same ``sessionId``: first
with nothing pressed, then with ``dtmfDigits`` after a ``GetDigits`` or ``recordingUrl`` after
a ``Record``, and finally with ``isActive=0`` and the call's outcome. The call's position is
kept in ``VoiceCall`` (locked while a step runs), with every step's reply.

Menu: language (1 English, 2 Kiswahili) → 1 report: sector (one key per sector) → consent to
SMS → record after the beep → the case, its reference read back digit by digit (and sent by
SMS with consent); 2 check: the reference's number → its status and latest update, and for a
responded case "1 solved, 2 not solved". A wrong key repeats the prompt once with a hint,
then the call ends politely; a call that hangs up before recording makes no case.

Replays: the gateway's request carries no step number, so every ``GetDigits`` and ``Record``
names a ``callbackUrl`` with its own (``voice_steps``): an answer posted to a step already
answered is a replay, however alike the keys (or two empty recordings). Without a step (a
gateway that ignores ``callbackUrl``) a repeated request is recognised by what it carries. A
request with nothing pressed after the first step, digits while a recording is awaited, a
recording already handled, and anything after the call finished or the final notification
all get the stored (or the empty) reply and change nothing. The recording URL is unique per
recording, so the case is made once however often its callback comes; the answer "solved /
not solved" ends the call, so it runs once too.
"""

import logging
from dataclasses import dataclass
from decimal import Decimal
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import override
from django_fsm import TransitionNotAllowed

from cases.actions import create_case
from cases.exceptions import CaseChanged
from cases.models import Case, CaseState, Channel
from cases.public_timeline import CITIZEN, latest_update
from cases.rules import Actor
from cases.voice import VOICE_PLACEHOLDER
from refdata.models import Sector

from .. import recordings
from ..answers import record_citizen_answer
from ..models import VoiceCall, VoiceStage
from . import prompts
from .prompt_audio import PromptFiles
from .references import own_case, parse_reference
from .voice_steps import step_url
from .voicexml import Reply, empty_reply

logger = logging.getLogger(__name__)

VOICE_ACTOR = Actor.citizen(label="Citizen (voice)")
# Staff read it in the case until the recording is transcribed (stable: the transcription
# replaces exactly this text).
DESCRIPTION_PLACEHOLDER = VOICE_PLACEHOLDER  # stored as it is; the transcription replaces it

MAX_TRIES = 2  # the prompt once more with a hint, then a polite end
MAX_STEPS = 60  # a call that goes round this often is ended
KEY_TIMEOUT = 10  # seconds to press a menu key
REFERENCE_TIMEOUT = 20
MAX_REFERENCE_DIGITS = 12
MAX_SPOKEN_UPDATE = 600  # characters of the latest update read out

ANSWERS = {"1": "solved", "2": "not_solved"}


@dataclass(frozen=True)
class CallRequest:
    """One callback, as the view checked it."""

    session_id: str
    is_active: bool
    caller: str  # E.164
    direction: str = ""
    destination: str = ""
    digits: str | None = None  # None: no dtmfDigits field at all
    recording_url: str | None = None  # None: not a recording's callback; "": nothing recorded
    duration: int | None = None
    currency_code: str = ""
    amount: Decimal | None = None
    hangup_cause: str = ""
    call_session_state: str = ""
    step: int | None = None  # the step whose question this answers (voice_steps), if known


def handle_request(request):
    """The XML reply to one gateway callback."""
    with transaction.atomic():
        call = _locked_call(request)
        if call.caller_number != request.caller:
            # A session id reused by another phone: refuse it and touch nothing of the call.
            return Reply().reject().to_xml()
        if not request.is_active:
            return _finish(call, request)
        reply = _replayed_reply(call, request)
        if reply is not None:
            return reply
        stage = call.stage
        reply = Menu(call).step(request)
        call.steps = [
            *call.steps,
            {
                "at": timezone.now().isoformat(timespec="seconds"),
                "stage": stage,
                "digits": request.digits,
                "recording_url": request.recording_url,
                "answers": request.step,
                "reply": reply,
            },
        ]
        call.save()
    return reply


def _locked_call(request):
    call = VoiceCall.objects.select_for_update().filter(session_id=request.session_id).first()
    if call is not None:
        return call
    try:
        with transaction.atomic():
            return VoiceCall.objects.create(
                session_id=request.session_id,
                caller_number=request.caller,
                direction=request.direction[:20],
                destination_number=request.destination[:40],
            )
    except IntegrityError:
        # The first callback arrived twice at once: use the row the other one made.
        return VoiceCall.objects.select_for_update().get(session_id=request.session_id)


def _replayed_reply(call, request):
    """The stored reply when this request repeats one already answered, else None."""
    steps = call.steps
    if not steps:
        return None
    if not call.is_active:
        # After the final notification nobody hears a reply: answer as that one was, and
        # change nothing, except that a recording still awaited becomes the case (the
        # gateway's notices may cross).
        if request.recording_url and call.stage == VoiceStage.RECORDING:
            return None
        return empty_reply()
    if request.step is not None:
        answered = _answered(steps, request)
        if answered is not None:
            return answered
    if call.stage == VoiceStage.FINISHED:
        return _last_reply(steps)
    if request.recording_url is not None:
        for step in steps:
            if request.recording_url and step.get("recording_url") == request.recording_url:
                return step["reply"]
        if call.stage != VoiceStage.RECORDING:
            return _last_reply(steps)  # a recording nobody asked for: change nothing
        return None
    if request.digits is None:
        return steps[0]["reply"]  # only the call's first request carries no input
    if call.stage == VoiceStage.RECORDING:
        return _last_reply(steps)  # the consent key again: we already asked for the message
    return None


def _answered(steps, request):
    """For an answer posted to its step's URL: the stored reply when that step was answered
    already (a replay, however alike the keys), the current reply for a step that is not
    the one asking now, else None (a fresh answer)."""
    for step in steps:
        if step.get("answers") == request.step:
            return step["reply"]
    if request.step != len(steps) - 1:
        return _last_reply(steps)  # an old question never answered, or one never asked
    return None


def _last_reply(steps):
    # The final notification's entry has no reply: the one before it is what was said last.
    return next((step["reply"] for step in reversed(steps) if "reply" in step), empty_reply())


def _finish(call, request):
    """The final notification: keep the outcome; a recording made before hanging up (the
    caller did not press #) still becomes the case."""
    if request.recording_url and call.stage == VoiceStage.RECORDING and not call.case_id:
        Menu(call).create_case_once(request.recording_url)
        call.stage = VoiceStage.FINISHED
    if call.is_active:
        call.steps = [
            *call.steps,
            {
                "at": timezone.now().isoformat(timespec="seconds"),
                "stage": call.stage,
                "ended": True,
            },
        ]
    call.is_active = False
    call.duration_seconds = request.duration
    call.currency_code = request.currency_code[:10]
    call.amount = request.amount
    call.hangup_cause = request.hangup_cause[:60]
    call.call_session_state = request.call_session_state[:60]
    call.save()
    return empty_reply()


def voice_reference(digits, *, today=None):
    """The references that keypad digits may mean, most likely first.

    The number alone ("123") is this year's case or last year's; the year and number may be
    typed with a star between them ("2026*123", as on USSD) or run together ("2026000123").
    """
    digits = (digits or "").strip().strip("#")
    if not digits or len(digits) > MAX_REFERENCE_DIGITS:
        return []
    year = (today or timezone.localdate()).year
    if "*" in digits:
        reference = parse_reference(digits)
        return [reference] if reference else []
    if not digits.isdigit():
        return []
    if len(digits) <= 6:
        references = [parse_reference(f"{candidate}*{digits}") for candidate in (year, year - 1)]
        return [reference for reference in references if reference]
    if len(digits) <= 10 and digits.startswith("20"):
        reference = parse_reference(f"{digits[:4]}*{digits[4:]}")
        return [reference] if reference else []
    return []


def reference_keys(reference):
    """The prompts that read "HUD-2026-000123" out: H U D, 2 0 2 6, number, 1 2 3."""
    _, year, number = reference.split("-")
    keys = [prompts.letter_key(letter) for letter in "hud"]
    keys += [prompts.digit_key(digit) for digit in year]
    keys.append("reference_number")
    keys += [prompts.digit_key(digit) for digit in str(int(number))]
    return keys


class Menu:
    def __init__(self, call):
        self.call = call
        self.state = dict(call.state or {})
        self.reply = Reply()
        self._files = {}

    @property
    def language(self):
        return self.call.language or "en"

    # --- Playing prompts -----------------------------------------------------------------

    def files(self, language):
        if language not in self._files:
            self._files[language] = PromptFiles(language)
        return self._files[language]

    def play(self, key, *, parent=None, language=None):
        language = language or self.language
        url = self.files(language).url(key)
        if url is not None:
            self.reply.play(url, parent=parent)
            return
        # No file yet (make_voice_prompts not run): the gateway's voice is better than silence.
        logger.warning("Voice prompt %s (%s) has no audio file: using Say", key, language)
        self.reply.say(prompts.prompt_text(key, language) or "", parent=parent)

    def play_all(self, keys, *, parent=None):
        for key in keys:
            self.play(key, parent=parent)

    def step_url(self):
        # The answer goes to this step's own URL, so that a replay is told from a repeat.
        return step_url(self.call.session_id, len(self.call.steps))

    def get_digits(self, **attributes):
        return self.reply.get_digits(callback_url=self.step_url(), **attributes)

    def ask(self, keys, *, hint=None, num_digits=1, finish_on_key=None, timeout=KEY_TIMEOUT):
        """A GetDigits playing ``keys`` (the hint first); nothing pressed ends the call."""
        gather = self.get_digits(
            num_digits=num_digits, timeout=timeout, finish_on_key=finish_on_key
        )
        if hint:
            self.play(hint, parent=gather)
        self.play_all(keys, parent=gather)
        # The gateway runs the next action when no key is pressed: a polite end.
        self.play_all(["no_key", "goodbye"])

    # --- Steps ---------------------------------------------------------------------------

    def step(self, request):
        if not self.call.steps and self.call.direction.lower() not in ("", "inbound"):
            # The portal makes no calls: an outbound call through its number is not ours.
            self.call.stage = VoiceStage.FINISHED
            return self.reply.reject().to_xml()
        with override(self.language):
            if len(self.call.steps) >= MAX_STEPS:
                self.end("sorry_goodbye")
            elif self.call.stage == VoiceStage.RECORDING:
                self.on_recording(request.recording_url or "")
            elif request.digits is None:
                self.prompt_language()  # the first request of the call
            else:
                getattr(self, f"on_{self.call.stage}")(request.digits.strip().rstrip("#"))
        self.call.state = self.state
        return self.reply.to_xml()

    def go(self, stage):
        self.call.stage = stage
        self.state.pop("tries", None)

    def end(self, *keys):
        self.play_all(keys)
        self.go(VoiceStage.FINISHED)

    def wrong(self, hint="invalid_key"):
        """Repeat the current prompt once, with a hint; the second time, end the call."""
        tries = self.state.get("tries", 0) + 1
        if tries >= MAX_TRIES:
            if self.call.stage == VoiceStage.LANGUAGE:
                self.play("sorry_goodbye", language="en")
                self.play("sorry_goodbye", language="sw")
                self.go(VoiceStage.FINISHED)
            else:
                self.end("sorry_goodbye")
            return
        self.state["tries"] = tries
        getattr(self, f"prompt_{self.call.stage}")(hint=hint)

    def on_language(self, digits):
        languages = {"1": "en", "2": "sw"}
        if digits not in languages:
            return self.wrong()
        self.call.language = languages[digits]
        self.go(VoiceStage.MAIN)
        self.prompt_main()

    def on_main(self, digits):
        if digits == "1":
            self.go(VoiceStage.SECTOR)
            self.prompt_sector()
        elif digits == "2":
            self.go(VoiceStage.REFERENCE)
            self.prompt_reference()
        else:
            self.wrong()

    def on_sector(self, digits):
        sectors = self.sectors()
        if not (digits.isdigit() and 1 <= int(digits) <= len(sectors)):
            return self.wrong()
        self.state["sector"] = sectors[int(digits) - 1].pk
        self.go(VoiceStage.CONSENT)
        self.prompt_consent()

    def on_consent(self, digits):
        if digits not in ("1", "2"):
            return self.wrong()
        self.state["consent"] = digits == "1"
        self.go(VoiceStage.RECORDING)
        self.prompt_recording()

    def on_recording(self, recording_url):
        if not recording_url:
            return self.wrong(hint="nothing_recorded")
        case = self.create_case_once(recording_url)
        keys = ["created", *reference_keys(case.reference)]
        keys += ["again", *reference_keys(case.reference)]
        keys.append("reference_by_sms" if case.consent_to_contact else "keep_reference")
        self.end(*keys, "goodbye")

    def on_reference(self, digits):
        references = voice_reference(digits)
        if not references:
            return self.wrong(hint="bad_reference")
        case = next(
            (
                found
                for found in (own_case(r, self.call.caller_number) for r in references)
                if found
            ),
            None,
        )
        if case is None:
            return self.wrong(hint="not_found")
        self.state["checked"] = case.reference
        self.read_status(case)
        if case.state == CaseState.RESPONDED and not case.escalation_requested:
            self.state["case"] = case.pk
            self.state["version"] = case.version
            self.go(VoiceStage.ANSWER)
            self.prompt_answer()
        else:
            self.end("goodbye")

    def on_answer(self, digits):
        if digits not in ANSWERS:
            return self.wrong()
        case = Case.objects.filter(pk=self.state.get("case")).first()
        try:
            if case is None:
                raise CaseChanged()
            # The same answer as the tracking page, SMS and USSD give (intake/answers.py).
            result = record_citizen_answer(
                case=case,
                solved=digits == "1",
                actor=VOICE_ACTOR,
                expected_version=self.state.get("version"),
            )
        except (CaseChanged, PermissionDenied, ValidationError, TransitionNotAllowed):
            result = None
        if result is None or not result.recorded:
            self.state["answer"] = "refused"
            return self.end("answer_failed", "goodbye")
        self.state["answer"] = ANSWERS[digits]
        self.end("solved_thanks" if digits == "1" else "not_solved_thanks", "goodbye")

    # --- Prompts -------------------------------------------------------------------------

    def prompt_language(self, hint=None):
        # No language yet: every part in English, then in Kiswahili.
        gather = self.get_digits(num_digits=1, timeout=KEY_TIMEOUT)
        for language in prompts.LANGUAGES:
            if hint:
                self.play(hint, parent=gather, language=language)
            self.play("language", parent=gather, language=language)
        for language in prompts.LANGUAGES:
            self.play("no_key", language=language)
            self.play("goodbye", language=language)

    def prompt_main(self, hint=None):
        self.ask(["main_menu"], hint=hint)

    def prompt_sector(self, hint=None):
        keys = ["choose_sector"]
        for number, sector in enumerate(self.sectors(), 1):
            keys += [prompts.sector_key(sector), "press", prompts.digit_key(number)]
        self.ask(keys, hint=hint)

    def prompt_consent(self, hint=None):
        self.ask(["consent"], hint=hint)

    def prompt_recording(self, hint=None):
        record = self.reply.record(
            max_length=settings.VOICE_RECORDING_MAX_SECONDS, callback_url=self.step_url()
        )
        if hint:
            self.play(hint, parent=record)
        self.play("record", parent=record)

    def prompt_reference(self, hint=None):
        self.ask(
            ["enter_reference"],
            hint=hint,
            num_digits=MAX_REFERENCE_DIGITS,
            finish_on_key="#",
            timeout=REFERENCE_TIMEOUT,
        )

    def prompt_answer(self, hint=None):
        self.ask(["answer_question"], hint=hint)

    def read_status(self, case):
        if case.state == CaseState.RESPONDED and case.escalation_requested:
            self.play("state_escalation_requested")
        else:
            self.play(prompts.state_key(case.state))
        update = latest_update(case, audience=CITIZEN)  # in the caller's language (step())
        if update is not None:
            self.play("latest_update")
            # Free text written after the prompts were made, so there is no recording of
            # it: the gateway's text-to-speech reads it (poorly for Kiswahili, but the same
            # words also reach the caller by SMS when they ask for the status there).
            text = " ".join(update.note.split())[:MAX_SPOKEN_UPDATE]
            self.reply.say(text)

    # --- Data ----------------------------------------------------------------------------

    def sectors(self):
        # One key per sector: at most nine fit the keypad.
        return list(Sector.objects.active()[:9])

    def create_case_once(self, recording_url):
        """The call's case, made on its first recording only: the call row is locked."""
        if self.call.case_id is not None:
            return self.call.case
        sector = Sector.objects.filter(pk=self.state.get("sector")).first()
        case = create_case(
            by=VOICE_ACTOR,
            channel=Channel.VOICE,
            description=DESCRIPTION_PLACEHOLDER,
            sector=sector,
            complainant_phone=self.call.caller_number,
            consent_to_contact=bool(self.state.get("consent")),
            language=self.language,
        )
        self.call.case = case
        self.call.recording_url = recording_url
        transaction.on_commit(
            partial(recordings.queue_recording_download, case=case, url=recording_url)
        )
        return case
