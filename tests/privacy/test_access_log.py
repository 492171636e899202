"""Every staff look at a complainant's personal data is recorded, and supervisors read it."""

import io

from django.core.files.base import ContentFile
from django.test import TestCase
from django.urls import reverse

from cases import actions
from cases.models import AccessKind, StaffAccess
from cases.rules import Actor
from tests.factories import case_worker, make_case, supervisor


class AccessLogTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.worker = case_worker("wanjiru")
        cls.boss = supervisor("boss")
        cls.case = make_case()
        cls.attachment = actions.add_attachment(
            case=cls.case,
            file=ContentFile(b"%PDF-1.4 x", name="x.pdf"),
            content_type="application/pdf",
            by=Actor.citizen(),
        )

    def test_views_downloads_pdfs_and_exports_are_recorded(self):
        self.client.force_login(self.worker)
        pk = self.case.pk
        self.client.get(reverse("cases:inspect", args=[pk]))
        self.client.get(reverse("cases:history", args=[pk]))
        b"".join(self.client.get(reverse("evidence_download", args=[self.attachment.pk])))
        self.client.get(reverse("cases:summary_pdf", args=[pk]))
        self.client.get(reverse("cases:citizen_pdf", args=[pk]))
        export = self.client.get(reverse("cases:index"), {"export": "csv"})
        b"".join(export.streaming_content)
        kinds = list(
            StaffAccess.objects.filter(user=self.worker)
            .order_by("at", "pk")
            .values_list("kind", "case_id")
        )
        self.assertEqual(
            kinds,
            [
                (AccessKind.VIEW, pk),
                (AccessKind.HISTORY, pk),
                (AccessKind.EVIDENCE, pk),
                (AccessKind.PDF, pk),
                (AccessKind.PDF, pk),
                (AccessKind.EXPORT, None),
            ],
        )

    def test_supervisors_read_and_filter_the_log_and_workers_cannot(self):
        self.client.force_login(self.worker)
        self.client.get(reverse("cases:inspect", args=[self.case.pk]))
        listing = self.client.get(reverse("staff_access:index"))
        self.assertNotEqual(listing.status_code, 200)

        self.client.force_login(self.boss)
        listing = self.client.get(reverse("staff_access:index"), {"kind": "view"})
        self.assertContains(listing, "wanjiru")
        self.assertContains(listing, self.case.reference)
        filtered = self.client.get(reverse("staff_access:index"), {"kind": "export"})
        self.assertNotContains(filtered, self.case.reference)
        csv = self.client.get(reverse("staff_access:index"), {"export": "csv"})
        self.assertIn("wanjiru", b"".join(csv.streaming_content).decode())
        self.assertNotIn("Achieng", io.StringIO(listing.content.decode()).getvalue())
