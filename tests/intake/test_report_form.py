"""The public "Report a problem" form, through its real URL."""

import re
from unittest import mock

from django.core.cache import cache
from django.test import TestCase, override_settings
from django.urls import reverse

from cases.access import access_code_matches
from cases.models import Case, CaseAttachment, CaseLogEntry
from intake import evidence as evidence_module
from tests.factories import county, sector
from tests.intake.test_evidence import (
    HTML_PAGE,
    html_as_jpeg,
    photo_upload,
    read_picture,
    small_pdf,
    upload,
)

REPORT_URL = "/report/"
DESCRIPTION = "The water kiosk on Olympic road has been dry for three weeks."


class ReportFormTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.nairobi = county("Nairobi City")
        cls.water = sector("water")

    def setUp(self):
        cache.clear()

    def data(self, **overrides):
        values = {
            "sector": "water",
            "county": str(self.nairobi.pk),
            "location": "Kibera, Olympic estate",
            "description": DESCRIPTION,
            "complainant_name": "Achieng Otieno",
            "complainant_phone": "0712 345 678",
            "complainant_email": "",
            "consent_to_contact": "on",
        }
        values.update(overrides)
        return {key: value for key, value in values.items() if value is not None}

    def post(self, data=None, **extra):
        return self.client.post(REPORT_URL, data if data is not None else self.data(), **extra)

    def forget_files_afterwards(self):
        def delete_files():
            for attachment in CaseAttachment.objects.all():
                attachment.file.delete(save=False)

        self.addCleanup(delete_files)


