"""Shared data for the Open311 tests: two partners with keys, and cases in every state of
publication: published, unpublished, and sent through each partner."""

import json
import xml.etree.ElementTree as ET  # noqa: S405 - parsing our own responses in tests

from django.test import TestCase

from cases import actions
from open311.keys import issue_key
from open311.models import Open311Request
from tests.factories import AuthorityFactory, case_worker, make_case, supervisor

API = "/open311/v2"

# Personal data given with every case below: none of it may appear in any API output.
COMPLAINANT_NAME = "Achieng Otieno"
COMPLAINANT_PHONE = "+254712345678"
COMPLAINANT_LOCAL_PHONE = "0712 345 678"
COMPLAINANT_EMAIL = "achieng.otieno@example.org"
RAW_DESCRIPTION = "Secret raw words: the kiosk attendant Juma Mwangi asked me for a bribe."
PRIVATE_LOCATION = "Olympic estate, behind the blue gate"
PERSONAL_STRINGS = [
    COMPLAINANT_NAME,
    "Achieng",
    "Otieno",
    COMPLAINANT_PHONE,
    "712345678",
    COMPLAINANT_EMAIL,
    RAW_DESCRIPTION,
    "Juma Mwangi",
    PRIVATE_LOCATION,
    "blue gate",
]


def parse_json(response):
    return json.loads(response.content.decode("utf-8"))


def parse_xml(response):
    return ET.fromstring(response.content)  # noqa: S314 - our own output


def private_case(**overrides):
    values = {
        "description": RAW_DESCRIPTION,
        "location": PRIVATE_LOCATION,
        "complainant_name": COMPLAINANT_NAME,
        "complainant_phone": COMPLAINANT_LOCAL_PHONE,
        "complainant_email": COMPLAINANT_EMAIL,
        "consent_to_publish": True,
    }
    values.update(overrides)
    return make_case(**values)


class Open311TestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.worker = case_worker()
        cls.supervisor = supervisor()
        cls.water_board = AuthorityFactory(name="Nairobi City Water", sectors=["water"])
        cls.partner_key, cls.partner_raw_key = issue_key("Sauti Civic Lab")
        cls.other_key, cls.other_raw_key = issue_key("Mtaa Watch")

        cls.published = private_case(
            county_name="Kisumu", latitude="-0.091702", longitude="34.767956"
        )
        cls.published = actions.publish_case(
            case=cls.published, summary="A water kiosk in Kisumu ran dry.", by=cls.supervisor
        )
        cls.unpublished = private_case(county_name="Mombasa", sector_slug="health")
        cls.partner_case = private_case(county_name="Nakuru", sector_slug="education")
        Open311Request.objects.create(
            case=cls.partner_case, api_key=cls.partner_key, token="partner-token-1"
        )

    def get(self, path, **params):
        return self.client.get(f"{API}/{path}", params)

    def assert_error(self, response, status, fmt="json"):
        self.assertEqual(response.status_code, status, response.content)
        if fmt == "json":
            self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
            errors = parse_json(response)
            self.assertIsInstance(errors, list)
            self.assertEqual(errors[0]["code"], status)
            self.assertTrue(errors[0]["description"])
            return errors
        self.assertEqual(response["Content-Type"], "text/xml; charset=utf-8")
        root = parse_xml(response)
        self.assertEqual(root.tag, "errors")
        error = root.find("error")
        self.assertEqual(error.findtext("code"), str(status))
        self.assertTrue(error.findtext("description"))
        return root

    def assert_nothing_personal(self, response):
        text = response.content.decode("utf-8")
        for secret in PERSONAL_STRINGS:
            self.assertNotIn(secret, text)
