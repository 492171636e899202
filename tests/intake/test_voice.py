"""The voice menu through the real route, with Africa's Talking's requests.

Every reply any test sees is parsed and checked against the gateway's documented actions and
attributes (``DOCUMENTED``, written out here rather than imported from the code under test).
What the caller hears is read back as prompt keys from the ``Play`` URLs.
"""

import re
import shutil
import tempfile
import unittest
import xml.etree.ElementTree as ET
from itertools import count
from pathlib import Path
from unittest import mock

from django.db import connection
from django.test import Client, TestCase, TransactionTestCase, override_settings
from django.utils import timezone

from cases import actions
from cases.models import Case, CaseLogEntry, Outcome
from cases.rules import Actor
from intake.gateways import prompts
from intake.gateways.voice import DESCRIPTION_PLACEHOLDER, reference_keys, voice_reference
from intake.models import VoiceCall, VoiceStage
from notify.models import OutboundMessage
from refdata.models import Sector
from tests.cases.test_concurrency import run_in_threads
from tests.factories import AuthorityFactory, case_worker, make_case

VOICE_URL = "/channels/africastalking/voice/test-callback-secret/"
PHONE = "+254712345678"
OTHER_PHONE = "+254722000111"
OUR_NUMBER = "+254711082000"
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
EMPTY_REPLY = f"{DECLARATION}<Response></Response>"
PROMPT_URL = re.compile(r"^http://testserver/channels/voice-prompts/(en|sw)/([\w-]+)\.mp3\?v=\w+$")
STEP_URL = re.compile(r"^http://testserver/channels/africastalking/voice-step/[0-9a-f]{32}/\d+/$")

# Africa's Talking's documented actions, the attributes this portal may use, and which
# actions may hold others.
DOCUMENTED = {
    "Say": {"voice", "playBeep"},
    "Play": {"url"},
    "GetDigits": {"numDigits", "timeout", "finishOnKey", "callbackUrl", "callBackUrl"},
    "Record": {"finishOnKey", "maxLength", "trimSilence", "playBeep", "callbackUrl", "callBackUrl"},
    "Reject": set(),
}
MAY_HOLD = {"GetDigits": {"Say", "Play"}, "Record": {"Say", "Play"}}

_sessions = count(1)


def check_documented(test, xml):
    """Parse the reply and check every element against ``DOCUMENTED``; returns the root."""
    test.assertTrue(xml.startswith(DECLARATION), xml[:80])
    root = ET.fromstring(xml.encode())  # noqa: S314 - the portal's own reply
    test.assertEqual(root.tag, "Response")
    for action in root:
        test.assertIn(action.tag, DOCUMENTED)
        test.assertLessEqual(set(action.attrib), DOCUMENTED[action.tag], action.tag)
        for inner in action:
            test.assertIn(inner.tag, MAY_HOLD.get(action.tag, set()), f"{inner.tag} in {action}")
            test.assertLessEqual(set(inner.attrib), DOCUMENTED[inner.tag])
            test.assertEqual(len(inner), 0)
        for name in ("numDigits", "timeout", "maxLength"):
            if name in action.attrib:
                test.assertTrue(action.attrib[name].isdigit(), action.attrib)
        if action.tag == "Play":
            test.assertRegex(action.attrib["url"], PROMPT_URL)
        if action.tag in ("GetDigits", "Record"):
            test.assertRegex(callback_url(action), STEP_URL)
    return root


def callback_url(gather):
    # The documentation spells callbackUrl, the Python SDK callBackUrl.
    return gather.attrib.get("callbackUrl") or gather.attrib.get("callBackUrl")


class Heard:
    """A reply as the caller hears it: prompt keys ("en:goodbye") and spoken text, with
    the GetDigits or Record that holds them."""

    def __init__(self, xml, root):
        self.xml = xml
        self.root = root

    @staticmethod
    def _item(element):
        if element.tag == "Play":
            language, key = PROMPT_URL.match(element.attrib["url"]).groups()
            return f"{language}:{key}"
        return f"say:{element.text or ''}"

    @property
    def actions(self):
        return [element.tag for element in self.root]

    def heard(self, language=None):
        """Every prompt key played, in order (of one language only with ``language``)."""
        items = []
        for element in self.root.iter():
            if element.tag in ("Play", "Say"):
                items.append(self._item(element))
        if language:
            return [item.split(":", 1)[1] for item in items if item.startswith(f"{language}:")]
        return items

    def waiting_for(self):
        """The GetDigits or Record element, or None when the call ends after this."""
        return next((e for e in self.root if e.tag in ("GetDigits", "Record")), None)

    def asked(self):
        gather = self.waiting_for()
        return [self._item(element) for element in gather] if gather is not None else []


