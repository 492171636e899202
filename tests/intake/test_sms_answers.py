"""The citizen's answer to a response by SMS, through the real callback with the gateway's
fields: "1"/"YES"/"NDIYO" closes the case as resolved, "2"/"NO"/"HAPANA" asks a case worker
to escalate, alone or after the reference, only for the sender's own responded case."""

from django.utils import timezone

from cases import actions
from cases.models import Case, CaseLogEntry
from cases.rules import Actor
from intake.gateways.sms_answers import read_answer
from intake.models import InboundSMS
from notify.models import OutboundMessage
from tests.intake.test_sms import OTHER_PHONE, SENDER, SmsTestCase

SOLVED_EN = ["1", "yes", "YES", "Yes.", " 1 "]
SOLVED_SW = ["ndiyo", "NDIYO", "Ndiyo!", "ndio"]
NOT_SOLVED_EN = ["2", "no", "NO", "No."]
NOT_SOLVED_SW = ["hapana", "HAPANA", "Hapana."]


class ReadingAnswersTests(SmsTestCase):
    def test_keywords_alone_or_after_any_reference_form(self):
        year = timezone.localdate().year
        reference = f"HUD-{year}-000123"
        for text, solved, found in [
            ("1", True, None),
            ("YES", True, None),
            ("ndiyo", True, None),
            ("2", False, None),
            ("no", False, None),
            ("Hapana", False, None),
            (f"{reference} 2", False, reference),
            (f"{reference.lower()} yes", True, reference),
            (f"HUD {year} 123 hapana", False, reference),
            (f"{year}*123 1", True, reference),
            (f"{year} 123 2", False, reference),
            (f"{reference}: NDIYO", True, reference),
        ]:
            with self.subTest(text=text):
                answer = read_answer(text)
                self.assertIsNotNone(answer)
                self.assertEqual((answer.solved, answer.reference), (solved, found))

    def test_words_around_a_keyword_are_not_an_answer(self):
        for text in ["No water in Kibera", "1 borehole is broken", "yes we need help", "12", ""]:
            with self.subTest(text=text):
                self.assertIsNone(read_answer(text))


class AnswerTestCase(SmsTestCase):
    def responded_case_of(self, phone=SENDER, *, language="en", consent=True, response="Fixed."):
        case = actions.forward_case(
            case=self.case_of(
                phone, county_name="Kisumu", language=language, consent_to_contact=consent
            ),
            authority=self.water,
            by=self.worker,
        )
        return actions.respond_to_case(case=case, response=response, by=self.worker)

    def reload(self, case):
        return Case.objects.get(pk=case.pk)

    def assert_no_new_case(self, before):
        self.assertEqual(Case.objects.count(), before)


class SolvedBySmsTests(AnswerTestCase):
    def test_each_solved_keyword_closes_the_sole_responded_case_as_resolved(self):
        for keyword in SOLVED_EN + SOLVED_SW:
            with self.subTest(keyword=keyword):
                self.replies = {}
                case = self.responded_case_of()
                cases = Case.objects.count()

                self.post_sms(keyword)

                case = self.reload(case)
                self.assertEqual((case.state, case.outcome), ("closed", "resolved"))
                entry = CaseLogEntry.objects.get(case=case, action="cases.close")
                self.assertEqual(
                    (entry.actor_kind, entry.actor_label), ("citizen", "Citizen (SMS)")
                )
                # One SMS: notify's "closed" message is the confirmation.
                reply = self.only_reply()
                self.assertIn(case.reference, reply.text)
                self.assertIn("closed", reply.text)
                inbound = InboundSMS.objects.latest("pk")
                self.assertEqual((inbound.outcome, inbound.case), ("answer_recorded", case))
                self.assert_no_new_case(cases)

    def test_without_consent_the_sender_gets_our_confirmation_in_the_messages_language(self):
        case = self.responded_case_of(consent=False)

        self.post_sms("ndiyo")

        self.assertEqual(self.reload(case).state, "closed")
        reply = self.only_reply()
        self.assertEqual(reply.language, "sw")
        self.assertIn(f"Kesi {case.reference} sasa imefungwa", reply.text)

    def test_a_digit_answers_in_the_cases_language(self):
        self.responded_case_of(language="sw", consent=False)

        self.post_sms("1")

        reply = self.only_reply()
        self.assertEqual(reply.language, "sw")
        self.assertIn("Tunafurahi kwamba tatizo limetatuliwa", reply.text)


