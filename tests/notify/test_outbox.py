import datetime
import io
import json
import smtplib
import urllib.error
from unittest import mock

from django.core import mail
from django.db import transaction
from django.test import SimpleTestCase, TestCase, override_settings
from django.utils import timezone

from notify import sending
from notify.backends import SMSOutcomeUnknown, SMSSendError, get_sms_backend, locmem
from notify.backends.africastalking import AfricasTalkingSMSBackend
from notify.backends.console import ConsoleSMSBackend
from notify.backends.locmem import LocMemSMSBackend
from notify.gsm import segment_count
from notify.models import MessageStatus, OutboundMessage
from notify.queueing import queue_message, retry_message
from notify.sending import record_delivery_report, send_message, stuck_messages

PHONE = "+254712345678"


def queue_sms(key="test:1", text="Habari", **kwargs):
    return queue_message(channel="sms", recipient=PHONE, text=text, event_key=key, **kwargs)


class QueueTests(TestCase):
    def test_one_event_makes_one_message(self):
        first = queue_sms("entry:1:citizen-sms")
        second = queue_sms("entry:1:citizen-sms", text="Something else")
        self.assertEqual(first.pk, second.pk)
        self.assertEqual(OutboundMessage.objects.count(), 1)
        self.assertEqual(OutboundMessage.objects.get().text, "Habari")

    def test_the_message_is_sent_after_commit(self):
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            message = queue_sms()
        self.assertEqual(locmem.outbox, [])  # nothing goes out before the commit
        for callback in callbacks:
            callback()
        message.refresh_from_db()
        self.assertEqual(message.status, MessageStatus.SENT)
        self.assertEqual(message.attempts, 1)
        self.assertEqual(message.gateway_id, locmem.outbox[0].gateway_id)
        self.assertEqual(locmem.outbox[0].recipient, PHONE)
        self.assertIsNotNone(message.sent_at)

    def test_a_queued_message_rolls_back_with_its_event(self):
        with self.assertRaises(RuntimeError), transaction.atomic():
            queue_sms()
            raise RuntimeError("the event failed")
        self.assertFalse(OutboundMessage.objects.exists())

    def test_a_second_queue_with_the_same_key_sends_nothing_more(self):
        with self.captureOnCommitCallbacks(execute=True):
            queue_sms()
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            queue_sms()
        self.assertEqual(callbacks, [])
        self.assertEqual(len(locmem.outbox), 1)

    def test_sms_text_is_fitted_and_subject_flattened(self):
        message = queue_sms(text="\u201cx\u201d " * 400)
        self.assertLessEqual(segment_count(message.text), 2)
        self.assertTrue(message.text.startswith('"x"'))
        email = queue_message(
            channel="email",
            recipient="a@example.org",
            subject="Line one\r\nBcc: evil@example.org",
            text="Body",
            event_key="test:email",
        )
        self.assertEqual(email.subject, "Line one Bcc: evil@example.org")

    def test_refuses_unknown_channel_and_empty_recipient(self):
        with self.assertRaises(ValueError):
            queue_message(channel="fax", recipient=PHONE, text="x", event_key="k1")
        with self.assertRaises(ValueError):
            queue_message(channel="sms", recipient=" ", text="x", event_key="k2")


