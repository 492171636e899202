"""A supervisor answers a citizen's access, correction and erasure requests from the admin."""

import io
import json
import os

from django.apps import apps
from django.db import models
from django.test import TestCase
from django.urls import reverse
from pypdf import PdfReader

from cases.models import AccessKind, Case, CaseLogEntry, StaffAccess
from privacy import requests
from privacy.sources import Person
from tests.factories import case_worker

from .dataset import EMAIL, HOUSE, PHONE, SECRETS, build


def every_text_in_the_database():
    """All text of every row of every project model, to look for what must be gone."""
    texts = []
    for model in apps.get_models():
        if model._meta.app_label not in {"cases", "notify", "intake", "open311", "privacy"}:
            continue
        fields = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField)
        ]
        for row in model.objects.values_list(*fields):
            texts.append(" ".join(str(value) for value in row))
    return "\n".join(texts)


class SubjectRequestTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.boss, cls.web, cls.sms_case, cls.evidence_path = build()
        cls.worker = case_worker("worker")

    def setUp(self):
        self.client.force_login(self.boss)

    def test_finds_everything_by_phone_or_email(self):
        response = self.client.get(reverse("privacy_search"), {"phone": "0712 345 678"})
        self.assertContains(response, self.web.reference)
        self.assertContains(response, self.sms_case.reference)
        findings = requests.find(Person(phone=PHONE))
        self.assertEqual(findings.counts()["cases"], 2)
        self.assertGreaterEqual(findings.counts()["messages"], 3)
        self.assertEqual(findings.counts()["inbound_sms"], 1)
        self.assertEqual(findings.counts()["ussd_sessions"], 1)
        self.assertEqual(findings.counts()["voice_calls"], 1)
        by_email = requests.find(Person(email=EMAIL.upper().lower()))
        self.assertEqual(by_email.counts()["cases"], 1)

    def test_access_request_downloads_json_and_pdf_and_is_logged(self):
        query = {"phone": PHONE, "email": EMAIL}
        response = self.client.get(reverse("privacy_download", args=["json"]), query)
        data = json.loads(response.content)
        self.assertEqual(
            {case["reference"] for case in data["cases"]},
            {
                self.web.reference,
                self.sms_case.reference,
            },
        )
        web = next(case for case in data["cases"] if case["reference"] == self.web.reference)
        self.assertIn(HOUSE, web["what_happened"])
        self.assertEqual(web["evidence"][0]["name"], "achieng-letter.pdf")
        self.assertTrue(any(e["summary"] == "Forwarded to Kisumu Water." for e in web["timeline"]))
        self.assertEqual(data["inbound_sms"][0]["text"], "Hakuna maji Kisumu")
        pdf = self.client.get(reverse("privacy_download", args=["pdf"]), query)
        self.assertEqual(pdf["Content-Type"], "application/pdf")
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
        self.assertIn(self.web.reference, text)
        logged = StaffAccess.objects.filter(kind=AccessKind.SUBJECT_ACCESS, user=self.boss)
        self.assertEqual(logged.count(), 2)
        self.assertNotIn(PHONE, " ".join(logged.values_list("detail", flat=True)))

    def test_erasure_leaves_no_trace_and_keeps_the_statistics(self):
        before = Case.objects.filter(pk=self.web.pk).values(
            "sector", "county", "received_at", "closed_at", "state", "outcome"
        )[0]
        response = self.client.post(
            reverse("privacy_erase"),
            {
                "phone": "0712 345 678",
                "email": EMAIL,
                "mentions": HOUSE,
                "own_words": "on",
                "confirm": "on",
            },
        )
        self.assertEqual(response.status_code, 302)
        everything = every_text_in_the_database()
        for secret in SECRETS:
            self.assertNotIn(secret, everything)
        self.assertFalse(os.path.exists(self.evidence_path))
        after = Case.objects.filter(pk=self.web.pk).values(*before)[0]
        self.assertEqual(after, before)
        entry = CaseLogEntry.objects.filter(case=self.web, action="cases.erase_personal_data").get()
        self.assertEqual(entry.user, self.boss)
        self.assertFalse(entry.is_public)
        self.assertEqual(requests.find(Person(phone=PHONE)).total, 0)
        self.assertTrue(StaffAccess.objects.filter(kind=AccessKind.ERASURE).exists())

    def test_erasure_without_own_words_keeps_the_complaint(self):
        requests.erase(requests.find(Person(phone=PHONE)), by=self.boss, mentions=[HOUSE])
        case = Case.objects.get(pk=self.web.pk)
        self.assertIn("No water for three weeks", case.description)
        self.assertNotIn("Achieng", case.description)
        self.assertNotIn(HOUSE, case.description)
        self.assertEqual(case.complainant_phone, "")

    def test_erasure_asks_for_confirmation(self):
        response = self.client.post(reverse("privacy_erase"), {"phone": PHONE})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(Case.objects.filter(complainant_phone=PHONE).count(), 2)

    def test_correction_on_every_case(self):
        response = self.client.post(
            reverse("privacy_correct"),
            {"phone": PHONE, "new_phone": "0722 000 111", "new_name": "Achieng A. Otieno"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Case.objects.filter(complainant_phone="+254722000111").count(), 2)
        entry = CaseLogEntry.objects.filter(action="cases.correct_personal_data").first()
        self.assertNotIn("0722", entry.text + json.dumps(entry.data))

    def test_only_those_who_may_answer_requests_reach_the_pages(self):
        self.client.force_login(self.worker)
        for name in ("privacy_search", "privacy_erase", "privacy_correct"):
            with self.subTest(name=name):
                self.assertNotEqual(self.client.get(reverse(name)).status_code, 200)
        response = self.client.get(reverse("privacy_download", args=["json"]), {"phone": PHONE})
        self.assertNotEqual(response.status_code, 200)

    def test_a_bad_phone_number_is_a_form_error(self):
        response = self.client.get(reverse("privacy_search"), {"phone": "12"})
        self.assertContains(response, "Enter a valid phone number", status_code=400)
