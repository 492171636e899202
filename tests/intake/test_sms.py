"""Africa's Talking SMS callbacks, through the real routes with the gateway's field names."""

import unittest
from itertools import count

from django.db import connection
from django.test import Client, TestCase, TransactionTestCase, override_settings
from django.utils import timezone

from cases import actions
from cases.events import case_event_recorded
from cases.models import Case, CaseLogEntry
from intake.models import InboundSMS
from notify.models import OutboundMessage
from notify.queueing import queue_message
from notify.receivers import queue_case_messages
from tests.cases.test_concurrency import run_in_threads
from tests.factories import AuthorityFactory, case_worker, make_case

SMS_URL = "/channels/africastalking/sms/test-callback-secret/"
DELIVERY_URL = "/channels/africastalking/delivery/test-callback-secret/"
SENDER = "+254712345678"
OTHER_PHONE = "+254722000111"

_gateway_ids = count(1)


class SmsTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.worker = case_worker()
        cls.water = AuthorityFactory(
            name="Kisumu Water", sectors=["water"], counties=["Kisumu"], response_days=10
        )

    def post_sms(self, text, *, sender=SENDER, gateway_id=None, url=SMS_URL, without=()):
        """Post as the gateway does; remembers the SMS queued meanwhile, by recipient."""
        data = {
            "from": sender,
            "to": "22384",
            "text": text,
            "date": "2026-03-05 10:15:00",
            "id": gateway_id or f"ATXid_{next(_gateway_ids)}",
            "linkId": "SampleLinkId123",
            "networkCode": "63902",
        }
        for field in without:
            del data[field]
        before = OutboundMessage.objects.order_by("pk").values_list("pk", flat=True).last() or 0
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url, data)
        for message in OutboundMessage.objects.filter(pk__gt=before, channel="sms").order_by("pk"):
            self.replies.setdefault(message.recipient, []).append(message)
        return response

    def setUp(self):
        self.replies = {}

    def only_reply(self, phone=SENDER):
        """The one SMS that the posted messages from ``phone`` caused."""
        replies = self.replies.get(phone, [])
        self.assertEqual(len(replies), 1, [reply.text for reply in replies])
        replies[0].refresh_from_db()
        return replies[0]

    def case_of(self, phone, **kwargs):
        return make_case(complainant_phone=phone, **kwargs)

    def forwarded_case_of(self, phone):
        case = make_case(complainant_phone=phone, county_name="Kisumu")
        return actions.forward_case(case=case, authority=self.water, by=self.worker)

    def assert_nothing_changed(self):
        self.assertFalse(Case.objects.exists())
        self.assertFalse(InboundSMS.objects.exists())
        self.assertFalse(OutboundMessage.objects.exists())