class NotSolvedBySmsTests(AnswerTestCase):
    def test_each_not_solved_keyword_asks_a_case_worker_to_escalate(self):
        for keyword, language, words in [
            *[(keyword, "en", "A case worker will look at case") for keyword in NOT_SOLVED_EN],
            *[(keyword, "sw", "Afisa wa kesi ataiangalia tena kesi") for keyword in NOT_SOLVED_SW],
        ]:
            with self.subTest(keyword=keyword):
                self.replies = {}
                case = self.responded_case_of(language="en" if keyword == "2" else language)

                self.post_sms(keyword)

                case = self.reload(case)
                self.assertEqual(case.state, "responded")
                self.assertTrue(case.escalation_requested)
                entry = CaseLogEntry.objects.get(case=case, action="cases.request_escalation")
                self.assertEqual(entry.actor_label, "Citizen (SMS)")
                reply = self.only_reply()
                self.assertEqual(reply.language, language)
                self.assertIn(words, reply.text)
                self.assertIn(case.reference, reply.text)
                # Closed for the next loop's "sole responded case".
                actions.close_case(case=case, outcome="resolved", by=self.worker)

    def test_asking_twice_is_confirmed_and_recorded_once(self):
        case = self.responded_case_of()

        self.post_sms("2")
        self.post_sms("NO")

        self.assertEqual(
            CaseLogEntry.objects.filter(case=case, action="cases.request_escalation").count(), 1
        )
        replies = self.replies[SENDER]
        self.assertEqual(len(replies), 2)
        self.assertTrue(all("A case worker will look" in reply.text for reply in replies))

    def test_the_case_worker_sees_escalation_requested(self):
        case = self.responded_case_of()
        self.post_sms("HAPANA")
        self.assertIn(case, Case.objects.escalation_requested())


class WithReferenceTests(AnswerTestCase):
    def test_a_reference_picks_one_of_several_responded_cases(self):
        first = self.responded_case_of()
        second = self.responded_case_of()

        self.post_sms(f"{second.reference} 2")

        self.assertTrue(self.reload(second).escalation_requested)
        self.assertFalse(self.reload(first).escalation_requested)
        self.assertIn(second.reference, self.only_reply().text)

    def test_the_short_keypad_forms_of_a_reference(self):
        case = self.responded_case_of(consent=False)
        year, number = case.reference.split("-")[1:]

        self.post_sms(f"{year}*{int(number)} yes")

        self.assertEqual(self.reload(case).state, "closed")

    def test_a_reference_and_hapana_in_kiswahili(self):
        case = self.responded_case_of()
        year, number = case.reference.split("-")[1:]

        self.post_sms(f"HUD {year} {int(number)} hapana")

        self.assertTrue(self.reload(case).escalation_requested)
        self.assertEqual(self.only_reply().language, "sw")

    def test_a_case_without_a_response_yet_says_so_and_stays_as_it_is(self):
        case = self.forwarded_case_of(SENDER)

        self.post_sms(f"{case.reference} 1")

        self.assertEqual(self.reload(case).state, "forwarded")
        self.assertIn("has no answer from the authority yet", self.only_reply().text)
        self.assertFalse(CaseLogEntry.objects.filter(case=case, action="cases.close").exists())