class SendTests(TestCase):
    def setUp(self):
        # A moment after the messages a test queues (they are due at once).
        self.now = timezone.now() + datetime.timedelta(seconds=5)

    def later(self, minutes):
        return self.now + datetime.timedelta(minutes=minutes, seconds=1)

    def test_a_failing_gateway_is_retried_with_back_off(self):
        LocMemSMSBackend.fail_next = 2
        message = queue_sms()
        message = send_message(message.pk, now=self.now)
        self.assertEqual(message.status, MessageStatus.QUEUED)
        self.assertEqual(message.attempts, 1)
        self.assertIn("Simulated gateway failure", message.last_error)
        self.assertEqual(message.next_attempt_at, self.now + datetime.timedelta(minutes=1))

        # Not due yet: nothing happens.
        self.assertEqual(send_message(message.pk, now=self.now).attempts, 1)

        message = send_message(message.pk, now=self.later(1))
        self.assertEqual(message.attempts, 2)
        self.assertEqual(message.next_attempt_at, self.later(1) + datetime.timedelta(minutes=2))

        message = send_message(message.pk, now=self.later(4))
        self.assertEqual(message.status, MessageStatus.SENT)
        self.assertEqual(message.attempts, 3)
        self.assertEqual(message.last_error, "")
        self.assertEqual(len(locmem.outbox), 1)

    def test_back_off_doubles_and_is_capped(self):
        self.assertEqual(
            [sending.backoff(n) for n in (1, 2, 3, 4)],
            [datetime.timedelta(minutes=m) for m in (1, 2, 4, 8)],
        )
        self.assertEqual(sending.backoff(30), sending.BACKOFF_CAP)

    @override_settings(OUTBOX_MAX_ATTEMPTS=3)
    def test_marked_failed_after_the_limit(self):
        LocMemSMSBackend.fail_next = 10
        message = queue_sms()
        when = self.now
        for _attempt in range(3):
            message = send_message(message.pk, now=when)
            when = message.next_attempt_at + datetime.timedelta(seconds=1)
        self.assertEqual(message.status, MessageStatus.FAILED)
        self.assertEqual(message.attempts, 3)
        self.assertIn("Simulated gateway failure", message.last_error)
        # A failed message is never picked up again by itself.
        self.assertEqual(send_message(message.pk, now=self.later(600)).attempts, 3)
        self.assertEqual(locmem.outbox, [])

    def test_a_permanent_refusal_fails_at_once(self):
        backend = mock.Mock()
        backend.send.side_effect = SMSSendError("InvalidPhoneNumber", permanent=True)
        message = send_message(queue_sms().pk, now=self.now, sms_backend=backend)
        self.assertEqual(message.status, MessageStatus.FAILED)
        self.assertEqual(message.attempts, 1)

    def test_an_unknown_outcome_stays_in_sending_and_is_reported_not_resent(self):
        LocMemSMSBackend.outcome_unknown_next = 1
        message = send_message(queue_sms().pk, now=self.now)
        self.assertEqual(message.status, MessageStatus.SENDING)
        self.assertIn("Outcome unknown", message.last_error)

        # Neither a retry of the task nor a later run sends it again.
        self.assertEqual(send_message(message.pk, now=self.later(60)).status, "sending")
        self.assertEqual(locmem.outbox, [])

        self.assertNotIn(message, stuck_messages(now=self.later(5)))
        self.assertIn(message, stuck_messages(now=self.later(16)))

    def test_a_message_marked_sending_is_never_claimed_twice(self):
        message = queue_sms()
        OutboundMessage.objects.filter(pk=message.pk).update(
            status=MessageStatus.SENDING, last_attempt_at=self.now
        )
        self.assertEqual(send_message(message.pk).status, MessageStatus.SENDING)
        self.assertEqual(locmem.outbox, [])

    def test_unknown_message_id(self):
        self.assertIsNone(send_message(999999))

    def test_the_access_code_is_masked_once_sent(self):
        message = queue_sms(text="Code ABCD2345, ref HUD-1", sensitive=["ABCD2345"])
        message = send_message(message.pk)
        self.assertEqual(locmem.outbox[0].text, "Code ABCD2345, ref HUD-1")
        self.assertEqual(message.text, "Code ********, ref HUD-1")
        self.assertEqual(message.sensitive, [])

    def test_email_goes_through_the_email_backend(self):
        message = queue_message(
            channel="email",
            recipient="achieng@example.org",
            subject="Your case",
            text="Hello",
            event_key="test:email",
            language="sw",
        )
        message = send_message(message.pk)
        self.assertEqual(message.status, MessageStatus.SENT)
        self.assertEqual(len(mail.outbox), 1)
        sent = mail.outbox[0]
        self.assertEqual(sent.to, ["achieng@example.org"])
        self.assertEqual(sent.subject, "Your case")
        self.assertEqual(sent.extra_headers["Message-ID"], message.gateway_id)
        self.assertEqual(sent.extra_headers["Auto-Submitted"], "auto-generated")

    def test_a_refusing_mail_server_is_retried(self):
        message = queue_message(
            channel="email", recipient="a@example.org", text="x", event_key="test:email"
        )
        with mock.patch(
            "notify.sending.EmailMessage.send",
            side_effect=smtplib.SMTPServerDisconnected("gone"),
        ):
            message = send_message(message.pk, now=self.now)
        self.assertEqual(message.status, MessageStatus.QUEUED)
        self.assertIn("SMTPServerDisconnected", message.last_error)

    def test_retry_requeues_a_failed_message(self):
        message = queue_sms()
        OutboundMessage.objects.filter(pk=message.pk).update(
            status=MessageStatus.FAILED, attempts=6, last_error="x"
        )
        with self.captureOnCommitCallbacks(execute=True):
            self.assertTrue(retry_message(message))
        message.refresh_from_db()
        self.assertEqual(message.status, MessageStatus.SENT)
        self.assertEqual(message.attempts, 1)
        self.assertEqual(len(locmem.outbox), 1)
        # A sent message cannot be "retried".
        self.assertFalse(retry_message(message))