class VoiceCallClient:
    """One call: each method posts what the gateway posts after that action."""

    def __init__(self, test, phone=PHONE, session_id=None):
        self.test = test
        self.phone = phone
        self.session_id = session_id or f"ATVId_{next(_sessions)}"
        self.replies = []
        self.requests = []  # (url, fields) of every request, to replay one

    def data(self, **fields):
        return {
            "isActive": "1",
            "sessionId": self.session_id,
            "direction": "Inbound",
            "callerNumber": self.phone,
            "destinationNumber": OUR_NUMBER,
            "callerCarrierName": "Safaricom",
            "callerCountryCode": "254",
            "callStartTime": "2026-12-03 10:00:00",
            **fields,
        }

    def post(self, url=VOICE_URL, **fields):
        self.requests.append((url, fields))
        with self.test.captureOnCommitCallbacks(execute=True):
            response = self.test.client.post(url, self.data(**fields))
        self.test.assertEqual(response.status_code, 200, response.content)
        self.test.assertEqual(response["Content-Type"], "application/xml; charset=utf-8")
        xml = response.content.decode()
        heard = Heard(xml, check_documented(self.test, xml))
        self.replies.append(heard)
        return heard

    def start(self):
        return self.post()

    def press(self, digits, url=None):
        """Keys, posted where the gateway posts them: the callbackUrl of the GetDigits it
        is running (the last reply's), else the number's callback URL."""
        return self.post(url or self.answer_url("GetDigits"), dtmfDigits=digits)

    def answer_url(self, action="GetDigits"):
        gather = self.replies[-1].waiting_for() if self.replies else None
        if gather is None or gather.tag != action:
            return VOICE_URL
        return callback_url(gather).removeprefix("http://testserver")

    def replay(self, index):
        """The gateway sends request ``index`` of this call once more, unchanged."""
        url, fields = self.requests[index]
        return self.post(url, **fields)

    def record(self, url="https://voice.example.org/recordings/abc123.mp3"):
        return self.post(self.answer_url("Record"), recordingUrl=url)

    def hang_up(self, **fields):
        outcome = {
            "isActive": "0",
            "durationInSeconds": "42",
            "currencyCode": "KES",
            "amount": "1.5000",
            "hangupCause": "NORMAL_CLEARING",
            "callSessionState": "Completed",
        }
        return self.post(**{**outcome, **fields})

    @property
    def log(self):
        return VoiceCall.objects.get(session_id=self.session_id)


