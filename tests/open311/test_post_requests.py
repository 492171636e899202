"""POST requests: a partner's key, the service and a location make a case; every error of
the specification answers as specified."""

import socket
from unittest import mock

from django.test import Client

from cases.models import Case, CaseLogEntry, CaseState
from open311.keys import revoke_key
from open311.models import Open311Request

from .base import API, Open311TestCase, parse_json, parse_xml


class PostRequestTests(Open311TestCase):
    def post(self, fmt="json", **data):
        values = {
            "api_key": self.partner_raw_key,
            "service_code": "water",
            "address_string": "Olympic estate, Kibera, Nairobi City County",
            "description": "The kiosk has been dry for three weeks.",
        }
        values.update(data)
        values = {key: value for key, value in values.items() if value is not None}
        return self.client.post(f"{API}/requests.{fmt}", values)

    # --- Success -----------------------------------------------------------------------

    def test_creates_an_open311_case_and_answers_with_its_reference(self):
        response = self.post(
            first_name="Wanjiru",
            last_name="Kamau",
            phone="0722 000 111",
            email="wanjiru@example.org",
        )
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
        [answer] = parse_json(response)
        case = Case.objects.get(reference=answer["service_request_id"])
        self.assertNotIn("token", answer)
        self.assertIsNone(answer["account_id"])
        self.assertTrue(answer["service_notice"])
        self.assertEqual(case.channel, "open311")
        self.assertEqual(case.state, CaseState.RECEIVED)
        self.assertEqual(case.sector.slug, "water")
        self.assertEqual(case.county.name, "Nairobi City")  # named in address_string
        self.assertEqual(case.location, "Olympic estate, Kibera, Nairobi City County")
        self.assertEqual(case.description, "The kiosk has been dry for three weeks.")
        self.assertEqual(case.complainant_name, "Wanjiru Kamau")
        self.assertEqual(case.complainant_phone, "+254722000111")
        self.assertEqual(case.complainant_email, "wanjiru@example.org")
        self.assertTrue(case.consent_to_contact)
        self.assertFalse(case.consent_to_publish)
        self.assertFalse(case.consent_to_share_identity)
        created = CaseLogEntry.objects.get(case=case, action="cases.create")
        self.assertEqual(created.actor_label, "Open311: Sauti Civic Lab")

    def test_records_the_key_and_a_token_of_its_own(self):
        [answer] = parse_json(self.post())
        record = Open311Request.objects.get(case__reference=answer["service_request_id"])
        self.assertEqual(record.api_key, self.partner_key)
        self.assertTrue(record.token)
        self.assertNotEqual(record.token, record.case.tracking_token)

    def test_xml_answer(self):
        response = self.post(fmt="xml")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/xml; charset=utf-8")
        root = parse_xml(response)
        self.assertEqual(root.tag, "service_requests")
        reference = root.findtext("request/service_request_id")
        self.assertTrue(Case.objects.filter(reference=reference, channel="open311").exists())

    def test_lat_and_long_are_a_location(self):
        response = self.post(address_string=None, lat="-1.3133", long="36.7876")
        self.assertEqual(response.status_code, 200, response.content)
        case = Case.objects.get(reference=parse_json(response)[0]["service_request_id"])
        self.assertEqual(str(case.latitude), "-1.313300")
        self.assertEqual(str(case.longitude), "36.787600")
        self.assertIsNone(case.county)  # left for triage: no geodata here

    def test_address_id_is_a_location(self):
        response = self.post(address_string=None, address_id="KBR-0042")
        self.assertEqual(response.status_code, 200, response.content)
        case = Case.objects.get(reference=parse_json(response)[0]["service_request_id"])
        self.assertEqual(case.location, "Address ID KBR-0042")

    def test_attributes_and_media_link_go_to_an_internal_note_and_nothing_is_fetched(self):
        with mock.patch.object(socket, "create_connection", side_effect=AssertionError("net")):
            response = self.post(
                **{
                    "attribute[since_when]": "month",
                    "attribute[water_point]": "Kiosk 4",
                    "attribute[unknown_code]": "ignored",
                    "media_url": "https://photos.example.org/kiosk.jpg",
                }
            )
        self.assertEqual(response.status_code, 200, response.content)
        case = Case.objects.get(reference=parse_json(response)[0]["service_request_id"])
        note = CaseLogEntry.objects.get(case=case, action="cases.note")
        self.assertEqual(note.visibility, "internal")
        self.assertIn("Sauti Civic Lab", note.text)
        self.assertIn("Less than a month", note.text)
        self.assertIn("Kiosk 4", note.text)
        self.assertIn("https://photos.example.org/kiosk.jpg", note.text)
        self.assertNotIn("ignored", note.text)

    def test_empty_parameters_count_as_absent(self):
        response = self.post(
            description="",
            lat="",
            long="",
            email="",
            phone="",
            media_url="",
            jurisdiction_id="",
            **{"attribute[since_when]": ""},
        )
        self.assertEqual(response.status_code, 200, response.content)
        case = Case.objects.get(reference=parse_json(response)[0]["service_request_id"])
        self.assertIsNone(case.latitude)
        self.assertFalse(case.consent_to_contact)
        self.assertEqual(case.description, "Water: no description given.")

    def test_a_description_of_exactly_4000_characters_is_accepted(self):
        response = self.post(description="x" * 4000)
        self.assertEqual(response.status_code, 200, response.content)

    def test_the_api_needs_no_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        response = client.post(
            f"{API}/requests.json",
            {
                "api_key": self.partner_raw_key,
                "service_code": "health",
                "lat": "0.1",
                "long": "34.7",
            },
        )
        self.assertEqual(response.status_code, 200, response.content)

    # --- Errors --------------------------------------------------------------------------

    def test_a_missing_key_is_403(self):
        for fmt in ("json", "xml"):
            self.assert_error(self.post(fmt=fmt, api_key=None), 403, fmt)
            self.assert_error(self.post(fmt=fmt, api_key=""), 403, fmt)
        self.assertFalse(Case.objects.filter(channel="open311").exists())

    def test_a_wrong_key_is_403(self):
        self.assert_error(self.post(api_key="not-a-key"), 403)
        self.assert_error(self.post(api_key=self.partner_raw_key[:-1]), 403)

    def test_a_revoked_key_is_403(self):
        revoke_key(self.partner_key)
        self.assert_error(self.post(), 403)

    def test_a_missing_service_code_is_400(self):
        for value in (None, ""):
            errors = self.assert_error(self.post(service_code=value), 400)
            self.assertIn("service_code", errors[0]["description"])

    def test_an_unknown_service_code_is_404(self):
        self.assert_error(self.post(service_code="potholes"), 404)
        self.assert_error(self.post(fmt="xml", service_code="potholes"), 404, "xml")

    def test_a_missing_location_is_400(self):
        errors = self.assert_error(self.post(address_string=None), 400)
        self.assertIn("location", errors[0]["description"])
        self.assert_error(self.post(address_string="  "), 400)

    def test_lat_without_long_is_400(self):
        self.assert_error(self.post(address_string=None, lat="-1.3"), 400)

    def test_malformed_coordinates_are_400(self):
        for lat, long in (("north", "36.8"), ("91", "36.8"), ("-1.3", "181"), ("nan", "36.8")):
            self.assert_error(self.post(lat=lat, long=long), 400)

    def test_a_description_over_4000_characters_is_400(self):
        errors = self.assert_error(self.post(description="x" * 4001), 400)
        self.assertIn("4,000", errors[0]["description"])
        self.assertFalse(Case.objects.filter(channel="open311").exists())

    def test_invalid_contact_details_are_400(self):
        self.assert_error(self.post(phone="12"), 400)
        self.assert_error(self.post(email="not-an-address"), 400)

    def test_a_value_outside_a_list_attribute_is_400(self):
        errors = self.assert_error(self.post(**{"attribute[since_when]": "forever"}), 400)
        self.assertIn("since_when", errors[0]["description"])

    def test_a_media_url_must_be_http(self):
        self.assert_error(self.post(media_url="file:///etc/passwd"), 400)

    def test_another_jurisdiction_is_404(self):
        self.assert_error(self.post(jurisdiction_id="sfgov.org"), 404)

    def test_errors_create_nothing(self):
        self.post(service_code="potholes")
        self.post(api_key="wrong")
        self.post(description="x" * 4001)
        self.assertFalse(Open311Request.objects.exclude(case=self.partner_case).exists())
        self.assertFalse(Case.objects.filter(channel="open311").exists())