class ReportFormPageTests(ReportFormTestCase):
    def test_the_url_is_the_one_every_page_links_to(self):
        self.assertEqual(reverse("report_problem"), REPORT_URL)

    def test_form_shows_every_field_accessibly(self):
        response = self.client.get(REPORT_URL)

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'enctype="multipart/form-data"')
        self.assertContains(response, "csrfmiddlewaretoken")
        self.assertContains(response, 'type="file"')
        self.assertContains(response, "multiple")
        self.assertContains(response, 'maxlength="4000"')
        self.assertContains(response, "Up to 4,000 characters.")
        self.assertContains(response, 'aria-describedby="id_description_helptext"')
        self.assertContains(response, 'class="fieldset__legend"', count=3)
        self.assertContains(response, "Contact me about this")
        self.assertContains(
            response,
            "The authority may see my name and contact details (otherwise it sees none)",
        )
        self.assertContains(response, "You may publish a summary without my name")
        # All 47 counties, plus the empty choice.
        county_select = re.search(r'<select name="county".*?</select>', response.text, re.S)
        self.assertEqual(county_select.group(0).count("<option"), 48)
        self.assertIn("no-store", response["Cache-Control"])

    def test_sector_is_preselected_from_the_link(self):
        response = self.client.get(REPORT_URL, {"sector": "water"})
        self.assertContains(response, '<option value="water" selected>')

    def test_unknown_sector_in_the_link_selects_nothing(self):
        response = self.client.get(REPORT_URL, {"sector": "<script>"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<option value="" selected>', count=2)
        self.assertNotContains(response, "<script>")

    def test_honeypot_is_hidden_from_people(self):
        response = self.client.get(REPORT_URL)
        honeypot = re.search(r'<div class="honeypot"[^>]*>.*?</div>', response.text, re.S)
        self.assertIn('aria-hidden="true"', honeypot.group(0))
        self.assertIn('tabindex="-1"', honeypot.group(0))
        self.assertIn('autocomplete="off"', honeypot.group(0))

    def test_page_is_in_kiswahili_under_sw(self):
        response = self.client.get(f"/sw{REPORT_URL}")
        self.assertContains(response, '<html lang="sw">')


class SubmittingTests(ReportFormTestCase):
    def test_report_creates_a_web_case_and_shows_reference_and_code_once(self):
        response = self.post()

        case = Case.objects.get()
        # Not followed here: the receipt page shows the code once, to the GET below.
        self.assertRedirects(response, reverse("report_received"), fetch_redirect_response=False)
        self.assertEqual(case.channel, "web")
        self.assertEqual(case.state, "received")
        self.assertEqual(case.sector, self.water)
        self.assertEqual(case.county, self.nairobi)
        self.assertEqual(case.location, "Kibera, Olympic estate")
        self.assertEqual(case.description, DESCRIPTION)
        self.assertEqual(case.complainant_phone, "+254712345678")
        self.assertEqual(case.language, "en")
        self.assertTrue(
            CaseLogEntry.objects.filter(case=case, action="cases.create", actor_kind="citizen")
        )

        receipt = self.client.get(response.url)
        self.assertContains(receipt, case.reference)
        code = receipt.context["receipt"]["access_code"]
        self.assertTrue(access_code_matches(case, code))
        self.assertContains(receipt, code)
        self.assertContains(receipt, f"/track/{case.tracking_token}/")
        self.assertNotIn(code, response.url)
        self.assertIn("no-store", receipt["Cache-Control"])
        self.assertEqual(receipt["Referrer-Policy"], "strict-origin")

        # Shown once: a reload (or the next person at a shared computer) sees no code.
        again = self.client.get(response.url)
        self.assertNotContains(again, case.reference)
        self.assertNotContains(again, code)

    def test_consents_map_to_their_fields(self):
        self.post(
            self.data(
                consent_to_contact=None,
                consent_to_share_identity="on",
                consent_to_publish="on",
            )
        )
        case = Case.objects.get()
        self.assertFalse(case.consent_to_contact)
        self.assertTrue(case.consent_to_share_identity)
        self.assertTrue(case.consent_to_publish)

    def test_contact_consent_alone(self):
        self.post(self.data(consent_to_contact="on"))
        case = Case.objects.get()
        self.assertEqual(
            (case.consent_to_contact, case.consent_to_share_identity, case.consent_to_publish),
            (True, False, False),
        )

    def test_only_county_and_description_are_needed(self):
        response = self.post(
            {"county": str(self.nairobi.pk), "description": "No teacher came this week."}
        )
        self.assertRedirects(response, reverse("report_received"))
        case = Case.objects.get()
        self.assertIsNone(case.sector)
        self.assertEqual(case.complainant_name, "")

    def test_the_page_language_becomes_the_case_language(self):
        response = self.client.post(f"/sw{REPORT_URL}", self.data())
        self.assertRedirects(response, "/sw/report/received/")
        self.assertEqual(Case.objects.get().language, "sw")

    def test_a_photo_is_stored_privately_without_exif(self):
        self.forget_files_afterwards()
        response = self.post(self.data(evidence=[photo_upload("kiosk.jpg")]))

        self.assertRedirects(response, reverse("report_received"))
        attachment = CaseAttachment.objects.get()
        self.assertEqual(attachment.case, Case.objects.get())
        self.assertEqual(attachment.original_name, "kiosk.jpg")
        self.assertEqual(attachment.content_type, "image/jpeg")
        self.assertEqual(attachment.visibility, "public")
        self.assertNotIn("kiosk", attachment.file.name)
        with attachment.file.open("rb") as stored:
            data = stored.read()
        self.assertEqual(dict(read_picture(data).getexif()), {})
        self.assertNotIn(b"PhoneMaker", data)

    def test_several_kinds_of_files_in_one_report(self):
        self.forget_files_afterwards()
        files = [photo_upload("one.jpg"), upload("letter.pdf", small_pdf())]
        self.post(self.data(evidence=files))
        self.assertEqual(
            sorted(CaseAttachment.objects.values_list("content_type", flat=True)),
            ["application/pdf", "image/jpeg"],
        )


class InvalidReportTests(ReportFormTestCase):
    def assertNothingSaved(self):
        self.assertFalse(Case.objects.exists())
        self.assertFalse(CaseAttachment.objects.exists())

    def assertErrorShown(self, response, message, field_id):
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'role="alert"')
        # In the summary, linked to the field, and next to the field.
        self.assertContains(response, f'<a href="#{field_id}">{message}</a>', html=False)
        self.assertContains(response, f'id="{field_id}_error"')
        self.assertContains(response, 'aria-invalid="true"')

    def test_missing_description(self):
        response = self.post(self.data(description="   "))
        self.assertErrorShown(response, "Describe what happened.", "id_description")
        self.assertNothingSaved()
        # Everything typed is still there.
        self.assertContains(response, 'value="Kibera, Olympic estate"')
        self.assertContains(response, 'value="0712 345 678"')

    def test_description_over_4000_characters(self):
        response = self.post(self.data(description="x" * 4001))
        self.assertErrorShown(
            response, "Keep it to 4,000 characters (you wrote 4001).", "id_description"
        )
        self.assertNothingSaved()
        self.assertContains(response, "x" * 4001)

    def test_line_breaks_count_once_against_the_limit(self):
        # A browser sends each line break as \r\n but counts it as one character.
        text = ("a" * 99 + "\r\n") * 40  # 4,000 characters as the browser counts them
        response = self.post(self.data(description=text))
        self.assertRedirects(response, reverse("report_received"))
        self.assertEqual(len(Case.objects.get().description), 3999)  # stripped at the end

    def test_bad_phone_number(self):
        response = self.post(self.data(complainant_phone="12345"))
        self.assertErrorShown(
            response, "Enter a valid phone number, such as 0712 345 678.", "id_complainant_phone"
        )
        self.assertNothingSaved()

    def test_bad_email(self):
        response = self.post(self.data(complainant_email="achieng@"))
        self.assertErrorShown(
            response, "Enter an e-mail address such as name@example.com.", "id_complainant_email"
        )
        self.assertNothingSaved()

    def test_missing_county(self):
        response = self.post(self.data(county=""))
        self.assertErrorShown(response, "Choose the county where it happened.", "id_county")
        self.assertNothingSaved()

    def test_contact_consent_needs_a_way_to_contact(self):
        response = self.post(self.data(complainant_phone="", complainant_email=""))
        self.assertErrorShown(
            response,
            "Give a phone number or an e-mail address so that we can contact you.",
            "id_consent_to_contact",
        )
        self.assertNothingSaved()

    def test_html_file_named_jpg_is_refused_with_a_clear_message(self):
        response = self.post(self.data(evidence=[html_as_jpeg("kiosk.jpg")]))

        self.assertErrorShown(
            response, "“kiosk.jpg” is not a photo, voice note, video or PDF.", "id_evidence"
        )
        self.assertNothingSaved()
        self.assertContains(response, "please choose them again")
        self.assertNotContains(response, HTML_PAGE.decode())

    @override_settings(EVIDENCE_MAX_DOCUMENT_BYTES=1000)
    def test_oversize_file_is_refused(self):
        big_pdf = small_pdf() + b"%" * 2000
        response = self.post(self.data(evidence=[upload("letter.pdf", big_pdf)]))
        self.assertErrorShown(response, "“letter.pdf” is larger than 1000 bytes.", "id_evidence")
        self.assertNothingSaved()

    def test_six_files_are_refused(self):
        files = [upload(f"letter{number}.pdf", small_pdf()) for number in range(6)]
        response = self.post(self.data(evidence=files))
        self.assertErrorShown(response, "Choose at most 5 files.", "id_evidence")
        self.assertNothingSaved()

    def test_a_failure_half_way_saves_nothing(self):
        real_add_attachment = evidence_module.add_attachment
        calls = []

        def fail_on_second_file(**kwargs):
            calls.append(kwargs["original_name"])
            if len(calls) == 2:
                raise RuntimeError("disk full")
            return real_add_attachment(**kwargs)

        files = [photo_upload("one.jpg"), photo_upload("two.jpg")]
        with (
            mock.patch.object(evidence_module, "add_attachment", fail_on_second_file),
            self.assertRaises(RuntimeError),
        ):
            self.post(self.data(evidence=files))

        self.assertEqual(calls, ["one.jpg", "two.jpg"])
        self.assertNothingSaved()


class SpamDefenceTests(ReportFormTestCase):
    def test_honeypot_pretends_success_and_saves_nothing(self):
        response = self.post(self.data(leave_empty="http://spam.example"))

        self.assertRedirects(response, reverse("report_received"))
        self.assertFalse(Case.objects.exists())
        receipt = self.client.get(response.url)
        self.assertNotContains(receipt, "HUD-")
        self.assertIsNone(receipt.context["receipt"])

    @override_settings(INTAKE_REPORT_RATE_LIMIT=2)
    def test_rate_limit_answers_429_and_keeps_the_text(self):
        self.post()
        self.post()
        response = self.post(self.data(description="A third report, typed with care."))

        self.assertEqual(response.status_code, 429)
        self.assertContains(
            response,
            "Too many reports from your network just now. Please try again in a few minutes.",
            status_code=429,
        )
        self.assertContains(response, "A third report, typed with care.", status_code=429)
        self.assertContains(response, 'value="Kibera, Olympic estate"', status_code=429)
        self.assertContains(response, "checked", status_code=429)
        self.assertIn("Retry-After", response)
        self.assertEqual(Case.objects.count(), 2)

    @override_settings(INTAKE_REPORT_RATE_LIMIT=2)
    def test_forms_with_mistakes_do_not_count(self):
        for _ in range(3):
            self.post(self.data(description=""))
        self.assertRedirects(self.post(), reverse("report_received"))

    @override_settings(INTAKE_REPORT_RATE_LIMIT=1)
    def test_forwarded_for_header_is_not_trusted_by_default(self):
        self.post(HTTP_X_FORWARDED_FOR="198.51.100.1")
        response = self.post(HTTP_X_FORWARDED_FOR="198.51.100.2")
        self.assertEqual(response.status_code, 429)

    @override_settings(INTAKE_REPORT_RATE_LIMIT=1, RATELIMIT_PROXY_COUNT=1)
    def test_forwarded_for_header_is_used_behind_our_own_proxy(self):
        self.post(HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.1")
        # A different client behind the same proxy has its own allowance...
        self.assertEqual(self.post(HTTP_X_FORWARDED_FOR="198.51.100.2").status_code, 302)
        # ...while a forged left-hand entry does not give the first one a new allowance.
        response = self.post(HTTP_X_FORWARDED_FOR="192.0.2.77, 198.51.100.1")
        self.assertEqual(response.status_code, 429)

    @override_settings(INTAKE_REPORT_RATE_LIMIT=1)
    def test_ipv6_clients_are_counted_per_64_block(self):
        self.post(REMOTE_ADDR="2001:db8:1:2::10")
        self.assertEqual(self.post(REMOTE_ADDR="2001:db8:1:2::99").status_code, 429)
        self.assertEqual(self.post(REMOTE_ADDR="2001:db8:1:3::10").status_code, 302)
