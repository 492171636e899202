"""GET requests, requests/{id} and tokens/{token}: who sees what, the filters, the dates
and the errors."""

import datetime
from unittest import mock

from django.core.files.base import ContentFile
from django.utils import timezone

from cases import actions
from cases.models import Case
from cases.rules import Actor
from tests.factories import make_case

from .base import Open311TestCase, parse_json, parse_xml, private_case


def references(response):
    return [item["service_request_id"] for item in parse_json(response)]


class VisibilityTests(Open311TestCase):
    def test_the_public_sees_published_cases_only(self):
        response = self.get("requests.json")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(references(response), [self.published.reference])

    def test_a_partner_also_sees_its_own_requests(self):
        response = self.get("requests.json", api_key=self.partner_raw_key)
        self.assertEqual(
            sorted(references(response)),
            sorted([self.published.reference, self.partner_case.reference]),
        )
        self.assertEqual(response["Cache-Control"], "private, no-store")

    def test_another_partner_does_not_see_them(self):
        response = self.get("requests.json", api_key=self.other_raw_key)
        self.assertEqual(references(response), [self.published.reference])

    def test_a_wrong_key_on_get_is_403_and_an_empty_one_is_absent(self):
        self.assert_error(self.get("requests.json", api_key="wrong"), 403)
        self.assert_error(self.get("requests.xml", api_key="wrong"), 403, "xml")
        self.assert_error(
            self.get(f"requests/{self.published.reference}.json", api_key="wrong"), 403
        )
        response = self.get("requests.json", api_key="")
        self.assertEqual(references(response), [self.published.reference])

    def test_unpublishing_removes_a_case_at_once(self):
        actions.unpublish_case(case=self.published, by=self.supervisor)
        self.assertEqual(references(self.get("requests.json")), [])
        self.assert_error(self.get(f"requests/{self.published.reference}.json"), 404)

    def test_single_request_visibility(self):
        ok = self.get(f"requests/{self.published.reference}.json")
        self.assertEqual(references(ok), [self.published.reference])
        self.assert_error(self.get(f"requests/{self.unpublished.reference}.json"), 404)
        self.assert_error(self.get(f"requests/{self.partner_case.reference}.xml"), 404, "xml")
        own = self.get(f"requests/{self.partner_case.reference}.json", api_key=self.partner_raw_key)
        self.assertEqual(references(own), [self.partner_case.reference])
        self.assert_error(
            self.get(f"requests/{self.partner_case.reference}.json", api_key=self.other_raw_key),
            404,
        )
        self.assert_error(self.get("requests/HUD-1999-000001.json"), 404)

    def test_nothing_personal_in_any_output(self):
        for fmt in ("json", "xml"):
            for key in (None, self.partner_raw_key):
                params = {"api_key": key} if key else {}
                self.assert_nothing_personal(self.get(f"requests.{fmt}", **params))
                self.assert_nothing_personal(
                    self.get(f"requests/{self.published.reference}.{fmt}", **params)
                )
            own = self.get(
                f"requests/{self.partner_case.reference}.{fmt}", api_key=self.partner_raw_key
            )
            self.assertEqual(own.status_code, 200)
            self.assert_nothing_personal(own)