class DeliveryReportTests(TestCase):
    def setUp(self):
        self.message = send_message(queue_sms().pk)
        self.gateway_id = self.message.gateway_id

    def test_success_marks_delivered(self):
        message = record_delivery_report(gateway_id=self.gateway_id, status="Success")
        self.assertEqual(message.status, MessageStatus.DELIVERED)
        self.assertIsNotNone(message.delivered_at)

    def test_failure_keeps_the_reason(self):
        message = record_delivery_report(
            gateway_id=self.gateway_id, status="Failed", failure_reason="AbsentSubscriber"
        )
        self.assertEqual(message.status, MessageStatus.FAILED)
        self.assertEqual(message.last_error, "AbsentSubscriber")
        message = record_delivery_report(gateway_id=self.gateway_id, status="Rejected")
        self.assertEqual(message.status, MessageStatus.FAILED)

    def test_intermediate_statuses_mean_sent(self):
        for status in ("Sent", "Submitted", "Buffered"):
            message = record_delivery_report(gateway_id=self.gateway_id, status=status)
            self.assertEqual(message.status, MessageStatus.SENT)

    def test_unknown_ids_are_ignored(self):
        self.assertIsNone(record_delivery_report(gateway_id="ATXid_unknown", status="Success"))
        self.assertIsNone(record_delivery_report(gateway_id="", status="Success"))

    def test_unknown_status_and_late_reports_change_nothing(self):
        message = record_delivery_report(gateway_id=self.gateway_id, status="Teleported")
        self.assertEqual(message.status, MessageStatus.SENT)
        record_delivery_report(gateway_id=self.gateway_id, status="Success")
        message = record_delivery_report(gateway_id=self.gateway_id, status="Buffered")
        self.assertEqual(message.status, MessageStatus.DELIVERED)


class FakeResponse(io.BytesIO):
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def at_answer(status_code=101, status="Success", message_id="ATXid_123"):
    return json.dumps(
        {
            "SMSMessageData": {
                "Message": "Sent to 1/1 Total Cost: KES 0.8000",
                "Recipients": [
                    {
                        "statusCode": status_code,
                        "number": PHONE,
                        "status": status,
                        "cost": "KES 0.8000",
                        "messageId": message_id,
                    }
                ],
            }
        }
    ).encode()


