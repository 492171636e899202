"""Every public output of a case passes through one redaction of the complainant's personal
data, and publishing refuses a summary that identifies them."""

import json

from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse

from cases import actions
from cases.models import Case
from tests.factories import make_case, supervisor

NAME, PHONE, EMAIL = "Achieng Otieno", "0712 345 678", "achieng.otieno@example.org"
CARELESS = (
    "Achieng Otieno (call 0712345678 or +254 712 345 678, achieng.otieno@example.org) says "
    "the kiosk is dry."
)
LEAKS = ["Achieng", "Otieno", "0712345678", "712 345 678", "achieng.otieno@example.org"]


class CarelessPublicationTests(TestCase):
    """A summary published before the check existed, and a public note a case worker typed
    carelessly: no public output shows either's personal data."""

    @classmethod
    def setUpTestData(cls):
        cls.supervisor = supervisor()
        case = make_case(
            complainant_name=NAME,
            complainant_phone=PHONE,
            complainant_email=EMAIL,
            consent_to_publish=True,
        )
        case = actions.publish_case(case=case, summary="The kiosk is dry.", by=cls.supervisor)
        Case.objects.filter(pk=case.pk).update(public_summary=CARELESS)
        actions.add_note(case=case, text=CARELESS, by=cls.supervisor, visibility="public")
        cls.case = Case.objects.get(pk=case.pk)

    def outputs(self):
        reference = self.case.reference
        yield "published list", self.client.get(reverse("accountability:case_list"))
        yield (
            "published case",
            self.client.get(reverse("accountability:case_detail", args=[reference])),
        )
        for path in (
            f"/open311/v2/requests/{reference}.json",
            f"/open311/v2/requests/{reference}.xml",
            "/open311/v2/requests.json",
            "/open311/v2/requests.xml",
        ):
            yield path, self.client.get(path)

    def test_no_output_shows_the_complainants_data(self):
        for name, response in self.outputs():
            with self.subTest(output=name):
                self.assertEqual(response.status_code, 200)
                body = response.content.decode()
                if name.endswith(".json"):
                    body = json.dumps(json.loads(body), ensure_ascii=False)
                self.assertIn(self.case.reference, body)
                self.assertIn("the kiosk is dry", body)
                for leak in LEAKS:
                    self.assertNotIn(leak, body)
                self.assertIn("[removed]", body)


class PublishRefusalTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.supervisor = supervisor()

    def test_a_summary_that_identifies_the_complainant_is_refused_with_what_was_found(self):
        case = make_case(
            complainant_name=NAME,
            complainant_phone=PHONE,
            complainant_email=EMAIL,
            consent_to_publish=True,
        )
        for summary, found in [
            ("Mama Achieng says the kiosk is dry.", "“Achieng” (their name)"),
            ("Call 0712 345 678 about it.", "“0712 345 678” (their phone number)"),
            ("Call 0712345678.", "“0712345678”"),
            ("Call +254712345678.", "“+254712345678”"),
            ("Call 254 712 345 678.", "“254 712 345 678”"),
            ("Call (0712) 345-678.", "(their phone number)"),
            ("Call 712.345.678.", "“712.345.678”"),
            ("Write to ACHIENG.OTIENO@example.org.", "(their e-mail address)"),
        ]:
            with self.subTest(summary=summary), self.assertRaises(ValidationError) as refused:
                actions.publish_case(case=case, summary=summary, by=self.supervisor)
            message = " ".join(refused.exception.message_dict["summary"])
            self.assertIn(found, message)
        case.refresh_from_db()
        self.assertIsNone(case.published_at)
        case = actions.publish_case(case=case, summary="A kiosk ran dry.", by=self.supervisor)
        self.assertIsNotNone(case.published_at)

    def test_the_form_shows_the_error_and_keeps_the_text(self):
        case = make_case(complainant_name=NAME, consent_to_publish=True)
        self.client.force_login(self.supervisor)
        response = self.client.post(
            reverse("cases:publish", args=[case.pk]),
            {"version": case.version, "summary": "Otieno's kiosk is dry."},
        )
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "(their name)", status_code=400)
        self.assertContains(response, "Otieno&#x27;s kiosk is dry.", status_code=400)
