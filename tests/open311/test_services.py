"""Discovery, the service list and service definitions, in both formats, with the
specification's errors."""

from django.test import TestCase, override_settings

from refdata.models import Sector

from .base import API, parse_json, parse_xml

JSON = "application/json; charset=utf-8"
XML = "text/xml; charset=utf-8"


class DiscoveryTests(TestCase):
    def test_json_lists_the_v2_endpoint_and_both_formats(self):
        response = self.client.get(f"{API}/discovery.json")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], JSON)
        data = parse_json(response)
        self.assertTrue(data["changeset"])
        self.assertIn("/open311/", data["key_service"])
        [endpoint] = data["endpoints"]
        self.assertEqual(endpoint["specification"], "http://wiki.open311.org/GeoReport_v2")
        self.assertEqual(endpoint["url"], "http://testserver/open311/v2")
        self.assertEqual(endpoint["type"], "production")
        self.assertEqual(endpoint["formats"], ["text/xml", "application/json"])

    def test_xml_has_the_declaration_and_the_spec_elements(self):
        response = self.client.get(f"{API}/discovery.xml")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], XML)
        self.assertTrue(response.content.startswith(b'<?xml version="1.0" encoding="utf-8"?>'))
        root = parse_xml(response)
        self.assertEqual(root.tag, "discovery")
        formats = [element.text for element in root.iter("format")]
        self.assertEqual(formats, ["text/xml", "application/json"])
        self.assertEqual(root.find("endpoints/endpoint/type").text, "production")


class ServiceListTests(TestCase):
    def test_one_service_per_active_sector_with_string_codes(self):
        Sector.objects.filter(slug="food").update(is_active=False)
        data = parse_json(self.client.get(f"{API}/services.json"))
        codes = [service["service_code"] for service in data]
        expected = list(Sector.objects.active().values_list("slug", flat=True))
        self.assertEqual(codes, expected)
        self.assertNotIn("food", codes)
        self.assertTrue(all(isinstance(code, str) for code in codes))

    def test_service_fields(self):
        data = parse_json(self.client.get(f"{API}/services.json"))
        water = next(service for service in data if service["service_code"] == "water")
        self.assertEqual(
            set(water),
            {
                "service_code",
                "service_name",
                "description",
                "metadata",
                "type",
                "keywords",
                "group",
            },
        )
        self.assertEqual(water["service_name"], "Water")
        self.assertIs(water["metadata"], True)
        self.assertEqual(water["type"], "realtime")
        self.assertIn("borehole", water["keywords"])
        self.assertEqual(water["group"], "Economic and social rights")
        housing = next(s for s in data if s["service_code"] == "housing-sanitation")
        self.assertIs(housing["metadata"], False)

    def test_names_stay_english_for_a_kiswahili_reader(self):
        self.client.cookies["django_language"] = "sw"
        data = parse_json(
            self.client.get(f"{API}/services.json", headers={"accept-language": "sw"})
        )
        self.assertIn("Water", [service["service_name"] for service in data])

    def test_xml_list(self):
        response = self.client.get(f"{API}/services.xml")
        self.assertEqual(response["Content-Type"], XML)
        root = parse_xml(response)
        self.assertEqual(root.tag, "services")
        water = next(s for s in root.findall("service") if s.findtext("service_code") == "water")
        self.assertEqual(water.findtext("metadata"), "true")
        self.assertEqual(water.findtext("type"), "realtime")
        self.assertEqual(
            [child.tag for child in water],
            [
                "service_code",
                "service_name",
                "description",
                "metadata",
                "type",
                "keywords",
                "group",
            ],
        )