class RequestContentTests(Open311TestCase):
    def test_a_published_request_in_json(self):
        [data] = parse_json(self.get(f"requests/{self.published.reference}.json"))
        self.assertEqual(
            list(data),
            [
                "service_request_id",
                "status",
                "status_notes",
                "service_name",
                "service_code",
                "description",
                "agency_responsible",
                "service_notice",
                "requested_datetime",
                "updated_datetime",
                "expected_datetime",
                "address",
                "lat",
                "long",
            ],
        )
        self.assertEqual(data["status"], "open")
        self.assertEqual(data["service_code"], "water")
        self.assertEqual(data["service_name"], "Water")
        self.assertEqual(data["description"], "A water kiosk in Kisumu ran dry.")
        self.assertEqual(data["address"], "Kisumu County")
        self.assertEqual(data["status_notes"], "Received through Web.")
        self.assertIsNone(data["agency_responsible"])
        # About a kilometre: two decimal places.
        self.assertEqual(data["lat"], -0.09)
        self.assertEqual(data["long"], 34.77)
        received = datetime.datetime.fromisoformat(data["requested_datetime"])
        self.assertEqual(received, self.published.received_at.replace(microsecond=0))
        self.assertEqual(data["requested_datetime"][-6:], "+03:00")
        self.assertTrue(data["expected_datetime"].startswith(self.published.due_date.isoformat()))

    def test_a_partners_unpublished_request_shows_no_description(self):
        [data] = parse_json(
            self.get(f"requests/{self.partner_case.reference}.json", api_key=self.partner_raw_key)
        )
        self.assertIsNone(data["description"])
        self.assertEqual(data["address"], "Nakuru County")
        self.assertEqual(data["service_code"], "education")

    def test_status_mapping_notes_and_agency_through_the_workflow(self):
        case = self.published
        case = actions.forward_case(case=case, authority=self.water_board, by=self.worker)
        [data] = parse_json(self.get(f"requests/{case.reference}.json"))
        self.assertEqual(data["status"], "open")
        self.assertEqual(data["agency_responsible"], "Nairobi City Water")
        self.assertEqual(data["status_notes"], "Forwarded to Nairobi City Water.")
        actions.add_note(case=case, text="Internal: call the kiosk owner", by=self.worker)
        case = actions.respond_to_case(case=case, response="Repaired on Monday.", by=self.worker)
        [data] = parse_json(self.get(f"requests/{case.reference}.json"))
        self.assertEqual(data["status"], "open")
        self.assertEqual(data["status_notes"], "Repaired on Monday.")
        case = actions.close_case(case=case, outcome="resolved", by=self.worker)
        [data] = parse_json(self.get(f"requests/{case.reference}.json"))
        self.assertEqual(data["status"], "closed")
        self.assertIsNone(data["expected_datetime"])
        closed_at = datetime.datetime.fromisoformat(data["updated_datetime"])
        self.assertEqual(closed_at, case.closed_at.replace(microsecond=0))
        self.assertNotIn("Internal", self.get("requests.json").content.decode())

    def test_status_notes_never_carry_the_citizens_own_words_or_file_names(self):
        case = actions.forward_case(case=self.published, authority=self.water_board, by=self.worker)
        actions.add_note(case=case, text="Achieng here, call me", by=Actor.citizen())
        actions.add_attachment(
            case=case,
            file=ContentFile(b"%PDF-1.4", name="x.pdf"),
            content_type="application/pdf",
            original_name="Achieng_Otieno_ID.pdf",
            by=Actor.citizen(),
        )
        [data] = parse_json(self.get(f"requests/{case.reference}.json"))
        self.assertEqual(data["status_notes"], "Forwarded to Nairobi City Water.")

    def test_a_request_in_xml(self):
        response = self.get(f"requests/{self.published.reference}.xml")
        self.assertEqual(response["Content-Type"], "text/xml; charset=utf-8")
        root = parse_xml(response)
        self.assertEqual(root.tag, "service_requests")
        request = root.find("request")
        self.assertEqual(request.findtext("service_request_id"), self.published.reference)
        self.assertEqual(request.findtext("status"), "open")
        self.assertEqual(request.findtext("address"), "Kisumu County")
        self.assertEqual(request.findtext("lat"), "-0.09")
        self.assertEqual(request.findtext("agency_responsible"), "")  # present, empty

    def test_xml_escapes_markup_and_drops_characters_xml_cannot_hold(self):
        case = private_case()
        actions.publish_case(
            case=case, summary='Pipes <burst> & "leaking"\x01 at night', by=self.supervisor
        )
        response = self.get(f"requests/{case.reference}.xml")
        self.assertIn(b"Pipes &lt;burst&gt; &amp;", response.content)
        description = parse_xml(response).findtext("request/description")
        self.assertEqual(description, 'Pipes <burst> & "leaking" at night')


