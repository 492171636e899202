from django.core.cache import cache
from django.test import TestCase
from django.urls import reverse

from cases import actions
from cases.models import Case, Outcome
from cases.redaction import complainant_redactor, redact_contact_details
from cases.rules import Actor
from tests.factories import AuthorityFactory, case_worker, make_case

LIST = reverse("accountability:case_list")
NAME = "Achieng Otieno"
EMAIL = "achieng.otieno@example.org"
DESCRIPTION = "My neighbour Wanjiku at plot 12 says the kiosk is dry for three weeks."
LOCATION = "Kibera, Olympic estate, next to the chief's camp"
SUMMARY = "A water kiosk in Nairobi has been dry for three weeks."


def detail(case):
    return reverse("accountability:case_detail", args=[case.reference])


class PublicCasesTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.worker = case_worker()
        cls.water = AuthorityFactory(
            name="Nairobi City Water", sectors=["water"], counties=["Nairobi City"]
        )
        cls.published = cls.make(SUMMARY)
        cls.published = actions.forward_case(case=cls.published, authority=cls.water, by=cls.worker)
        cls.published = actions.respond_to_case(
            case=cls.published,
            response=f"Dear {NAME}, call us on 0712 345 678 or write to {EMAIL}. Fixed.",
            by=Actor.for_authority(cls.water),
        )
        actions.add_note(
            case=cls.published, text="I am Achieng, call me on 0799 000 111.", by=Actor.citizen()
        )
        actions.add_note(case=cls.published, text="Internal: spoke to the manager.", by=cls.worker)
        actions.add_note(
            case=cls.published, text="The kiosk reopened.", by=cls.worker, visibility="public"
        )
        cls.mombasa_case = cls.make("A clinic in Mombasa has no drugs.", "Mombasa", "health")
        cls.private = make_case(
            complainant_name=NAME, description="A private complaint nobody agreed to publish."
        )
        cls.unconsented = make_case(consent_to_publish=False, description="Unconsented text.")

    @classmethod
    def make(cls, summary, county_name="Nairobi City", sector_slug="water"):
        case = make_case(
            county_name=county_name,
            sector_slug=sector_slug,
            complainant_name=NAME,
            complainant_email=EMAIL,
            description=DESCRIPTION,
            location=LOCATION,
            consent_to_publish=True,
        )
        return actions.publish_case(case=case, summary=summary, by=cls.worker)

    def setUp(self):
        cache.clear()


class ListingTests(PublicCasesTestCase):
    def test_lists_published_cases_only(self):
        response = self.client.get(LIST)
        self.assertContains(response, self.published.reference)
        self.assertContains(response, self.mombasa_case.reference)
        self.assertNotContains(response, self.private.reference)
        self.assertNotContains(response, self.unconsented.reference)
        self.assertContains(response, SUMMARY)
        self.assertContains(response, "2 published cases")

    def test_filters(self):
        cases = {
            "county=001": self.mombasa_case,
            "sector=water": self.published,
            "status=responded": self.published,
            "status=received": self.mombasa_case,
        }
        for query, expected in cases.items():
            with self.subTest(query=query):
                response = self.client.get(f"{LIST}?{query}")
                self.assertContains(response, expected.reference)
                self.assertContains(response, "1 published case")

    def test_an_unknown_filter_value_is_an_error_not_a_crash(self):
        response = self.client.get(LIST, {"county": "999"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "There is a problem with the filter")

    def test_pagination_links_keep_the_normalised_filter_only(self):
        for number in range(21):
            self.make(f"Kiosk number {number} is dry.")
        response = self.client.get(LIST, {"sector": "water", "utm_source": "x"})
        results = response.context["results_html"]  # the part cached for everyone
        self.assertIn("?sector=water&amp;page=2", results)
        self.assertNotIn("utm_source", results)
        self.assertContains(self.client.get(LIST, {"sector": "water", "page": "2"}), "Page 2 of 2")


class DetailTests(PublicCasesTestCase):
    def test_shows_the_public_facts_and_updates(self):
        response = self.client.get(detail(self.published))
        self.assertContains(response, SUMMARY)
        self.assertContains(response, "Nairobi City Water")
        self.assertContains(response, "Responded")
        self.assertContains(response, "The kiosk reopened.")
        self.assertContains(response, "Received through Web.")  # written by the portal
        self.assertContains(response, "Case worker")
        self.assertNotContains(response, "Internal: spoke to the manager.")
        self.assertNotContains(response, self.worker.get_full_name())

    def test_nothing_personal(self):
        html = self.client.get(detail(self.published)).content.decode()
        html += self.client.get(LIST).content.decode()
        for value in (NAME, "Achieng", "Otieno", "712 345 678", "799 000 111", EMAIL, DESCRIPTION):
            with self.subTest(value=value):
                self.assertNotIn(value, html)
        self.assertNotIn("Kibera", html)
        self.assertIn("[removed]", html)  # the response's greeting and contact details

    def test_unknown_or_unpublished_reference_is_404(self):
        for reference in ("HUD-1999-000001", self.private.reference, self.unconsented.reference):
            with self.subTest(reference=reference):
                url = reverse("accountability:case_detail", args=[reference])
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_closed_case_shows_its_outcome(self):
        case = actions.close_case(case=self.published, outcome=Outcome.RESOLVED, by=self.worker)
        self.assertContains(self.client.get(detail(case)), "Closed: Resolved")


class UnpublishingTests(PublicCasesTestCase):
    def test_unpublishing_removes_it_everywhere_at_once_and_publishing_brings_it_back(self):
        # Filled from the database and cached.
        self.assertContains(self.client.get(LIST), self.published.reference)
        self.assertEqual(self.client.get(detail(self.published)).status_code, 200)

        with self.captureOnCommitCallbacks(execute=True):
            unpublished = actions.unpublish_case(case=self.published, by=self.worker)
        self.assertNotContains(self.client.get(LIST), self.published.reference)
        self.assertEqual(self.client.get(detail(self.published)).status_code, 404)

        with self.captureOnCommitCallbacks(execute=True):
            actions.publish_case(case=unpublished, summary="Edited again.", by=self.worker)
        self.assertContains(self.client.get(LIST), self.published.reference)
        self.assertContains(self.client.get(detail(self.published)), "Edited again.")

    def test_withdrawn_consent_hides_a_published_case(self):
        Case.objects.filter(pk=self.published.pk).update(consent_to_publish=False)
        self.assertEqual(self.client.get(detail(self.published)).status_code, 404)


class RedactionTests(PublicCasesTestCase):
    def test_the_complainants_own_details_in_any_form(self):
        redact = complainant_redactor(self.published)
        text = redact(
            "achieng otieno, Otieno, +254712345678, 0712-345-678, 712 345 678, "
            "ACHIENG.OTIENO@example.org; Achiengs stays"
        )
        self.assertEqual(text.count("[removed]"), 6)
        self.assertIn("Achiengs stays", text)

    def test_anything_like_a_phone_number_or_e_mail_address(self):
        text = redact_contact_details("Call 0722 000 111 or mail a.b@c.co.ke by 12 May 2026.")
        self.assertEqual(text, "Call [removed] or mail [removed] by 12 May 2026.")