class NewCaseBySmsTests(SmsTestCase):
    def test_a_message_opens_a_case_with_guesses_and_one_reply(self):
        response = self.post_sms("Hakuna maji Kisumu tangu wiki mbili")

        self.assertEqual(response.status_code, 200)
        case = Case.objects.get()
        self.assertEqual(case.channel, "sms")
        self.assertEqual(case.description, "Hakuna maji Kisumu tangu wiki mbili")
        self.assertEqual(case.complainant_phone, SENDER)
        self.assertTrue(case.consent_to_contact)
        self.assertEqual(case.language, "sw")
        self.assertEqual(case.sector.slug, "water")
        self.assertEqual(case.county.name, "Kisumu")
        reply = self.only_reply()
        self.assertIn(case.reference, reply.text)
        self.assertEqual(reply.language, "sw")
        self.assertEqual(reply.status, "sent")  # sent after commit
        inbound = InboundSMS.objects.get()
        self.assertEqual((inbound.case, inbound.outcome), (case, "case_created"))
        self.assertEqual(inbound.link_id, "SampleLinkId123")
        self.assertEqual(inbound.network_code, "63902")

    def test_english_message_and_a_local_number(self):
        self.post_sms("The clinic in Mombasa has no drugs", sender="0712 345 678")

        case = Case.objects.get()
        self.assertEqual(case.complainant_phone, SENDER)
        self.assertEqual((case.language, case.sector.slug), ("en", "health"))
        self.assertEqual(case.county.name, "Mombasa")
        self.assertIn(case.reference, self.only_reply().text)

    def test_nothing_recognisable_is_left_for_triage(self):
        self.post_sms("Please help us")

        case = Case.objects.get()
        self.assertIsNone(case.sector)
        self.assertIsNone(case.county)

    def test_hali_followed_by_words_is_a_complaint_not_a_status_request(self):
        self.post_sms("Hali ni mbaya hospitalini Mombasa, hakuna dawa")

        case = Case.objects.get()
        self.assertEqual((case.sector.slug, case.county.name), ("health", "Mombasa"))
        self.assertEqual(case.language, "sw")

    def test_a_retried_message_makes_one_case_and_one_reply(self):
        first = self.post_sms("no water in nairobi", gateway_id="ATXid_retry")
        second = self.post_sms("no water in nairobi", gateway_id="ATXid_retry")

        self.assertEqual((first.status_code, second.status_code), (200, 200))
        self.assertEqual(Case.objects.count(), 1)
        self.assertEqual(InboundSMS.objects.count(), 1)
        self.only_reply()
        self.assertEqual(Case.objects.get().county.name, "Nairobi City")

    def test_without_notifys_acknowledgement_the_sender_still_gets_one_reply(self):
        # As when notify has no SMS text for new cases: our own short acknowledgement goes.
        case_event_recorded.disconnect(dispatch_uid="notify.queue_case_messages")
        self.addCleanup(
            case_event_recorded.connect,
            queue_case_messages,
            dispatch_uid="notify.queue_case_messages",
        )

        self.post_sms("Hakuna maji Kisumu")

        case = Case.objects.get()
        reply = self.only_reply()
        self.assertRegex(reply.text, rf"(STATUS|HALI) {case.reference}")
        self.assertEqual(reply.language, "sw")
        self.assertEqual(reply.case, case)

    def test_an_empty_message_gets_instructions_and_no_case(self):
        response = self.post_sms("   ")

        self.assertEqual(response.status_code, 200)
        self.assertFalse(Case.objects.exists())
        self.assertIn("description of the problem", self.only_reply().text)
        self.assertEqual(InboundSMS.objects.get().outcome, "help_sent")

    def test_an_overlong_message_is_shortened_with_a_note_not_refused(self):
        text = "Maji " * 1000  # 5,000 characters

        self.assertEqual(self.post_sms(text).status_code, 200)

        case = Case.objects.get()
        self.assertLessEqual(len(case.description), 4000)
        self.assertIn("5000 characters", case.description)
        self.assertEqual(InboundSMS.objects.get().text, text)  # the full text is kept


class StatusBySmsTests(SmsTestCase):
    def test_status_of_own_case_in_english(self):
        case = self.forwarded_case_of(SENDER)

        self.post_sms(f"STATUS {case.reference}")

        reply = self.only_reply()
        self.assertIn(case.reference, reply.text)
        self.assertIn("Forwarded", reply.text)
        self.assertIn("Kisumu Water", reply.text)  # the latest public update
        self.assertEqual(reply.language, "en")
        self.assertLessEqual(len(reply.text), 306)
        self.assertEqual(InboundSMS.objects.get().outcome, "status_sent")

    def test_hali_answers_in_kiswahili_and_tolerates_case_and_spaces(self):
        case = self.forwarded_case_of(SENDER)

        self.post_sms(f"  hali   {case.reference.lower()} ")

        reply = self.only_reply()
        self.assertIn(case.reference, reply.text)
        self.assertIn("Imetumwa kwa mamlaka", reply.text)  # "Forwarded" in Kiswahili
        self.assertEqual(reply.language, "sw")

    def test_a_long_latest_update_is_fitted_to_two_segments(self):
        case = self.case_of(SENDER)
        actions.add_note(case=case, text="Update " * 100, by=self.worker, visibility="public")

        self.post_sms(f"STATUS {case.reference}")

        reply = self.only_reply()
        self.assertTrue(reply.text.startswith(case.reference))
        self.assertLessEqual(len(reply.text), 306)

    def test_another_numbers_case_looks_exactly_like_an_unknown_reference(self):
        others = self.forwarded_case_of(OTHER_PHONE)

        self.post_sms(f"STATUS {others.reference}")
        self.post_sms("STATUS HUD-2026-999999", sender="+254733000222")

        not_yours = self.only_reply().text
        unknown = self.only_reply("+254733000222").text
        self.assertEqual(not_yours, unknown)
        self.assertNotIn(others.reference, not_yours)
        self.assertNotIn("Forwarded", not_yours)
        self.assertEqual(InboundSMS.objects.filter(outcome="not_found").count(), 2)

    def test_hali_for_an_unknown_reference_is_neutral_in_kiswahili(self):
        self.post_sms("HALI HUD-2026-999999")

        reply = self.only_reply()
        self.assertEqual(reply.language, "sw")
        self.assertFalse(Case.objects.exists())

    def test_a_bare_reference_is_a_status_request_in_the_cases_language(self):
        case = self.case_of(SENDER, language="sw")

        self.post_sms(f" {case.reference} ")

        reply = self.only_reply()
        self.assertIn("Imepokelewa", reply.text)  # "Received"
        self.assertEqual(CaseLogEntry.objects.filter(action="cases.note").count(), 0)

    def test_status_without_a_reference_explains_how(self):
        self.post_sms("status")

        self.assertIn("STATUS HUD-", self.only_reply().text)
        self.assertFalse(Case.objects.exists())


