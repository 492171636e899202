"""The gateway callbacks refuse NUL characters and over-long fields with a 400 before any
database query (PostgreSQL cannot store a NUL, so it was a 500 there)."""

from django.test import TestCase

from intake.gateways.views import SMS_FIELD_LIMITS, USSD_FIELD_LIMITS
from intake.models import InboundSMS, UssdSession

SMS_URL = "/channels/africastalking/sms/test-callback-secret/"
DELIVERY_URL = "/channels/africastalking/delivery/test-callback-secret/"
USSD_URL = "/channels/africastalking/ussd/test-callback-secret/"

SMS = {
    "id": "ATXid_1",
    "from": "+254712345678",
    "to": "22384",
    "text": "STATUS HUD-2026-000001",
    "date": "2026-05-03 06:04:45",
    "linkId": "link-1",
    "networkCode": "63902",
}
DELIVERY = {"id": "ATXid_9", "status": "Success", "phoneNumber": "+254712345678"}
USSD = {
    "sessionId": "ATUid_1",
    "phoneNumber": "+254712345678",
    "serviceCode": "*384*1#",
    "networkCode": "63902",
    "text": "",
}
CALLBACKS = [(SMS_URL, SMS), (DELIVERY_URL, DELIVERY), (USSD_URL, USSD)]


class GatewayFieldTests(TestCase):
    def post(self, url, data):
        return self.client.post(url, data)

    def test_a_nul_character_in_any_field_is_refused_before_the_database(self):
        for url, data in CALLBACKS:
            for field in data:
                with self.subTest(url=url, field=field):
                    with self.assertNumQueries(0):
                        response = self.post(url, {**data, field: data[field] + "\x00x"})
                    self.assertEqual(response.status_code, 400)
                    self.assertIn(b"NUL", response.content)

    def test_a_nul_character_in_a_field_name_or_an_extra_field_is_refused(self):
        for url, data in CALLBACKS:
            with self.subTest(url=url):
                self.assertEqual(self.post(url, {**data, "extra\x00": "1"}).status_code, 400)
                self.assertEqual(self.post(url, {**data, "input": "1\x002"}).status_code, 400)

    def test_an_over_long_field_is_refused_before_the_database(self):
        for url, data in CALLBACKS:
            for field in data:
                with self.subTest(url=url, field=field):
                    with self.assertNumQueries(0):
                        response = self.post(url, {**data, field: "9" * 10_000})
                    self.assertEqual(response.status_code, 400)
                    self.assertIn(field.encode(), response.content)

    def test_ids_as_long_as_the_columns_still_work(self):
        sms = {**SMS, "id": "s" * SMS_FIELD_LIMITS["id"]}
        self.assertEqual(self.post(SMS_URL, sms).status_code, 200)
        self.assertTrue(InboundSMS.objects.filter(gateway_id=sms["id"]).exists())
        ussd = {**USSD, "sessionId": "u" * USSD_FIELD_LIMITS["sessionId"]}
        self.assertEqual(self.post(USSD_URL, ussd).status_code, 200)
        self.assertTrue(UssdSession.objects.filter(session_id=ussd["sessionId"]).exists())

    def test_nothing_is_stored_from_a_refused_request(self):
        self.post(SMS_URL, {**SMS, "text": "hello\x00"})
        self.post(USSD_URL, {**USSD, "sessionId": "x" * 500})
        self.assertFalse(InboundSMS.objects.exists())
        self.assertFalse(UssdSession.objects.exists())
