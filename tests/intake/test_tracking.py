"""The citizen's tracking pages: finding a case, following it, and acting on it."""

import re

from django.core.cache import cache
from django.test import Client, TestCase, override_settings

from cases import actions
from cases.models import Case, CaseAttachment, CaseLogEntry
from cases.rules import Actor
from tests.factories import AuthorityFactory, case_worker, make_case
from tests.intake.test_evidence import html_as_jpeg, photo_upload

LOOKUP_URL = "/track/"
NOT_FOUND = "We could not find a case with that reference and code."


def without_csrf_token(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


class TrackingTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.worker = case_worker("worker")
        cls.worker.first_name, cls.worker.last_name = "Wanjiru", "Kamau"
        cls.worker.save()
        cls.water = AuthorityFactory(
            name="Nairobi City Water and Sewerage Company",
            sectors=["water"],
            counties=["Nairobi City"],
        )

    def setUp(self):
        cache.clear()
        self.case = make_case()
        self.code = self.case.access_code

    def page_url(self, case=None):
        return f"/track/{(case or self.case).tracking_token}/"

    def look_up(self, reference, code, **extra):
        return self.client.post(LOOKUP_URL, {"reference": reference, "access_code": code}, **extra)

    def forward(self):
        self.case = actions.forward_case(case=self.case, authority=self.water, by=self.worker)
        return self.case

    def respond(self, text="The kiosk was repaired on Monday."):
        self.forward()
        self.case = actions.respond_to_case(
            case=self.case, response=text, by=Actor.for_authority(self.water)
        )
        return self.case

    def reload(self):
        self.case = Case.objects.get(pk=self.case.pk)
        return self.case


class LookupTests(TrackingTestCase):
    def test_the_right_code_redirects_to_the_tracking_page(self):
        response = self.look_up(self.case.reference, self.code)
        self.assertRedirects(response, self.page_url())

    def test_code_and_reference_are_forgiving_about_case_spaces_and_dashes(self):
        code = f"{self.code[:4].lower()}-{self.code[4:].lower()} "
        response = self.look_up(f" {self.case.reference.lower()} ", code)
        self.assertRedirects(response, self.page_url())

    def test_wrong_code_and_unknown_reference_get_the_same_answer(self):
        wrong_code = self.look_up(self.case.reference, "ABCDEFGH")
        cache.clear()
        unknown = self.look_up("HUD-2026-999999", "ABCDEFGH")

        self.assertEqual(wrong_code.status_code, unknown.status_code)
        self.assertContains(wrong_code, NOT_FOUND)
        self.assertContains(unknown, NOT_FOUND)
        page = without_csrf_token(wrong_code.text).replace(self.case.reference, "REF")
        self.assertEqual(page, without_csrf_token(unknown.text).replace("HUD-2026-999999", "REF"))

    def test_five_wrong_tries_lock_the_reference_even_for_the_right_code(self):
        for _ in range(5):
            self.assertContains(self.look_up(self.case.reference, "ABCDEFGH"), NOT_FOUND)

        response = self.look_up(self.case.reference, self.code)

        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "Too many wrong access codes", status_code=429)
        # Other cases are not locked.
        other = make_case()
        self.assertRedirects(self.look_up(other.reference, other.access_code), self.page_url(other))

    def test_unknown_references_lock_the_same_way(self):
        for _ in range(5):
            self.look_up("HUD-2026-999999", "ABCDEFGH")
        response = self.look_up("HUD-2026-999999", "ABCDEFGH")
        self.assertEqual(response.status_code, 429)

    @override_settings(INTAKE_TRACKING_WRONG_CODES_PER_ADDRESS=3)
    def test_an_address_trying_many_references_is_locked(self):
        for number in range(3):
            self.look_up(f"HUD-2026-99999{number}", "ABCDEFGH")
        response = self.look_up(self.case.reference, self.code)
        self.assertEqual(response.status_code, 429)
        # Another network is not affected.
        response = self.look_up(self.case.reference, self.code, REMOTE_ADDR="198.51.100.7")
        self.assertRedirects(response, self.page_url())

    def test_a_code_of_the_wrong_length_is_a_form_error_not_a_try(self):
        for _ in range(6):
            response = self.look_up(self.case.reference, "ABC")
            self.assertContains(response, "The access code has 8 letters and numbers.")
        self.assertRedirects(self.look_up(self.case.reference, self.code), self.page_url())

    def test_forms_pass_the_csrf_check_as_browsers_send_them(self):
        # Browsers send Origin with every POST. Under "Referrer-Policy: no-referrer" it would
        # be "null" and Django's CSRF check would refuse every form on these pages.
        client = Client(enforce_csrf_checks=True)
        page = client.get(LOOKUP_URL)
        self.assertNotEqual(page["Referrer-Policy"], "no-referrer")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        response = client.post(
            LOOKUP_URL,
            {
                "reference": self.case.reference,
                "access_code": self.code,
                "csrfmiddlewaretoken": token,
            },
            HTTP_ORIGIN="http://testserver",
        )
        self.assertRedirects(response, self.page_url())

    def test_lookup_page_is_private(self):
        response = self.client.get(LOOKUP_URL)
        self.assertContains(response, "csrfmiddlewaretoken")
        self.assertIn("no-store", response["Cache-Control"])