class AddToCaseBySmsTests(SmsTestCase):
    def test_reference_and_text_adds_a_public_note_and_confirms(self):
        case = self.case_of(SENDER)

        self.post_sms(f"{case.reference.lower()}: the kiosk opened for one hour only")

        note = CaseLogEntry.objects.get(case=case, action="cases.note")
        self.assertEqual(note.text, "the kiosk opened for one hour only")
        self.assertEqual(note.visibility, "public")
        self.assertEqual(note.actor_kind, "citizen")
        self.assertNotIn(SENDER, note.actor_label)
        reply = self.only_reply()
        self.assertIn(case.reference, reply.text)
        self.assertEqual(Case.objects.count(), 1)
        self.assertEqual(InboundSMS.objects.get().outcome, "note_added")

    def test_another_numbers_case_gets_nothing_and_the_neutral_reply(self):
        others = self.case_of(OTHER_PHONE)

        self.post_sms(f"{others.reference} this is my case too")
        self.post_sms("HUD-2026-999999 this is my case too", sender="+254733000222")

        self.assertFalse(CaseLogEntry.objects.filter(action="cases.note").exists())
        self.assertEqual(self.only_reply().text, self.only_reply("+254733000222").text)
        self.assertEqual(Case.objects.count(), 1)


class RefusedCallbackTests(SmsTestCase):
    def test_wrong_secret_is_a_404_and_changes_nothing(self):
        response = self.post_sms("no water", url="/channels/africastalking/sms/wrong/")

        self.assertEqual(response.status_code, 404)
        self.assert_nothing_changed()

    @override_settings(AFRICASTALKING_CALLBACK_SECRET="")
    def test_no_configured_secret_switches_the_callbacks_off(self):
        response = self.post_sms("no water", url="/channels/africastalking/sms/%20/")

        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.client.post(SMS_URL, {"from": SENDER}).status_code, 404)
        self.assert_nothing_changed()

    def test_missing_or_invalid_fields_are_a_400_and_change_nothing(self):
        for field in ["from", "text", "id"]:
            with self.subTest(missing=field):
                response = self.post_sms("no water in Kisumu", without=[field])
                self.assertEqual(response.status_code, 400)
                self.assertIn(field, response.content.decode())
        response = self.post_sms("no water in Kisumu", sender="hello")
        self.assertEqual(response.status_code, 400)
        self.assertIn("from", response.content.decode())
        self.assert_nothing_changed()

    def test_only_post(self):
        self.assertEqual(self.client.get(SMS_URL).status_code, 405)


class DeliveryReportTests(SmsTestCase):
    def sent_message(self, gateway_id):
        message = queue_message(
            channel="sms", recipient=SENDER, text="Hello", event_key=f"test:{gateway_id}"
        )
        OutboundMessage.objects.filter(pk=message.pk).update(status="sent", gateway_id=gateway_id)
        return message

    def post_report(self, url=DELIVERY_URL, **fields):
        data = {
            "id": "ATXid_out_1",
            "status": "Success",
            "phoneNumber": SENDER,
            "networkCode": "63902",
            "failureReason": "",
            **fields,
        }
        return self.client.post(
            url, {key: value for key, value in data.items() if value is not None}
        )

    def test_a_report_updates_the_message_with_that_gateway_id(self):
        delivered = self.sent_message("ATXid_out_1")
        failed = self.sent_message("ATXid_out_2")

        self.assertEqual(self.post_report().status_code, 200)
        response = self.post_report(
            id="ATXid_out_2", status="Failed", failureReason="AbsentSubscriber"
        )

        self.assertEqual(response.status_code, 200)
        delivered.refresh_from_db()
        failed.refresh_from_db()
        self.assertEqual(delivered.status, "delivered")
        self.assertEqual(failed.status, "failed")
        self.assertIn("AbsentSubscriber", failed.last_error)

    def test_unknown_ids_are_ignored(self):
        message = self.sent_message("ATXid_out_1")

        self.assertEqual(self.post_report(id="ATXid_never_sent").status_code, 200)

        message.refresh_from_db()
        self.assertEqual(message.status, "sent")

    def test_wrong_secret_and_missing_fields_change_nothing(self):
        message = self.sent_message("ATXid_out_1")

        wrong = self.post_report(url="/channels/africastalking/delivery/wrong/")
        no_id = self.post_report(id=None)
        no_status = self.post_report(status=None)

        self.assertEqual(
            (wrong.status_code, no_id.status_code, no_status.status_code), (404, 400, 400)
        )
        message.refresh_from_db()
        self.assertEqual(message.status, "sent")