class AfricasTalkingBackendTests(SimpleTestCase):
    def backend(self, **kwargs):
        options = {"username": "huduma", "api_key": "secret-key", "sender_id": "HUDUMA"}
        options.update(kwargs)
        return AfricasTalkingSMSBackend(**options)

    def test_posts_the_documented_request_and_returns_the_message_id(self):
        with mock.patch(
            "urllib.request.urlopen", return_value=FakeResponse(at_answer())
        ) as urlopen:
            gateway_id = self.backend().send(PHONE, "Habari yako")
        self.assertEqual(gateway_id, "ATXid_123")
        request = urlopen.call_args.args[0]
        self.assertEqual(urlopen.call_args.kwargs["timeout"], 10)
        self.assertEqual(request.full_url, "https://api.africastalking.com/version1/messaging")
        self.assertEqual(request.get_method(), "POST")
        self.assertEqual(request.get_header("Apikey"), "secret-key")
        self.assertEqual(request.get_header("Accept"), "application/json")
        self.assertEqual(
            request.data.decode(),
            "username=huduma&to=%2B254712345678&message=Habari+yako&from=HUDUMA",
        )

    def test_sandbox_host_and_no_sender(self):
        with mock.patch(
            "urllib.request.urlopen", return_value=FakeResponse(at_answer())
        ) as urlopen:
            self.backend(username="sandbox", sender_id="").send(PHONE, "x")
        request = urlopen.call_args.args[0]
        self.assertEqual(
            request.full_url, "https://api.sandbox.africastalking.com/version1/messaging"
        )
        self.assertNotIn("from=", request.data.decode())

    def test_refusals(self):
        answer = FakeResponse(at_answer(403, "InvalidPhoneNumber", "None"))
        with (
            mock.patch("urllib.request.urlopen", return_value=answer),
            self.assertRaises(SMSSendError) as refused,
        ):
            self.backend().send(PHONE, "x")
        self.assertTrue(refused.exception.permanent)

        answer = FakeResponse(at_answer(405, "InsufficientBalance", "None"))
        with (
            mock.patch("urllib.request.urlopen", return_value=answer),
            self.assertRaises(SMSSendError) as refused,
        ):
            self.backend().send(PHONE, "x")
        self.assertFalse(refused.exception.permanent)

    def test_http_and_connection_errors_mean_not_sent(self):
        http_error = urllib.error.HTTPError(
            "https://api.africastalking.com", 401, "Unauthorized", {}, io.BytesIO(b"bad key")
        )
        for error in (http_error, urllib.error.URLError("connection refused")):
            with (
                mock.patch("urllib.request.urlopen", side_effect=error),
                self.assertRaises(SMSSendError),
            ):
                self.backend().send(PHONE, "x")

    def test_no_answer_after_sending_means_outcome_unknown(self):
        with (
            mock.patch("urllib.request.urlopen", side_effect=TimeoutError("timed out")),
            self.assertRaises(SMSOutcomeUnknown),
        ):
            self.backend().send(PHONE, "x")
        with (
            mock.patch("urllib.request.urlopen", return_value=FakeResponse(b"<html>")),
            self.assertRaises(SMSOutcomeUnknown),
        ):
            self.backend().send(PHONE, "x")

    def test_without_an_api_key_nothing_is_attempted(self):
        with mock.patch("urllib.request.urlopen") as urlopen, self.assertRaises(SMSSendError):
            self.backend(api_key="").send(PHONE, "x")
        urlopen.assert_not_called()


class BackendSelectionTests(SimpleTestCase):
    def test_the_setting_chooses_the_backend(self):
        self.assertIsInstance(get_sms_backend(), LocMemSMSBackend)
        self.assertIsInstance(
            get_sms_backend("notify.backends.console.ConsoleSMSBackend"), ConsoleSMSBackend
        )

    def test_console_backend_prints(self):
        stream = io.StringIO()
        gateway_id = ConsoleSMSBackend(stream=stream).send(PHONE, "Habari")
        self.assertIn(PHONE, stream.getvalue())
        self.assertIn("Habari", stream.getvalue())
        self.assertTrue(gateway_id.startswith("console-"))
