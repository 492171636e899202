"""POST requests are limited per API key and per network address: over the limit the answer
is the specification's error list with 429, and no case is made."""

from django.test import override_settings

from cases.models import Case

from .base import API, Open311TestCase, parse_xml


@override_settings(
    OPEN311_POST_RATE_LIMIT_PER_KEY=3,
    OPEN311_POST_RATE_LIMIT_PER_ADDRESS=5,
    OPEN311_POST_RATE_WINDOW=600,
)
class PostRateLimitTests(Open311TestCase):
    def post(self, fmt="json", *, raw_key=None, address="198.51.100.7"):
        return self.client.post(
            f"{API}/requests.{fmt}",
            {
                "api_key": raw_key or self.partner_raw_key,
                "service_code": "water",
                "address_string": "Olympic estate, Kibera, Nairobi City County",
                "description": "The kiosk has been dry for three weeks.",
            },
            REMOTE_ADDR=address,
        )

    def test_one_key_gets_429_past_its_limit_and_no_case_is_made(self):
        for _ in range(3):
            self.assertEqual(self.post().status_code, 200)
        before = Case.objects.count()

        refused = self.post()

        errors = self.assert_error(refused, 429)
        self.assertIn("api_key", errors[0]["description"])
        self.assertEqual(refused["Retry-After"], "600")
        self.assertEqual(Case.objects.count(), before)

    def test_the_error_comes_in_xml_too(self):
        for _ in range(3):
            self.post("xml")
        refused = self.post("xml")
        self.assert_error(refused, 429, fmt="xml")
        self.assertEqual(parse_xml(refused).findtext("error/code"), "429")

    def test_another_key_is_counted_apart(self):
        for _ in range(3):
            self.post()
        self.assertEqual(self.post(raw_key=self.other_raw_key).status_code, 200)

    def test_many_keys_from_one_address_meet_the_address_limit(self):
        for _ in range(3):
            self.assertEqual(self.post().status_code, 200)
        for _ in range(2):
            self.assertEqual(self.post(raw_key=self.other_raw_key).status_code, 200)
        errors = self.assert_error(self.post(raw_key=self.other_raw_key), 429)
        self.assertIn("network address", errors[0]["description"])
        # Another address is not held back by this one.
        self.assertEqual(
            self.post(raw_key=self.other_raw_key, address="203.0.113.9").status_code, 200
        )

    def test_refused_attempts_do_not_extend_the_wait(self):
        for _ in range(3):
            self.post()
        for _ in range(5):
            self.assert_error(self.post(), 429)
        # Five refusals did not count: the address still has room for another partner.
        self.assertEqual(self.post(raw_key=self.other_raw_key).status_code, 200)

    def test_reading_is_not_limited(self):
        for _ in range(3):
            self.post()
        self.assertEqual(self.client.get(f"{API}/requests.json").status_code, 200)