class TrackingPageTests(TrackingTestCase):
    def test_unknown_token_is_404(self):
        self.assertEqual(self.client.get("/track/not-a-real-token/").status_code, 404)

    def test_page_headers_keep_the_token_private(self):
        response = self.client.get(self.page_url())
        self.assertEqual(response.status_code, 200)
        self.assertIn("private", response["Cache-Control"])
        self.assertIn("no-store", response["Cache-Control"])
        self.assertEqual(response["Referrer-Policy"], "strict-origin")

    def test_shows_status_due_date_and_public_timeline_without_staff_names(self):
        actions.add_note(case=self.case, text="Internal: caller sounded upset.", by=self.worker)
        self.forward()

        response = self.client.get(self.page_url())

        self.assertContains(response, self.case.reference)
        self.assertContains(response, "With the authority")
        self.assertContains(response, "The authority should answer by")
        self.assertContains(response, "Nairobi City Water and Sewerage Company")
        self.assertContains(response, "Case worker")
        self.assertContains(response, "Received through Web.")
        self.assertNotContains(response, "Internal: caller sounded upset.")
        self.assertNotContains(response, "Wanjiru")
        self.assertNotContains(response, "Kamau")
        # The citizen's own details are not repeated on a page reachable by link.
        # (The number in each form it is written; "0712" alone can occur in a timestamp.)
        self.assertNotContains(response, "0712 345 678")
        self.assertNotContains(response, "0712345678")
        self.assertNotContains(response, "+254712345678")

    def test_shows_the_authority_response_and_the_two_answers(self):
        self.respond()
        response = self.client.get(self.page_url())
        self.assertContains(response, "The kiosk was repaired on Monday.")
        self.assertContains(response, "This solved my problem")
        self.assertContains(response, "It did not solve my problem")

    def test_citizen_copy_pdf(self):
        response = self.client.get(f"{self.page_url()}summary.pdf")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertTrue(response.content.startswith(b"%PDF"))
        self.assertIn(f'filename="{self.case.reference}.pdf"', response["Content-Disposition"])
        self.assertIn("no-store", response["Cache-Control"])

    def test_pdf_of_an_unknown_token_is_404(self):
        self.assertEqual(self.client.get("/track/nope/summary.pdf").status_code, 404)


class AddInformationTests(TrackingTestCase):
    def add_url(self):
        return f"{self.page_url()}add/"

    def test_text_and_a_photo_are_added_publicly(self):
        self.addCleanup(lambda: [a.file.delete(save=False) for a in CaseAttachment.objects.all()])
        response = self.client.post(
            self.add_url(),
            {"text": "The kiosk is now locked with a chain.", "evidence": [photo_upload()]},
        )

        self.assertRedirects(response, self.page_url(), fetch_redirect_response=False)
        note = CaseLogEntry.objects.get(case=self.case, action="cases.note")
        self.assertEqual(note.visibility, "public")
        self.assertEqual(note.actor_kind, "citizen")
        attachment = CaseAttachment.objects.get(case=self.case)
        self.assertEqual(attachment.content_type, "image/jpeg")
        page = self.client.get(self.page_url())
        self.assertContains(page, "The kiosk is now locked with a chain.")
        self.assertContains(page, "Thank you. What you added is now part of your case.")

    def test_nothing_to_add_is_an_error(self):
        response = self.client.post(self.add_url(), {"text": "  "})
        self.assertContains(response, "Write something or choose a file to add.")
        self.assertFalse(CaseLogEntry.objects.filter(action="cases.note").exists())

    def test_a_spoofed_file_is_refused_and_the_text_kept(self):
        response = self.client.post(
            self.add_url(), {"text": "Here is a photo.", "evidence": [html_as_jpeg()]}
        )
        self.assertContains(response, "“kiosk.jpg” is not a photo, voice note, video or PDF.")
        self.assertContains(response, "Here is a photo.")
        self.assertFalse(CaseLogEntry.objects.filter(action="cases.note").exists())

    def test_a_closed_case_takes_nothing_more(self):
        actions.withdraw_case(case=self.case, by=Actor.citizen(), requested_by="Test")
        response = self.client.post(self.add_url(), {"text": "One more thing."}, follow=True)
        self.assertContains(response, "Your case is closed, so nothing more can be added.")
        self.assertNotContains(response, "Add to my case")
        self.assertFalse(CaseLogEntry.objects.filter(action="cases.note").exists())

    @override_settings(INTAKE_REPORT_RATE_LIMIT=1)
    def test_additions_are_rate_limited_and_keep_the_text(self):
        self.client.post(self.add_url(), {"text": "First."})
        response = self.client.post(self.add_url(), {"text": "Second, carefully typed."})
        self.assertContains(response, "Second, carefully typed.", status_code=429)
        self.assertContains(response, "Too many reports from your network", status_code=429)

    def test_get_is_not_allowed(self):
        self.assertEqual(self.client.get(self.add_url()).status_code, 405)


