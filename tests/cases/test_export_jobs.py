"""The listing's PDF report and large exports are made in the background: the request answers
at once, the case worker follows the file, and only they (or a supervisor) download it."""

import csv
import datetime
import io

from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from cases.models import AccessKind, ExportJob, ExportStatus, StaffAccess
from privacy.retention import apply_retention
from tests.factories import case_worker, make_case, supervisor


class ExportJobTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.worker = case_worker("wanjiru")
        cls.other = case_worker("otieno")
        cls.boss = supervisor("boss")
        cls.cases = [make_case() for _ in range(3)]
        cls.kisumu = make_case(county_name="Kisumu", description="Kisumu borehole broken")

    def test_the_pdf_report_is_made_in_the_background(self):
        self.client.force_login(self.worker)
        confirm = self.client.get(reverse("cases:listing_pdf"), {"county": self.kisumu.county_id})
        self.assertContains(confirm, "The report covers 1 case.")
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            response = self.client.post(
                reverse("cases:listing_pdf") + f"?county={self.kisumu.county_id}"
            )
        self.assertRedirects(response, reverse("cases:downloads"))
        job = ExportJob.objects.get()
        self.assertEqual((job.status, job.rows, job.owner), (ExportStatus.QUEUED, 1, self.worker))
        waiting = self.client.get(reverse("cases:downloads"))
        self.assertContains(waiting, 'http-equiv="refresh"')
        self.assertContains(waiting, "Waiting")

        for callback in callbacks:  # the task, as the worker would run it
            callback()
        job.refresh_from_db()
        self.assertEqual(job.status, ExportStatus.READY)
        home = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(home, "Downloads (1 ready)")
        page = self.client.get(reverse("cases:downloads"))
        self.assertNotContains(page, 'http-equiv="refresh"')
        pdf = self.client.get(reverse("cases:download", args=[job.pk]))
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(b"".join(pdf))).pages)
        self.assertIn(self.kisumu.reference, text)
        self.assertNotIn(self.cases[0].reference, text)
        self.assertTrue(StaffAccess.objects.filter(user=self.worker, kind=AccessKind.EXPORT))

    @override_settings(EXPORT_INLINE_MAX_ROWS=2)
    def test_a_large_spreadsheet_export_is_made_in_the_background_too(self):
        self.client.force_login(self.worker)
        small = self.client.get(
            reverse("cases:index"), {"export": "csv", "county": self.kisumu.county_id}
        )
        self.assertTrue(small["Content-Type"].startswith("text/csv"))  # few: at once
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.get(reverse("cases:index"), {"export": "csv"})
        self.assertRedirects(response, reverse("cases:downloads"))
        job = ExportJob.objects.get()
        self.assertEqual((job.kind, job.status), ("csv", ExportStatus.READY))
        content = b"".join(self.client.get(reverse("cases:download", args=[job.pk]))).decode()
        rows = list(csv.reader(io.StringIO(content)))
        self.assertEqual(len(rows), 1 + 4)  # the listing's own heading row and columns
        self.assertIn("What happened", rows[0])

    def test_only_the_owner_or_a_supervisor_downloads_it(self):
        self.client.force_login(self.worker)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(reverse("cases:listing_pdf"))
        job = ExportJob.objects.get()
        url = reverse("cases:download", args=[job.pk])
        self.client.force_login(self.other)
        self.assertEqual(self.client.get(url).status_code, 404)
        self.assertNotContains(self.client.get(reverse("cases:downloads")), url)
        self.client.force_login(self.boss)
        self.assertEqual(self.client.get(url).status_code, 200)

    def test_expired_exports_are_deleted_with_their_files(self):
        self.client.force_login(self.worker)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(reverse("cases:listing_pdf"))
        job = ExportJob.objects.get()
        path = job.file.path
        apply_retention(now=timezone.now() + datetime.timedelta(hours=25))
        self.assertFalse(ExportJob.objects.exists())
        import os

        self.assertFalse(os.path.exists(path))