class FilterTests(Open311TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.closed = private_case(county_name="Kisumu", sector_slug="health")
        cls.closed = actions.publish_case(case=cls.closed, summary="Clinic", by=cls.supervisor)
        cls.closed = actions.dismiss_case(
            case=cls.closed, outcome="out_of_scope", reason="Not ours", by=cls.supervisor
        )
        old = private_case(received_at=timezone.now() - datetime.timedelta(days=120))
        cls.old = actions.publish_case(case=old, summary="Old kiosk", by=cls.supervisor)

    def test_by_default_the_last_90_days_newest_first(self):
        self.assertEqual(
            references(self.get("requests.json")),
            [self.closed.reference, self.published.reference],
        )

    def test_status_filter(self):
        self.assertEqual(
            references(self.get("requests.json", status="open")), [self.published.reference]
        )
        self.assertEqual(
            references(self.get("requests.json", status="closed")), [self.closed.reference]
        )
        self.assertEqual(len(references(self.get("requests.json", status="open,closed"))), 2)
        self.assertEqual(len(references(self.get("requests.json", status=""))), 2)
        self.assert_error(self.get("requests.json", status="pending"), 400)

    def test_service_code_filter(self):
        self.assertEqual(
            references(self.get("requests.json", service_code="health")),
            [self.closed.reference],
        )
        self.assertEqual(len(references(self.get("requests.json", service_code="health,water"))), 2)
        self.assert_error(self.get("requests.json", service_code="potholes"), 404)

    def test_date_range(self):
        old_day = self.old.received_at
        response = self.get(
            "requests.json",
            start_date=(old_day - datetime.timedelta(days=1)).isoformat(),
            end_date=(old_day + datetime.timedelta(days=1)).isoformat(),
        )
        self.assertEqual(references(response), [self.old.reference])
        start_only = self.get(
            "requests.json", start_date=(old_day - datetime.timedelta(hours=1)).isoformat()
        )
        self.assertEqual(references(start_only), [self.old.reference])
        utc = self.get("requests.xml", start_date="2000-01-01T00:00:00Z")
        self.assertEqual(utc.status_code, 200)

    def test_malformed_dates_are_400(self):
        for value in (
            "yesterday",
            "2026-01-01",  # no time, no zone
            "2026-01-01T00:00:00",  # no zone
            "2026-13-01T00:00:00Z",
            "2026-01-01 00:00:00+03:00",
        ):
            for name in ("start_date", "end_date"):
                self.assert_error(self.get("requests.json", **{name: value}), 400)
        self.assert_error(self.get("requests.xml", start_date="2026-01-01"), 400, "xml")

    def test_a_range_must_run_forward_and_span_at_most_90_days(self):
        self.assert_error(
            self.get(
                "requests.json",
                start_date="2026-03-01T00:00:00Z",
                end_date="2026-01-01T00:00:00Z",
            ),
            400,
        )
        self.assert_error(
            self.get(
                "requests.json",
                start_date="2026-01-01T00:00:00Z",
                end_date="2026-06-01T00:00:00Z",
            ),
            400,
        )

    def test_empty_parameters_count_as_absent(self):
        response = self.get(
            "requests.json",
            service_request_id="",
            service_code="",
            status="",
            start_date="",
            end_date="",
            jurisdiction_id="",
            api_key="",
        )
        self.assertEqual(references(response), [self.closed.reference, self.published.reference])

    def test_service_request_id_overrides_the_other_parameters(self):
        response = self.get(
            "requests.json",
            service_request_id=f"{self.old.reference}, {self.unpublished.reference},HUD-0",
            status="closed",
            service_code="health",
            start_date="not even a date",
        )
        self.assertEqual(references(response), [self.old.reference])

    def test_at_most_1000_results(self):
        with mock.patch("open311.api.MAX_RESULTS", 1):
            self.assertEqual(references(self.get("requests.json")), [self.closed.reference])

    def test_the_limit_is_1000(self):
        from open311 import api

        self.assertEqual(api.MAX_RESULTS, 1000)


class TokenTests(Open311TestCase):
    def test_a_token_gives_its_request_id(self):
        for fmt in ("json", "xml"):
            response = self.get(f"tokens/partner-token-1.{fmt}")
            self.assertEqual(response.status_code, 200)
        [data] = parse_json(self.get("tokens/partner-token-1.json"))
        self.assertEqual(
            data, {"service_request_id": self.partner_case.reference, "token": "partner-token-1"}
        )
        root = parse_xml(self.get("tokens/partner-token-1.xml"))
        self.assertEqual(root.findtext("request/token"), "partner-token-1")

    def test_an_unknown_token_is_404(self):
        self.assert_error(self.get("tokens/nope.json"), 404)
        self.assert_error(self.get("tokens/nope.xml"), 404, "xml")

    def test_the_tracking_token_is_not_an_open311_token(self):
        self.assert_error(self.get(f"tokens/{self.partner_case.tracking_token}.json"), 404)


class QueryCountTests(Open311TestCase):
    def test_listing_takes_a_fixed_number_of_queries(self):
        for _ in range(3):
            case = make_case(consent_to_publish=True)
            actions.publish_case(case=case, summary="Summary", by=self.supervisor)
        self.assertEqual(Case.objects.published().count(), 4)
        with self.assertNumQueries(2):
            self.get("requests.json")
