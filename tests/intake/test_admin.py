from django.test import TestCase

from tests.factories import UserFactory, case_worker


class GatewayAdminTests(TestCase):
    def test_gateway_records_are_read_only_and_for_permitted_staff(self):
        admin = UserFactory(username="root", is_superuser=True)
        self.client.force_login(admin)
        for url in ("/admin/inbound_sms/", "/admin/ussd_sessions/"):
            self.assertEqual(self.client.get(url).status_code, 200)
        for url in ("/admin/inbound_sms/new/", "/admin/ussd_sessions/new/"):
            self.assertEqual(self.client.get(url).status_code, 404)
        self.client.force_login(case_worker())
        self.assertNotEqual(self.client.get("/admin/inbound_sms/").status_code, 200)