@unittest.skipUnless(connection.vendor == "postgresql", "needs PostgreSQL's row locks")
class ConcurrentRetryTests(TransactionTestCase):
    # Reference data and groups come from data migrations, which a flushed database lacks.
    serialized_rollback = True

    def test_the_same_message_delivered_at_once_makes_one_case(self):
        def deliver(index):
            response = Client().post(
                SMS_URL, {"from": SENDER, "text": "no water in Kisumu", "id": "ATXid_twice"}
            )
            return response.status_code

        results, errors = run_in_threads(deliver, 6)

        self.assertEqual(errors, [])
        self.assertEqual(results, [200] * 6)
        self.assertEqual(Case.objects.count(), 1)
        self.assertEqual(InboundSMS.objects.count(), 1)
        self.assertEqual(OutboundMessage.objects.filter(recipient=SENDER).count(), 1)


class ClosedCaseSmsTests(TestCase):
    """A citizen's message about a closed case is not added; the reply says why."""

    def test_a_closed_case_takes_no_more_information_by_sms(self):
        from django.urls import reverse

        from cases.rules import Actor
        from tests.factories import make_case

        case = make_case(complainant_phone="0712345678")
        case = actions.withdraw_case(case=case, requested_by="The citizen", by=Actor.citizen())
        entries_before = CaseLogEntry.objects.filter(case=case).count()
        url = reverse("africastalking_sms", args=("test-callback-secret",))
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                url,
                {
                    "from": "+254712345678",
                    "to": "22384",
                    "text": f"{case.reference} the tap is still dry",
                    "date": "2026-11-29 10:00:00",
                    "id": "closed-case-1",
                    "linkId": "",
                    "networkCode": "63902",
                },
            )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(CaseLogEntry.objects.filter(case=case).count(), entries_before)
        reply = OutboundMessage.objects.get(event_key__contains="closed-case-1")
        self.assertIn("closed", reply.text)


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
class QueuedProcessingTests(TestCase):
    """In production the callback only logs the SMS and queues its processing."""

    def test_the_callback_answers_at_once_and_the_worker_acts_on_it_once(self):
        from django_tasks import default_task_backend

        from intake.gateways.sms import process_sms

        default_task_backend.clear()
        response = self.client.post(
            SMS_URL, {"from": SENDER, "text": "no water in Kisumu", "id": "ATXid_queued"}
        )
        self.assertEqual(response.status_code, 200)
        inbound = InboundSMS.objects.get()
        self.assertEqual((inbound.outcome, Case.objects.count()), ("", 0))
        (queued,) = default_task_backend.results
        self.assertEqual(queued.task.name, "process_sms_task")
        self.assertEqual(queued.args, [inbound.pk])

        process_sms(inbound.pk)
        process_sms(inbound.pk)  # a repeated task does nothing more
        self.assertEqual(Case.objects.count(), 1)
        self.assertEqual(OutboundMessage.objects.filter(recipient=SENDER).count(), 1)

    def test_a_message_no_worker_processed_is_picked_up_by_the_command(self):
        import datetime
        from io import StringIO

        from django.core.management import call_command

        self.client.post(SMS_URL, {"from": SENDER, "text": "no water", "id": "ATXid_left"})
        InboundSMS.objects.update(received_at=timezone.now() - datetime.timedelta(minutes=5))
        out = StringIO()
        call_command("process_inbound_sms", stdout=out)
        self.assertIn("Processed 1", out.getvalue())
        self.assertEqual(Case.objects.count(), 1)
