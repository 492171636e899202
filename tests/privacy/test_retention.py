"""The retention schedule, tested in sequence as GlobaLeaks tests its cleaning job: before
each period ends everything survives; after it, the personal data and the files on disk are
gone and the statistics remain."""

import datetime
import os

from django.core.management import call_command
from django.test import TestCase, override_settings
from django.utils import timezone

from cases.models import Case, CaseAttachment, CaseLogEntry, StaffAccess
from intake.models import InboundSMS, UssdSession, VoiceCall
from notify.models import OutboundMessage
from privacy.retention import apply_retention

from .dataset import EMAIL, PHONE, SECRETS, build

DAY = datetime.timedelta(days=1)


@override_settings(
    RETENTION_DAYS={
        "closed_cases": 1095,
        "evidence": 365,
        "outbox": 90,
        "gateway_records": 90,
        "task_results": 30,
        "access_log": 730,
        "sign_in_log": 90,
    }
)
class RetentionSequenceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.boss, cls.web, cls.sms_case, cls.evidence_path = build()
        StaffAccess.objects.create(user=cls.boss, username="dpo", kind="view", case=cls.web)
        cls.closed_at = Case.objects.get(pk=cls.web.pk).closed_at
        cls.statistics = ("sector", "county", "received_at", "closed_at", "state", "outcome")

    def at(self, days_after_closing):
        return self.closed_at + datetime.timedelta(days=days_after_closing)

    def web_case(self):
        return Case.objects.get(pk=self.web.pk)

    def test_each_period_in_turn(self):
        stats = Case.objects.filter(pk=self.web.pk).values(*self.statistics)[0]
        sms_created = InboundSMS.objects.get().received_at

        # The day before anything is due: everything survives.
        apply_retention(now=timezone.now() + 89 * DAY)
        self.assertTrue(os.path.exists(self.evidence_path))
        self.assertEqual(InboundSMS.objects.count(), 1)
        self.assertTrue(OutboundMessage.objects.exists())

        # 91 days on: raw gateway records and old messages are gone; the cases are whole.
        apply_retention(now=max(sms_created, self.closed_at) + 91 * DAY)
        self.assertEqual(InboundSMS.objects.count(), 0)
        self.assertEqual(UssdSession.objects.count(), 0)
        self.assertEqual(VoiceCall.objects.count(), 0)
        self.assertFalse(OutboundMessage.objects.exclude(status__in=["queued", "sending"]).exists())
        self.assertEqual(self.web_case().complainant_phone, PHONE)
        self.assertTrue(os.path.exists(self.evidence_path))

        # A year after closing: the evidence goes, from the disk too; the rest stays.
        apply_retention(now=self.at(364))
        self.assertTrue(os.path.exists(self.evidence_path))
        apply_retention(now=self.at(366))
        self.assertFalse(os.path.exists(self.evidence_path))
        self.assertFalse(CaseAttachment.objects.filter(case=self.web).exists())
        self.assertEqual(self.web_case().complainant_email, EMAIL)

        # Three years after closing: the personal data goes, the statistics stay.
        apply_retention(now=self.at(1094))
        self.assertEqual(self.web_case().complainant_name, "Achieng Otieno")
        apply_retention(now=self.at(1096))
        case = self.web_case()
        for secret in SECRETS:
            self.assertNotIn(secret, f"{case.complainant_name} {case.complainant_phone}")
            self.assertNotIn(secret, case.description + case.location + case.response)
            for text in CaseLogEntry.objects.filter(case=case).values_list("text", flat=True):
                self.assertNotIn(secret, text)
        self.assertEqual(Case.objects.filter(pk=self.web.pk).values(*self.statistics)[0], stats)
        self.assertIsNotNone(case.personal_data_erased_at)
        entry = CaseLogEntry.objects.get(case=case, action="cases.erase_personal_data")
        self.assertEqual(entry.actor_label, "Retention schedule")
        # The open SMS case is not touched by the closed-case rule.
        self.assertEqual(Case.objects.get(pk=self.sms_case.pk).complainant_phone, PHONE)

        # Two years on the access log is pruned too; running again changes nothing.
        apply_retention(now=timezone.now() + 731 * DAY)
        self.assertFalse(StaffAccess.objects.filter(case=self.web, username="dpo").exists())
        self.assertEqual(
            str(apply_retention(now=self.at(1100)).counts.get("cases anonymised", 0)), "0"
        )

    def test_no_evidence_file_is_left_without_its_case(self):
        files = {a.pk: a.file.path for a in CaseAttachment.objects.all()}
        apply_retention(now=self.at(400))
        kept = set(CaseAttachment.objects.values_list("pk", flat=True))
        for pk, path in files.items():
            with self.subTest(attachment=pk):
                self.assertEqual(os.path.exists(path), pk in kept)

    def test_the_command_says_what_it_did(self):
        from io import StringIO

        out = StringIO()
        call_command("apply_retention", stdout=out)
        self.assertIn("Retention applied", out.getvalue())