class WithdrawTests(TrackingTestCase):
    def withdraw_url(self):
        return f"{self.page_url()}withdraw/"

    def test_withdrawing_asks_first_then_closes_the_case(self):
        confirm = self.client.get(self.withdraw_url())
        self.assertContains(confirm, "Yes, withdraw my case")
        self.assertEqual(self.reload().state, "received")

        response = self.client.post(self.withdraw_url(), {"version": self.case.version})

        self.assertRedirects(response, self.page_url())
        self.reload()
        self.assertEqual((self.case.state, self.case.outcome), ("closed", "withdrawn"))
        entry = CaseLogEntry.objects.get(case=self.case, action="cases.withdraw")
        self.assertEqual(entry.actor_kind, "citizen")
        self.assertEqual(entry.message, "Withdrawn by the citizen")
        # The citizen sees it on their timeline, as their own step.
        page = self.client.get(self.page_url())
        self.assertContains(page, "Withdrawn by the citizen")

    def test_a_stale_page_gets_a_message_not_an_error(self):
        version = self.case.version
        self.forward()  # the case moved on while the confirmation page was open

        response = self.client.post(self.withdraw_url(), {"version": version}, follow=True)

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Your case changed while this page was open.")
        self.assertEqual(self.reload().state, "forwarded")

    def test_a_closed_case_cannot_be_withdrawn(self):
        actions.withdraw_case(case=self.case, by=Actor.citizen(), requested_by="Test")
        response = self.client.get(self.withdraw_url(), follow=True)
        self.assertContains(response, "Your case is already closed.")


class AnsweringTests(TrackingTestCase):
    def test_solved_closes_the_case_as_resolved(self):
        self.respond()
        response = self.client.post(f"{self.page_url()}solved/", {"version": self.case.version})

        self.assertRedirects(response, self.page_url(), fetch_redirect_response=False)
        self.reload()
        self.assertEqual((self.case.state, self.case.outcome), ("closed", "resolved"))
        page = self.client.get(self.page_url())
        self.assertContains(page, "We are glad it is solved")
        self.assertNotContains(page, "This solved my problem")

    def test_not_solved_asks_a_case_worker_to_escalate(self):
        self.respond()
        response = self.client.post(
            f"{self.page_url()}not-solved/",
            {"version": self.case.version, "reason": "The kiosk is still dry."},
        )

        self.assertRedirects(response, self.page_url())
        self.reload()
        self.assertEqual(self.case.state, "responded")
        self.assertTrue(self.case.escalation_requested)
        entry = CaseLogEntry.objects.get(case=self.case, action="cases.request_escalation")
        self.assertEqual(entry.text, "The kiosk is still dry.")
        page = self.client.get(self.page_url())
        self.assertContains(page, "you asked us to take it further")
        self.assertNotContains(page, "It did not solve my problem")

    def test_answers_on_a_case_that_was_not_answered_get_a_message(self):
        for step in ("solved", "not-solved"):
            with self.subTest(step=step):
                response = self.client.post(
                    f"{self.page_url()}{step}/", {"version": self.case.version}, follow=True
                )
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "Your case changed while this page was open.")
        self.assertEqual(self.reload().state, "received")
        self.assertFalse(self.case.escalation_requested)

    def test_answer_forms_post_with_csrf(self):
        self.respond()
        page = self.client.get(self.page_url())
        forms = re.findall(r"<form[^>]*action=\"/track/[^>]*>.*?</form>", page.text, re.S)
        self.assertEqual(len(forms), 3)  # add information, solved, not solved
        for form in forms:
            self.assertIn("csrfmiddlewaretoken", form)
