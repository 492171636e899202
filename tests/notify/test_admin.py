import datetime

from django.test import TestCase
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from notify.models import MessageStatus, MessageTemplate, OutboundMessage
from tests.factories import UserFactory, case_worker, make_case, supervisor


class OutboxAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = UserFactory(username="admin", is_superuser=True)
        cls.supervisor = supervisor()
        cls.kisumu_supervisor = supervisor("kisumu-supervisor", counties=["Kisumu"])
        cls.worker = case_worker()
        cls.case = make_case()  # Nairobi: its acknowledgement is queued
        cls.acknowledgement = OutboundMessage.objects.get(case=cls.case)
        cls.failed = OutboundMessage.objects.create(
            channel="sms",
            recipient="+254700000001",
            text="Failed one",
            event_key="test:failed",
            case=cls.case,
            status=MessageStatus.FAILED,
            attempts=6,
            last_error="Simulated gateway failure",
        )

    def test_listing_and_inspect_for_a_supervisor(self):
        self.client.force_login(self.supervisor)
        response = self.client.get(reverse("outbox:index"))
        self.assertContains(response, "+254700000001")
        response = self.client.get(reverse("outbox:index") + "?status=failed")
        self.assertContains(response, "+254700000001")
        self.assertNotContains(response, "+254712345678")
        response = self.client.get(reverse("outbox:inspect", args=[self.acknowledgement.pk]))
        self.assertContains(response, self.case.reference)
        # Staff never see the citizen's access code, even before the message is sent.
        self.assertNotContains(response, self.case.access_code)

    def test_nobody_adds_edits_or_deletes_messages(self):
        for name in ("add", "edit", "delete", "copy"):
            with self.subTest(name=name), self.assertRaises(NoReverseMatch):
                reverse(f"outbox:{name}", args=[] if name == "add" else [self.failed.pk])
        self.client.force_login(self.admin)
        response = self.client.get(reverse("outbox:inspect", args=[self.failed.pk]))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "/edit/")

    def test_county_limits_apply(self):
        self.client.force_login(self.kisumu_supervisor)
        response = self.client.get(reverse("outbox:index"))
        self.assertNotContains(response, "+254700000001")
        response = self.client.get(reverse("outbox:inspect", args=[self.failed.pk]))
        self.assertEqual(response.status_code, 404)
        response = self.client.post(reverse("outbox:retry", args=[self.failed.pk]))
        self.assertEqual(response.status_code, 404)

    def test_case_workers_do_not_see_the_outbox(self):
        self.client.force_login(self.worker)
        response = self.client.get(reverse("outbox:index"))
        self.assertNotEqual(response.status_code, 200)

    def test_retry_a_failed_message(self):
        self.client.force_login(self.supervisor)
        response = self.client.get(reverse("outbox:inspect", args=[self.failed.pk]))
        self.assertContains(response, reverse("outbox:retry", args=[self.failed.pk]))
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(reverse("outbox:retry", args=[self.failed.pk]))
        self.assertRedirects(response, reverse("outbox:inspect", args=[self.failed.pk]))
        self.failed.refresh_from_db()
        self.assertEqual(self.failed.status, MessageStatus.SENT)
        # A sent message offers no retry, and a GET changes nothing.
        response = self.client.get(reverse("outbox:inspect", args=[self.failed.pk]))
        self.assertNotContains(response, reverse("outbox:retry", args=[self.failed.pk]))
        response = self.client.get(reverse("outbox:retry", args=[self.failed.pk]))
        self.assertEqual(response.status_code, 405)

    def test_dashboard_shows_failed_and_stuck_messages(self):
        OutboundMessage.objects.create(
            channel="sms",
            recipient="+254700000002",
            text="Stuck",
            event_key="test:stuck",
            case=self.case,
            status=MessageStatus.SENDING,
            last_attempt_at=timezone.now() - datetime.timedelta(hours=1),
        )
        self.client.force_login(self.supervisor)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, "Messages to check")
        self.assertContains(response, "1 message could not be sent")
        self.assertContains(response, "1 message stuck in")
        self.assertContains(response, "+254700000002")

        self.client.force_login(self.worker)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertNotContains(response, "Messages to check")


class MessageTemplateAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.supervisor = supervisor()

    def test_supervisors_edit_templates_and_typos_are_caught(self):
        template = MessageTemplate.objects.get(event="case_closed", channel="sms", language="en")
        self.client.force_login(self.supervisor)
        listing = self.client.get(reverse("wagtailsnippets_notify_messagetemplate:list"))
        self.assertContains(listing, "Citizen: Closed")
        url = reverse("wagtailsnippets_notify_messagetemplate:edit", args=[template.pk])
        data = {
            "event": "case_closed",
            "channel": "sms",
            "language": "en",
            "subject": "",
            "body": "Case {refrence} closed. {tracking_link}",
        }
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Unknown placeholder: {refrence}")
        data["body"] = "Case {reference} closed. {tracking_link}"
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        template.refresh_from_db()
        self.assertEqual(template.body, "Case {reference} closed. {tracking_link}")

    def test_no_copy_view(self):
        with self.assertRaises(NoReverseMatch):
            reverse("wagtailsnippets_notify_messagetemplate:copy", args=[1])