class PromptFilesMixin:
    """Every prompt has a (fake) default file, so replies use Play throughout."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        root = Path(tempfile.mkdtemp(prefix="voice-prompts-"))
        cls.addClassCleanup(shutil.rmtree, root, ignore_errors=True)
        cls.enterClassContext(override_settings(VOICE_PROMPTS_ROOT=root))
        for key in prompts.all_prompts():
            for language in prompts.LANGUAGES:
                path = root / language / f"{key}.mp3"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(b"ID3 fake prompt")
        cls.prompts_root = root


class VoiceTestCase(PromptFilesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.worker = case_worker()
        cls.water = AuthorityFactory(name="Kisumu Water", sectors=["water"], counties=["Kisumu"])
        cls.sectors = list(Sector.objects.active())
        cls.water_key = str([s.slug for s in cls.sectors].index("water") + 1)

    def setUp(self):
        patcher = mock.patch("intake.recordings.queue_recording_download")
        self.downloads = patcher.start()
        self.addCleanup(patcher.stop)

    def call(self, phone=PHONE, **kwargs):
        return VoiceCallClient(self, phone, **kwargs)

    def to_recording(self, call, language="1", consent="1"):
        call.start()
        call.press(language)
        call.press("1")
        call.press(self.water_key)
        return call.press(consent)

    def sms_to(self, phone):
        return list(OutboundMessage.objects.filter(channel="sms", recipient=phone))


class ReportTests(VoiceTestCase):
    def test_full_report_in_english(self):
        call = self.call()

        welcome = call.start()
        self.assertEqual(welcome.actions[0], "GetDigits")
        self.assertEqual(welcome.asked(), ["en:language", "sw:language"])
        self.assertEqual(welcome.waiting_for().attrib["numDigits"], "1")
        main = call.press("1")
        self.assertEqual(main.asked(), ["en:main_menu"])
        sectors = call.press("1")
        asked = sectors.asked()
        self.assertEqual(asked[0], "en:choose_sector")
        for number, sector in enumerate(self.sectors, 1):
            self.assertIn(f"en:sector_{sector.slug}", asked)
            position = asked.index(f"en:sector_{sector.slug}")
            self.assertEqual(asked[position + 1 : position + 3], ["en:press", f"en:digit_{number}"])
        consent = call.press(self.water_key)
        self.assertEqual(consent.asked(), ["en:consent"])
        record = call.press("1")
        self.assertEqual(record.actions, ["Record"])
        self.assertEqual(
            record.waiting_for().attrib,
            {
                "finishOnKey": "#",
                "maxLength": "180",
                "trimSilence": "true",
                "playBeep": "true",
                "callbackUrl": "http://testserver" + call.answer_url("Record"),
            },
        )
        self.assertEqual(record.asked(), ["en:record"])
        self.assertEqual(Case.objects.count(), 0)

        done = call.record()

        case = Case.objects.get()
        self.assertEqual(case.channel, "voice")
        self.assertEqual(case.description, DESCRIPTION_PLACEHOLDER)
        self.assertEqual(case.complainant_phone, PHONE)
        self.assertEqual(case.sector.slug, "water")
        self.assertEqual(case.language, "en")
        self.assertTrue(case.consent_to_contact)
        read_back = [f"en:{key}" for key in reference_keys(case.reference)]
        self.assertEqual(
            done.heard(),
            [
                "en:created",
                *read_back,
                "en:again",
                *read_back,
                "en:reference_by_sms",
                "en:goodbye",
            ],
        )
        self.assertIsNone(done.waiting_for())
        self.downloads.assert_called_once_with(
            case=case, url="https://voice.example.org/recordings/abc123.mp3"
        )
        [sms] = self.sms_to(PHONE)
        self.assertIn(case.reference, sms.text)
        log = call.log
        self.assertEqual(log.case, case)
        self.assertEqual(log.stage, VoiceStage.FINISHED)
        self.assertEqual(log.language, "en")
        self.assertEqual(log.direction, "Inbound")
        self.assertEqual(log.destination_number, OUR_NUMBER)
        self.assertEqual(len(log.steps), 6)
        self.assertEqual(log.steps[-1]["reply"], done.xml)

    def test_report_in_kiswahili_without_consent(self):
        call = self.call()
        self.to_recording(call, language="2", consent="2")

        done = call.record()

        case = Case.objects.get()
        self.assertEqual(case.language, "sw")
        self.assertFalse(case.consent_to_contact)
        self.assertEqual(self.sms_to(PHONE), [])
        self.assertTrue(all(key.startswith("sw:") for key in done.heard()))
        self.assertIn("sw:keep_reference", done.heard())
        self.assertNotIn("sw:reference_by_sms", done.heard())
        self.assertTrue(all(k.startswith("sw:") for r in call.replies[1:] for k in r.heard()))

    def test_the_reference_is_read_digit_by_digit(self):
        self.assertEqual(
            reference_keys("HUD-2026-000123"),
            ["letter_h", "letter_u", "letter_d"]
            + ["digit_2", "digit_0", "digit_2", "digit_6", "reference_number"]
            + ["digit_1", "digit_2", "digit_3"],
        )

    def test_nothing_recorded_asks_once_more_then_ends_without_a_case(self):
        call = self.call()
        self.to_recording(call)

        again = call.record(url="")
        self.assertEqual(again.actions, ["Record"])
        self.assertEqual(again.asked(), ["en:nothing_recorded", "en:record"])
        ended = call.record(url="")

        self.assertEqual(ended.heard(), ["en:sorry_goodbye"])
        self.assertFalse(Case.objects.exists())
        self.assertEqual(call.log.stage, VoiceStage.FINISHED)

    def test_no_key_pressed_ends_politely(self):
        main = self.call().start()
        self.assertEqual(main.actions, ["GetDigits", "Play", "Play", "Play", "Play"])
        self.assertEqual(main.heard()[2:], ["en:no_key", "en:goodbye", "sw:no_key", "sw:goodbye"])


class HangUpTests(VoiceTestCase):
    def test_hanging_up_at_each_step_makes_no_case_and_the_log_says_how_far(self):
        steps = [("start", None), ("press", "1"), ("press", "1"), ("press", None), ("press", "1")]
        expected = [
            VoiceStage.LANGUAGE,
            VoiceStage.MAIN,
            VoiceStage.SECTOR,
            VoiceStage.CONSENT,
            VoiceStage.RECORDING,
        ]
        for depth, stage in enumerate(expected, 1):
            with self.subTest(stage=stage):
                call = self.call()
                for method, value in steps[:depth]:
                    if method == "start":
                        call.start()
                    else:
                        call.press(value or self.water_key)

                outcome = call.hang_up()

                self.assertEqual(outcome.xml, f"{DECLARATION}<Response></Response>")
                log = call.log
                self.assertEqual(log.stage, stage)
                self.assertFalse(log.is_active)
                self.assertIsNone(log.case)
        self.assertFalse(Case.objects.exists())
        self.downloads.assert_not_called()

    def test_the_final_notification_records_the_outcome_only(self):
        call = self.call()
        call.start()

        call.hang_up(durationInSeconds="17", amount="0.7500", hangupCause="ORIGINATOR_CANCEL")
        call.hang_up(durationInSeconds="17", amount="0.7500", hangupCause="ORIGINATOR_CANCEL")

        log = call.log
        self.assertEqual(log.duration_seconds, 17)
        self.assertEqual(log.currency_code, "KES")
        self.assertEqual(str(log.amount), "0.7500")
        self.assertEqual(log.hangup_cause, "ORIGINATOR_CANCEL")
        self.assertEqual(log.call_session_state, "Completed")
        self.assertEqual([step.get("ended") for step in log.steps], [None, True])

    def test_a_call_never_answered_is_logged(self):
        call = self.call()
        call.hang_up(hangupCause="NO_ANSWER", durationInSeconds="0")
        self.assertEqual(call.log.stage, VoiceStage.LANGUAGE)
        self.assertEqual(call.log.hangup_cause, "NO_ANSWER")

    def test_hanging_up_instead_of_pressing_hash_keeps_the_recording(self):
        call = self.call()
        self.to_recording(call)

        call.hang_up(recordingUrl="https://voice.example.org/recordings/late.mp3")

        case = Case.objects.get()
        self.assertEqual(call.log.case, case)
        self.assertEqual(call.log.stage, VoiceStage.FINISHED)
        self.assertEqual(len(self.sms_to(PHONE)), 1)
        self.downloads.assert_called_once()


class WrongKeyTests(VoiceTestCase):
    def test_a_wrong_language_key_repeats_in_both_languages_then_ends(self):
        call = self.call()
        call.start()

        again = call.press("7")
        self.assertEqual(
            again.asked(), ["en:invalid_key", "en:language", "sw:invalid_key", "sw:language"]
        )
        ended = call.press("9")

        self.assertEqual(ended.heard(), ["en:sorry_goodbye", "sw:sorry_goodbye"])
        self.assertIsNone(ended.waiting_for())
        self.assertEqual(call.log.stage, VoiceStage.FINISHED)

    def test_a_wrong_key_on_each_menu_repeats_it_once_with_a_hint(self):
        menus = {
            "main": ([("start", None), ("press", "1")], "en:main_menu"),
            "sector": ([("start", None), ("press", "1"), ("press", "1")], "en:choose_sector"),
            "consent": (
                [("start", None), ("press", "1"), ("press", "1"), ("press", None)],
                "en:consent",
            ),
        }
        for name, (steps, prompt) in menus.items():
            with self.subTest(menu=name):
                call = self.call()
                for method, value in steps:
                    call.start() if method == "start" else call.press(value or self.water_key)

                again = call.press("0")
                self.assertEqual(again.asked()[:2], ["en:invalid_key", prompt])
                fixed = call.press("1")
                self.assertNotIn("en:invalid_key", fixed.heard())
                self.assertIsNotNone(fixed.waiting_for())

    def test_the_hint_count_starts_again_on_each_menu(self):
        call = self.call()
        call.start()
        call.press("5")  # wrong once on the language menu
        call.press("1")
        again = call.press("8")  # wrong once on the main menu: still a second chance
        self.assertEqual(again.asked(), ["en:invalid_key", "en:main_menu"])

    def test_two_wrong_keys_end_the_call_without_a_case(self):
        call = self.call()
        call.start()
        call.press("1")
        call.press("1")
        call.press("9")
        ended = call.press("0")
        self.assertEqual(ended.heard(), ["en:sorry_goodbye"])
        self.assertFalse(Case.objects.exists())


class ReplayTests(VoiceTestCase):
    def test_a_replayed_recording_makes_one_case_one_sms_and_the_same_xml(self):
        call = self.call()
        self.to_recording(call)

        first = call.record()
        again = call.record()
        late = call.press("1")

        self.assertEqual(again.xml, first.xml)
        self.assertEqual(late.xml, first.xml)
        self.assertEqual(Case.objects.count(), 1)
        self.assertEqual(len(self.sms_to(PHONE)), 1)
        self.downloads.assert_called_once()

    def test_a_replayed_first_request_gets_the_welcome_again(self):
        call = self.call()
        welcome = call.start()
        call.press("1")

        again = call.start()

        self.assertEqual(again.xml, welcome.xml)
        self.assertEqual(call.log.stage, VoiceStage.MAIN)

    def test_the_consent_key_replayed_while_recording_changes_nothing(self):
        call = self.call()
        record = self.to_recording(call)

        again = call.press("1")

        self.assertEqual(again.xml, record.xml)
        self.assertEqual(call.log.stage, VoiceStage.RECORDING)

    def test_a_recording_replayed_after_the_final_notification_changes_nothing(self):
        call = self.call()
        self.to_recording(call)
        call.record()
        call.hang_up()

        again = call.record()
        late = call.press("1")

        self.assertEqual(again.xml, EMPTY_REPLY)
        self.assertEqual(late.xml, EMPTY_REPLY)
        self.assertEqual(Case.objects.count(), 1)
        self.downloads.assert_called_once()

    def test_a_recording_kept_by_the_final_notification_and_then_replayed(self):
        call = self.call()
        self.to_recording(call)
        call.hang_up(recordingUrl="https://voice.example.org/recordings/late.mp3")

        again = call.record(url="https://voice.example.org/recordings/late.mp3")

        self.assertEqual(again.xml, EMPTY_REPLY)
        self.assertEqual(Case.objects.count(), 1)
        self.assertEqual(len(self.sms_to(PHONE)), 1)

    def test_a_recording_that_comes_after_the_final_notification_becomes_the_case(self):
        call = self.call()
        self.to_recording(call)
        call.hang_up()  # the gateway's notices may cross

        call.record()

        case = Case.objects.get()
        self.assertEqual(call.log.case, case)
        self.assertEqual(len(self.sms_to(PHONE)), 1)

    def test_a_key_press_delivered_after_the_hang_up_changes_nothing(self):
        call = self.call()
        call.start()
        main = call.press("1")
        call.hang_up()

        late = call.press("1")

        self.assertEqual(late.xml, EMPTY_REPLY)
        self.assertEqual(call.press("2").xml, EMPTY_REPLY)
        self.assertEqual(call.record(url="").xml, EMPTY_REPLY)
        self.assertEqual(call.log.stage, VoiceStage.MAIN)
        self.assertEqual(call.log.steps[-1].get("ended"), True)
        self.assertIn("en:main_menu", main.heard())

    def test_a_first_request_after_the_final_notification_is_answered_politely(self):
        call = self.call()
        call.hang_up(hangupCause="NO_ANSWER")

        late = call.start()

        self.assertEqual(late.xml, EMPTY_REPLY)
        self.assertEqual(call.log.stage, VoiceStage.LANGUAGE)

    def test_a_replayed_key_is_not_read_as_the_next_menus_answer(self):
        call = self.call()
        call.start()
        main = call.press("1")  # English

        again = call.replay(-1)  # the same "1", sent twice by the gateway

        self.assertEqual(again.xml, main.xml)
        self.assertEqual(call.log.stage, VoiceStage.MAIN)
        sectors = call.press("1")  # a genuine "1" on the main menu: report
        self.assertEqual(sectors.asked()[0], "en:choose_sector")
        self.assertEqual(call.log.stage, VoiceStage.SECTOR)
        self.assertEqual(call.replay(1).xml, main.xml)  # even later
        self.assertEqual(call.log.stage, VoiceStage.SECTOR)

    def test_a_replayed_wrong_key_uses_no_second_try(self):
        call = self.call()
        call.start()
        call.press("1")
        hint = call.press("9")

        again = call.replay(-1)

        self.assertEqual(again.xml, hint.xml)
        self.assertEqual(call.press("1").asked()[0], "en:choose_sector")

    def test_an_answer_to_a_step_never_asked_changes_nothing(self):
        call = self.call()
        call.start()
        main = call.press("1")
        step_url = call.answer_url()

        stray = call.press("2", url=step_url.replace("/1/", "/7/"))

        self.assertEqual(stray.xml, main.xml)
        self.assertEqual(call.log.stage, VoiceStage.MAIN)

    def test_a_gateway_that_ignores_callback_urls_still_gets_through_the_menu(self):
        call = self.call()
        call.start()
        for key in ("1", "1", self.water_key, "1"):
            call.press(key, url=VOICE_URL)
        call.record()
        self.assertEqual(Case.objects.get().sector.slug, "water")

    def test_step_urls_open_only_their_own_call(self):
        call = self.call()
        call.start()
        step_url = call.answer_url()
        other = self.call()
        other.start()

        # Another call's token, a made-up one, a GET, or no secret configured: 404.
        response = self.client.post(step_url, other.data(dtmfDigits="1"))
        self.assertEqual(response.status_code, 404)
        forged = re.sub(r"/[0-9a-f]{32}/", "/" + "0" * 32 + "/", step_url)
        self.assertEqual(self.client.post(forged, call.data(dtmfDigits="1")).status_code, 404)
        self.assertEqual(self.client.get(step_url).status_code, 404)
        with override_settings(AFRICASTALKING_CALLBACK_SECRET=""):
            self.assertEqual(self.client.post(step_url, call.data(dtmfDigits="1")).status_code, 404)
        too_long = self.client.post(step_url, call.data(dtmfDigits="1" * 41))
        self.assertEqual(too_long.status_code, 400)
        self.assertEqual(call.log.stage, VoiceStage.LANGUAGE)
        self.assertEqual(other.log.stage, VoiceStage.LANGUAGE)
        self.assertNotIn("test-callback-secret", call.log.steps[0]["reply"])

    def test_a_replayed_empty_recording_uses_no_second_try(self):
        call = self.call()
        self.to_recording(call)
        hint = call.record(url="")

        again = call.replay(-1)

        self.assertEqual(again.xml, hint.xml)
        call.record()
        self.assertEqual(Case.objects.count(), 1)

    def test_a_session_id_from_another_phone_is_rejected(self):
        call = self.call()
        call.start()
        intruder = self.call(OTHER_PHONE, session_id=call.session_id)

        refused = intruder.press("1")

        self.assertEqual(refused.actions, ["Reject"])
        self.assertEqual(call.log.caller_number, PHONE)
        self.assertEqual(call.log.stage, VoiceStage.LANGUAGE)

    def test_an_outbound_call_is_rejected(self):
        refused = self.call().post(direction="Outbound")
        self.assertEqual(refused.actions, ["Reject"])


class CheckCaseTests(VoiceTestCase):
    def forwarded_case_of(self, phone):
        case = make_case(complainant_phone=phone, county_name="Kisumu")
        return actions.forward_case(case=case, authority=self.water, by=self.worker)

    def responded_case_of(self, phone, consent=True):
        case = self.forwarded_case_of(phone)
        return actions.respond_to_case(
            case=case, response="We repaired the pipe on Monday.", by=self.worker
        )

    def check(self, digits, phone=PHONE, language="1"):
        call = self.call(phone)
        call.start()
        call.press(language)
        asked = call.press("2")
        self.assertEqual(asked.waiting_for().attrib["finishOnKey"], "#")
        self.assertEqual(asked.asked(), [f"{'en' if language == '1' else 'sw'}:enter_reference"])
        return call, call.press(digits)

    def number_of(self, case):
        return str(int(case.reference.rsplit("-", 1)[1]))

    def test_the_number_part_gives_the_status_and_latest_update(self):
        case = self.forwarded_case_of(PHONE)

        call, status = self.check(self.number_of(case) + "#")

        keys = status.heard()
        self.assertEqual(keys[0], "en:state_forwarded")
        self.assertEqual(keys[1], "en:latest_update")
        self.assertIn("Kisumu Water", keys[2])
        self.assertTrue(keys[2].startswith("say:"))
        self.assertEqual(keys[-1], "en:goodbye")
        self.assertIsNone(status.waiting_for())
        self.assertEqual(call.log.state["checked"], case.reference)

    def test_the_year_and_number_forms(self):
        case = self.forwarded_case_of(PHONE)
        year, number = case.reference.split("-")[1:]
        for typed in (f"{year}*{int(number)}", f"{year}{number}"):
            with self.subTest(typed=typed):
                _, status = self.check(typed)
                self.assertEqual(status.heard()[0], "en:state_forwarded")

    def test_keypad_references(self):
        year = timezone.localdate().year
        self.assertEqual(voice_reference("123#"), [f"HUD-{year}-000123", f"HUD-{year - 1}-000123"])
        self.assertEqual(voice_reference("2025*7"), ["HUD-2025-000007"])
        self.assertEqual(voice_reference("2025000007"), ["HUD-2025-000007"])
        for nonsense in ("", "#", "0", "*", "99999999999999", "1234567", "12*"):
            self.assertEqual(voice_reference(nonsense), [], nonsense)

    def test_another_numbers_case_is_not_found_and_may_be_typed_again(self):
        theirs = self.forwarded_case_of(OTHER_PHONE)
        mine = self.forwarded_case_of(PHONE)

        call, not_found = self.check(self.number_of(theirs))
        self.assertEqual(not_found.asked()[:2], ["en:not_found", "en:enter_reference"])
        self.assertFalse(any("Kisumu" in key for key in not_found.heard()))
        status = call.press(self.number_of(mine))

        self.assertEqual(status.heard()[0], "en:state_forwarded")

    def test_a_wrong_reference_twice_ends_politely(self):
        call, bad = self.check("*")
        self.assertEqual(bad.asked()[:2], ["en:bad_reference", "en:enter_reference"])
        ended = call.press("999999")
        self.assertEqual(ended.heard(), ["en:sorry_goodbye"])

    def test_kiswahili_status(self):
        case = self.forwarded_case_of(PHONE)
        _, status = self.check(self.number_of(case), language="2")
        self.assertEqual(status.heard()[0], "sw:state_forwarded")
        self.assertIn("Kisumu Water", status.heard()[2])

    def test_an_update_with_control_characters_is_still_a_readable_reply(self):
        case = actions.respond_to_case(
            case=self.forwarded_case_of(PHONE),
            response="We repaired\x01 the pipe\x1b on Monday.",
            by=self.worker,
        )

        _, status = self.check(self.number_of(case))  # parsed by check_documented

        spoken = next(key for key in status.heard() if key.startswith("say:"))
        self.assertIn("the pipe", spoken)
        self.assertNotIn("\x01", spoken)

    def test_solved_closes_the_case_as_the_tracking_page_does(self):
        case = self.responded_case_of(PHONE)

        call, status = self.check(self.number_of(case))
        self.assertEqual(status.heard()[0], "en:state_responded")
        self.assertEqual(status.asked(), ["en:answer_question"])
        done = call.press("1")

        case.refresh_from_db()
        self.assertEqual(case.state, "closed")
        self.assertEqual(case.outcome, Outcome.RESOLVED)
        self.assertEqual(done.heard(), ["en:solved_thanks", "en:goodbye"])
        entry = CaseLogEntry.objects.for_case(case).order_by("-pk").first()
        self.assertEqual((entry.actor_kind, entry.actor_label), ("citizen", "Citizen (voice)"))
        self.assertEqual(call.press("1").xml, done.xml)  # replayed: nothing more happens

    def test_not_solved_asks_for_escalation(self):
        case = self.responded_case_of(PHONE)

        call, _ = self.check(self.number_of(case))
        done = call.press("2")

        case.refresh_from_db()
        self.assertEqual(case.state, "responded")
        self.assertTrue(case.escalation_requested)
        self.assertEqual(done.heard(), ["en:not_solved_thanks", "en:goodbye"])

        _, again = self.check(self.number_of(case))
        self.assertEqual(again.heard()[0], "en:state_escalation_requested")
        self.assertIsNone(again.waiting_for())

    def test_a_wrong_answer_key_repeats_the_question(self):
        case = self.responded_case_of(PHONE)
        call, _ = self.check(self.number_of(case))

        again = call.press("5")

        self.assertEqual(again.asked(), ["en:invalid_key", "en:answer_question"])
        case.refresh_from_db()
        self.assertEqual(case.state, "responded")

    def test_a_case_that_changed_during_the_call_is_left_alone(self):
        case = self.responded_case_of(PHONE)
        call, _ = self.check(self.number_of(case))
        # Meanwhile, on the tracking page: a new version of the case.
        actions.request_escalation(case=case, by=Actor.citizen())

        done = call.press("1")

        case.refresh_from_db()
        self.assertEqual(case.state, "responded")
        self.assertTrue(case.escalation_requested)
        self.assertEqual(done.heard(), ["en:answer_failed", "en:goodbye"])


class PromptFallbackTests(VoiceTestCase):
    def test_a_prompt_without_a_file_is_spoken_by_the_gateway(self):
        (self.prompts_root / "sw" / "main_menu.mp3").rename(self.prompts_root / "moved.mp3")
        self.addCleanup(
            (self.prompts_root / "moved.mp3").rename, self.prompts_root / "sw" / "main_menu.mp3"
        )
        call = self.call()
        call.start()

        with self.assertLogs("intake.gateways.voice", "WARNING"):
            main = call.press("2")

        [say] = main.waiting_for()
        self.assertEqual(say.tag, "Say")
        self.assertEqual(say.text, prompts.prompt_text("main_menu", "sw"))
        self.assertNotEqual(say.text, prompts.prompt_text("main_menu", "en"))


class RefusedVoiceCallbackTests(VoiceTestCase):
    def post(self, **fields):
        data = VoiceCallClient(self).data(**fields)
        return self.client.post(VOICE_URL, {k: v for k, v in data.items() if v is not None})

    def test_wrong_secret_and_get(self):
        self.assertEqual(
            self.client.post("/channels/africastalking/voice/wrong/", {}).status_code, 404
        )
        with override_settings(AFRICASTALKING_CALLBACK_SECRET=""):
            self.assertEqual(self.client.post(VOICE_URL, {}).status_code, 404)
        self.assertEqual(self.client.get(VOICE_URL).status_code, 405)

    def test_bad_input_is_a_400_with_a_reason(self):
        cases = {
            "Missing field: sessionId": {"sessionId": None},
            "Missing field: callerNumber": {"callerNumber": ""},
            "Missing field: isActive": {"isActive": None},
            "Invalid field: isActive": {"isActive": "2"},
            "Invalid field: callerNumber": {"callerNumber": "not a phone"},
            "Invalid field: dtmfDigits": {"dtmfDigits": "1; DROP TABLE"},
            "Invalid field: recordingUrl": {"recordingUrl": "file:///etc/passwd"},
            "Invalid field: durationInSeconds": {"isActive": "0", "durationInSeconds": "-3"},
            "Invalid field: durationInSeconds ": {"isActive": "0", "durationInSeconds": "²"},
            "Invalid field: durationInSeconds  ": {
                "isActive": "0",
                "durationInSeconds": "999999999999",
            },
            "Invalid field: amount ": {"isActive": "0", "amount": "99999999.99999"},
            "Invalid field: amount  ": {"isActive": "0", "amount": "1e99999"},
            "Invalid field: amount": {"isActive": "0", "amount": "NaN"},
            "NUL characters are not allowed": {"dtmfDigits": "1\x00"},
            "Field too long: dtmfDigits": {"dtmfDigits": "1" * 41},
            "Field too long: sessionId": {"sessionId": "x" * 101},
        }
        for reason, fields in cases.items():
            with self.subTest(reason=reason):
                response = self.post(**fields)
                self.assertEqual(response.status_code, 400)
                self.assertIn(reason.strip(), response.content.decode())
        self.assertFalse(VoiceCall.objects.exists())
        self.assertFalse(Case.objects.exists())


class CallOutcomeFieldTests(VoiceTestCase):
    def test_the_cost_is_kept_as_the_column_holds_it(self):
        for amount, kept in (("1E-99999", "0.0000"), ("0.123456", "0.1235"), ("2", "2.0000")):
            with self.subTest(amount=amount):
                call = self.call()
                call.hang_up(amount=amount)
                self.assertEqual(str(call.log.amount), kept)

    def test_the_longest_duration_the_column_holds(self):
        call = self.call()
        call.hang_up(durationInSeconds=str(2**31 - 1))
        self.assertEqual(call.log.duration_seconds, 2**31 - 1)


@unittest.skipUnless(connection.vendor == "postgresql", "needs PostgreSQL's row locks")
class ConcurrentRecordingTests(PromptFilesMixin, TransactionTestCase):
    serialized_rollback = True

    def test_a_recording_callback_replayed_at_once_makes_one_case(self):
        water = str([s.slug for s in Sector.objects.active()].index("water") + 1)
        base = {
            "isActive": "1",
            "sessionId": "ATVId_concurrent",
            "direction": "Inbound",
            "callerNumber": PHONE,
        }
        for digits in (None, "1", "1", water, "1"):
            fields = {**base, **({"dtmfDigits": digits} if digits else {})}
            self.assertEqual(self.client.post(VOICE_URL, fields).status_code, 200)
        recording = {**base, "recordingUrl": "https://voice.example.org/recordings/x.mp3"}

        with mock.patch("intake.recordings.queue_recording_download") as downloads:
            results, errors = run_in_threads(
                lambda index: Client().post(VOICE_URL, recording).content.decode(), 6
            )

        self.assertEqual(errors, [])
        self.assertEqual(len(set(results)), 1)
        case = Case.objects.get()
        self.assertEqual(VoiceCall.objects.get().case, case)
        self.assertEqual(OutboundMessage.objects.filter(channel="sms").count(), 1)
        self.assertEqual(downloads.call_count, 1)