class ServiceDefinitionTests(TestCase):
    def test_json_definition_with_attributes_and_values(self):
        response = self.client.get(f"{API}/services/water.json")
        self.assertEqual(response.status_code, 200)
        data = parse_json(response)
        self.assertEqual(data["service_code"], "water")
        codes = [attribute["code"] for attribute in data["attributes"]]
        self.assertEqual(codes, ["water_point", "since_when"])
        since_when = data["attributes"][1]
        self.assertEqual(since_when["datatype"], "singlevaluelist")
        self.assertIs(since_when["variable"], True)
        self.assertIs(since_when["required"], False)
        self.assertEqual(since_when["order"], 2)
        self.assertIn({"key": "month", "name": "Less than a month"}, since_when["values"])

    def test_xml_definition(self):
        root = parse_xml(self.client.get(f"{API}/services/health.xml"))
        self.assertEqual(root.tag, "service_definition")
        self.assertEqual(root.findtext("service_code"), "health")
        attribute = root.find("attributes/attribute")
        self.assertEqual(attribute.findtext("code"), "facility_name")
        self.assertEqual(attribute.findtext("variable"), "true")
        keys = [
            value.findtext("key") for value in root.iterfind("attributes/attribute/values/value")
        ]
        self.assertIn("longer", keys)

    def test_a_service_without_questions_has_an_empty_definition(self):
        data = parse_json(self.client.get(f"{API}/services/housing-sanitation.json"))
        self.assertEqual(data, {"service_code": "housing-sanitation", "attributes": []})

    def test_unknown_and_inactive_services_are_404_in_both_formats(self):
        Sector.objects.filter(slug="food").update(is_active=False)
        for code in ("potholes", "food", "001"):
            for fmt in ("json", "xml"):
                response = self.client.get(f"{API}/services/{code}.{fmt}")
                self.assertEqual(response.status_code, 404)
                body = response.content.decode()
                self.assertIn("service_code", body)
                if fmt == "xml":
                    self.assertEqual(parse_xml(response).find("error/code").text, "404")
                else:
                    self.assertEqual(parse_json(response)[0]["code"], 404)


class JurisdictionTests(TestCase):
    def test_the_configured_jurisdiction_is_accepted(self):
        response = self.client.get(f"{API}/services.json", {"jurisdiction_id": "huduma.ke"})
        self.assertEqual(response.status_code, 200)

    def test_an_empty_jurisdiction_counts_as_absent(self):
        response = self.client.get(f"{API}/services.json", {"jurisdiction_id": ""})
        self.assertEqual(response.status_code, 200)

    def test_another_jurisdiction_is_404(self):
        for path in ("services.json", "services/water.json", "requests.json", "tokens/x.json"):
            response = self.client.get(f"{API}/{path}", {"jurisdiction_id": "sfgov.org"})
            self.assertEqual(response.status_code, 404, path)
            self.assertIn("jurisdiction_id", parse_json(response)[0]["description"])

    @override_settings(OPEN311_JURISDICTION_ID="nairobi.go.ke")
    def test_the_jurisdiction_comes_from_settings(self):
        ok = self.client.get(f"{API}/services.xml", {"jurisdiction_id": "nairobi.go.ke"})
        self.assertEqual(ok.status_code, 200)
        wrong = self.client.get(f"{API}/services.xml", {"jurisdiction_id": "huduma.ke"})
        self.assertEqual(wrong.status_code, 404)
        self.assertEqual(parse_xml(wrong).tag, "errors")


class AddressTests(TestCase):
    def test_unknown_resources_and_formats_answer_the_spec_404(self):
        for path, content_type in (
            ("nothing.json", JSON),
            ("nothing.xml", XML),
            ("services.html", XML),
            ("services.JSON", XML),
            ("requests/HUD-2026-000001.csv", XML),
        ):
            response = self.client.get(f"{API}/{path}")
            self.assertEqual(response.status_code, 404, path)
            self.assertEqual(response["Content-Type"], content_type, path)

    def test_the_openapi_description_is_served(self):
        response = self.client.get(f"{API}/openapi.json")
        self.assertEqual(response.status_code, 200)
        schema = parse_json(response)
        self.assertEqual(
            set(schema["paths"]),
            {
                "/open311/v2/discovery.{fmt}",
                "/open311/v2/services.{fmt}",
                "/open311/v2/services/{service_code}.{fmt}",
                "/open311/v2/requests.{fmt}",
                "/open311/v2/requests/{service_request_id}.{fmt}",
                "/open311/v2/tokens/{token}.{fmt}",
            },
        )
        self.assertEqual(set(schema["paths"]["/open311/v2/requests.{fmt}"]), {"get", "post"})
        post = schema["paths"]["/open311/v2/requests.{fmt}"]["post"]
        self.assertIn("application/x-www-form-urlencoded", post["requestBody"]["content"])

    def test_the_docs_page_loads_nothing_from_a_cdn(self):
        # Without "ninja" in INSTALLED_APPS django-ninja's Swagger UI would come from a CDN,
        # so there is no docs page at all; with it, the page uses our own static files.
        response = self.client.get(f"{API}/docs")
        self.assertNotIn(b"cdn.jsdelivr.net", response.content)