class AmbiguityAndNoCaseTests(AnswerTestCase):
    def test_several_responded_cases_and_no_reference_ask_which(self):
        first = self.responded_case_of()
        second = self.responded_case_of()
        cases = Case.objects.count()

        self.post_sms("1")

        reply = self.only_reply()
        self.assertIn("You have 2 answered cases", reply.text)
        self.assertIn(first.reference, reply.text)
        self.assertIn(second.reference, reply.text)
        self.assertIn(f"{second.reference} 1", reply.text)
        for case in (first, second):
            self.assertEqual(self.reload(case).state, "responded")
        self.assertEqual(InboundSMS.objects.get().outcome, "help_sent")
        self.assert_no_new_case(cases)

    def test_which_case_in_kiswahili(self):
        self.responded_case_of(language="sw")
        self.responded_case_of(language="sw")

        self.post_sms("2")

        reply = self.only_reply()
        self.assertEqual(reply.language, "sw")
        self.assertIn("Una kesi 2 zilizojibiwa", reply.text)

    def test_no_responded_case_gets_the_help_text_never_a_new_case(self):
        self.forwarded_case_of(SENDER)  # open, but not responded
        cases = Case.objects.count()
        for keyword in ["1", "YES", "NDIYO", "2", "NO", "HAPANA"]:
            with self.subTest(keyword=keyword):
                self.replies = {}
                self.post_sms(keyword)
                reply = self.only_reply()
                self.assertTrue(
                    "To answer about a case" in reply.text or "Kujibu kuhusu kesi" in reply.text,
                    reply.text,
                )
                self.assert_no_new_case(cases)
        self.assertEqual(set(InboundSMS.objects.values_list("outcome", flat=True)), {"help_sent"})

    def test_a_number_without_any_case_gets_the_help_text(self):
        self.post_sms("1", sender=OTHER_PHONE)

        self.assertFalse(Case.objects.exists())
        self.assertIn("To answer about a case", self.only_reply(OTHER_PHONE).text)

    def test_a_message_around_a_keyword_is_still_a_new_report(self):
        self.responded_case_of()
        cases = Case.objects.count()

        self.post_sms("No water in Kibera since Monday")

        self.assertEqual(Case.objects.count(), cases + 1)


class WrongNumberAndClosedTests(AnswerTestCase):
    def test_another_numbers_case_gets_the_not_found_reply_and_is_untouched(self):
        case = self.responded_case_of(OTHER_PHONE)

        self.post_sms(f"{case.reference} 1")
        self.post_sms(f"HUD-{timezone.localdate().year}-999999 1")

        not_yours, unknown = self.replies[SENDER]
        self.assertEqual(not_yours.text, unknown.text)
        self.assertIn("We found no case with that reference", not_yours.text)
        self.assertEqual(self.reload(case).state, "responded")
        self.assertEqual(
            list(InboundSMS.objects.values_list("outcome", flat=True)), ["not_found"] * 2
        )

    def test_another_numbers_sole_responded_case_is_not_answered_by_a_bare_keyword(self):
        case = self.responded_case_of(OTHER_PHONE)

        self.post_sms("1")

        self.assertEqual(self.reload(case).state, "responded")
        self.assertIn("To answer about a case", self.only_reply().text)

    def test_a_closed_case_says_it_is_already_closed(self):
        case = self.responded_case_of()
        actions.close_case(case=case, outcome="resolved", by=Actor.citizen())
        self.replies = {}

        self.post_sms(f"{case.reference} 2")

        self.assertIn(f"Case {case.reference} is already closed", self.only_reply().text)
        case = self.reload(case)
        self.assertEqual((case.state, case.escalation_requested), ("closed", False))
        self.assertEqual(InboundSMS.objects.get().outcome, "status_sent")

    def test_a_closed_case_in_kiswahili(self):
        case = self.responded_case_of(language="sw")
        actions.close_case(case=case, outcome="resolved", by=Actor.citizen())

        self.post_sms(f"{case.reference} hapana")

        self.assertIn(f"Kesi {case.reference} imeshafungwa", self.only_reply().text)


class ReplayTests(AnswerTestCase):
    def test_a_replayed_answer_acts_once_and_replies_once(self):
        case = self.responded_case_of()

        first = self.post_sms("2", gateway_id="ATXid_answer")
        again = self.post_sms("2", gateway_id="ATXid_answer")

        self.assertEqual((first.status_code, again.status_code), (200, 200))
        self.assertEqual(InboundSMS.objects.count(), 1)
        self.assertEqual(
            CaseLogEntry.objects.filter(case=case, action="cases.request_escalation").count(), 1
        )
        self.only_reply()

    def test_a_replayed_solved_closes_once(self):
        case = self.responded_case_of()
        before = OutboundMessage.objects.count()

        self.post_sms("YES", gateway_id="ATXid_yes")
        self.post_sms("YES", gateway_id="ATXid_yes")

        self.assertEqual(CaseLogEntry.objects.filter(case=case, action="cases.close").count(), 1)
        self.assertEqual(OutboundMessage.objects.count(), before + 1)
