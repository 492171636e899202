"""The privacy notice states the retention schedule from the settings the portal applies."""

import io

from django.core.management import call_command
from django.test import TestCase, override_settings

from pages.models import StandardPage

SCHEDULE = {
    "closed_cases": 730,
    "evidence": 180,
    "outbox": 60,
    "gateway_records": 30,
    "task_results": 30,
    "access_log": 365,
    "sign_in_log": 90,
}


class PrivacyNoticeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_initial_content", stdout=io.StringIO())

    def notice(self, language):
        page = StandardPage.objects.get(slug="privacy" if language == "en" else "faragha")
        return self.client.get(page.url)

    def test_the_schedule_comes_from_the_settings(self):
        with override_settings(RETENTION_DAYS=SCHEDULE, TRACKING_ACCESS_DAYS_AFTER_CLOSE=92):
            english = self.notice("en")
            kiswahili = self.notice("sw")
        self.assertContains(english, "2 years after your case is closed")
        self.assertContains(english, "6 months after your case is closed")
        self.assertContains(english, "3 months after your case is closed")  # tracking
        self.assertContains(english, "2 months after they were sent")
        self.assertContains(kiswahili, "miaka 2 baada ya kesi yako kufungwa")
        self.assertContains(kiswahili, "miezi 2 baada ya kutumwa")

    def test_the_defaults_are_stated(self):
        english = self.notice("en")
        self.assertContains(english, "3 years after your case is closed")
        self.assertContains(english, "1 year after your case is closed")
        self.assertContains(english, "they stop working 6 months after your case is closed")
        self.assertContains(english, "a supervisor finds everything we hold about you")
