import datetime
from unittest import mock

from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from cases import actions
from cases.models import Case, CaseState
from notify.links import make_response_token
from tests.factories import AuthorityFactory, case_worker, make_case, supervisor
from tests.intake.test_evidence import small_pdf

PDF_BYTES = small_pdf()


class AuthorityResponseTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.worker = case_worker()
        cls.supervisor = supervisor()
        cls.water = AuthorityFactory(name="Nairobi City Water", sectors=["water"])

    def forwarded(self, **kwargs):
        return actions.forward_case(case=make_case(**kwargs), authority=self.water, by=self.worker)

    def url(self, case):
        return reverse("authority_respond", args=(make_response_token(case),))

    def test_the_authority_reads_the_case_and_responds_once(self):
        case = self.forwarded()
        url = self.url(case)
        page = self.client.get(url)
        self.assertContains(page, case.reference)
        self.assertContains(page, case.description)
        self.assertEqual(set(page["Cache-Control"].split(", ")), {"no-store", "private"})

        response = self.client.post(url, {"response": "A new pump was fitted on Monday."})
        self.assertRedirects(response, reverse("authority_response_thanks"))
        case.refresh_from_db()
        self.assertEqual(case.state, CaseState.RESPONDED)
        entry = case.timeline.last()
        self.assertEqual((entry.actor_kind, entry.actor_label), ("authority", self.water.name))

        again = self.client.get(url)
        self.assertEqual(again.status_code, 410)
        self.assertEqual(self.client.post(url, {"response": "Second try"}).status_code, 410)

    def test_identity_is_shown_only_with_consent(self):
        hidden = self.client.get(self.url(self.forwarded(consent_to_share_identity=False)))
        self.assertNotContains(hidden, "Achieng Otieno")
        self.assertNotContains(hidden, "+254712345678")
        shown = self.client.get(self.url(self.forwarded(consent_to_share_identity=True)))
        self.assertContains(shown, "Achieng Otieno")

    def test_a_recall_or_an_escalation_kills_the_link(self):
        case = self.forwarded()
        url = self.url(case)
        actions.recall_case(case=case, by=self.supervisor)
        self.assertEqual(self.client.get(url).status_code, 410)

        case = Case.objects.get(pk=case.pk)
        case = actions.forward_case(case=case, authority=self.water, by=self.worker)
        new_url = self.url(case)
        self.assertNotEqual(new_url, url)
        self.assertEqual(self.client.get(new_url).status_code, 200)
        self.assertEqual(self.client.get(url).status_code, 410)

    def test_the_link_expires_after_30_days(self):
        case = self.forwarded()
        url = self.url(case)
        later = datetime.datetime.now().timestamp() + 31 * 24 * 3600
        with mock.patch("django.core.signing.time.time", return_value=later):
            self.assertEqual(self.client.get(url).status_code, 410)

    def test_a_forged_token_gets_the_same_dead_link_page(self):
        case = self.forwarded()
        forged = signing.dumps({"c": case.pk, "n": "guess"}, salt="cases.authority-response")
        self.assertEqual(
            self.client.get(reverse("authority_respond", args=(forged,))).status_code, 410
        )
        self.assertEqual(self.client.get("/respond/not-a-token/").status_code, 410)

    def test_an_empty_response_is_refused_with_a_clear_error(self):
        case = self.forwarded()
        response = self.client.post(self.url(case), {"response": "  "})
        self.assertContains(response, "This field is required", status_code=400)
        case.refresh_from_db()
        self.assertEqual(case.state, CaseState.FORWARDED)

    def test_a_document_can_go_with_the_response_but_not_a_disguised_file(self):
        case = self.forwarded()
        url = self.url(case)
        fake = SimpleUploadedFile("letter.pdf", b"<html><script>alert(1)</script></html>")
        refused = self.client.post(url, {"response": "See letter", "document": fake})
        self.assertEqual(refused.status_code, 400)
        self.assertContains(refused, "not a photo, voice note, video or PDF", status_code=400)

        letter = SimpleUploadedFile("letter.pdf", PDF_BYTES, content_type="application/pdf")
        self.client.post(url, {"response": "See letter", "document": letter})
        case.refresh_from_db()
        self.assertEqual(case.state, CaseState.RESPONDED)
        attachment = case.attachments.get()
        self.assertEqual(attachment.content_type, "application/pdf")
        self.assertEqual(attachment.uploaded_by_kind, "authority")
        attachment.file.delete(save=False)
