"""Partner keys: the command, the hash-only storage, revocation and the admin."""

import io
import re

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import TestCase

from open311.keys import authenticate, hash_key, issue_key
from open311.models import ApiKey

from .base import API

KEY_LINE = re.compile(r"^[A-Za-z0-9_-]{43}$", re.MULTILINE)


def run(*args):
    out = io.StringIO()
    call_command("open311_key", *args, stdout=out)
    return out.getvalue()


class KeyCommandTests(TestCase):
    def test_create_prints_a_key_once_and_stores_only_its_hash(self):
        output = run("create", "Sauti Civic Lab")
        [raw_key] = KEY_LINE.findall(output)
        api_key = ApiKey.objects.get()
        self.assertEqual(api_key.organisation, "Sauti Civic Lab")
        self.assertEqual(api_key.prefix, raw_key[:8])
        self.assertEqual(api_key.key_hash, hash_key(raw_key))
        stored = [str(value) for value in ApiKey.objects.values_list().get()]
        self.assertNotIn(raw_key, stored)
        self.assertEqual(authenticate(raw_key), api_key)
        # Nothing else shows it again.
        self.assertNotIn(raw_key, run("list"))

    def test_list_shows_prefix_organisation_and_status(self):
        api_key, _raw = issue_key("Mtaa Watch")
        output = run("list")
        self.assertIn(api_key.prefix, output)
        self.assertIn("Mtaa Watch", output)
        self.assertIn("active", output)
        self.assertIn("never", output)

    def test_revoke_stops_the_key(self):
        output = run("create", "Sauti Civic Lab")
        [raw_key] = KEY_LINE.findall(output)
        response = self.client.post(
            f"{API}/requests.json",
            {"api_key": raw_key, "service_code": "water", "address_string": "Kisumu"},
        )
        self.assertEqual(response.status_code, 200, response.content)
        self.assertIn("Revoked", run("revoke", raw_key[:8]))
        self.assertIsNotNone(ApiKey.objects.get().revoked_at)
        self.assertIsNone(authenticate(raw_key))
        response = self.client.post(
            f"{API}/requests.json",
            {"api_key": raw_key, "service_code": "water", "address_string": "Kisumu"},
        )
        self.assertEqual(response.status_code, 403)
        self.assertIn("revoked", run("list"))
        self.assertIn("already revoked", run("revoke", raw_key[:8]))

    def test_one_active_key_per_organisation(self):
        run("create", "Sauti Civic Lab")
        with self.assertRaisesMessage(CommandError, "already has an active key"):
            run("create", "Sauti Civic Lab")
        run("revoke", ApiKey.objects.get().prefix)
        run("create", "Sauti Civic Lab")
        self.assertEqual(ApiKey.objects.active().count(), 1)

    def test_errors(self):
        with self.assertRaises(CommandError):
            run("create", "   ")
        with self.assertRaisesMessage(CommandError, "No API key"):
            run("revoke", "nope1234")

    def test_authenticate_notes_the_last_use(self):
        api_key, raw_key = issue_key("Mtaa Watch")
        self.assertIsNone(api_key.last_used_at)
        authenticate(raw_key)
        api_key.refresh_from_db()
        self.assertIsNotNone(api_key.last_used_at)


class KeyAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")

    def setUp(self):
        self.client.force_login(self.admin)

    def test_listing_shows_keys_but_never_a_key(self):
        api_key, raw_key = issue_key("Mtaa Watch")
        response = self.client.get("/admin/open311-keys/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Mtaa Watch")
        self.assertContains(response, api_key.prefix)
        self.assertNotContains(response, raw_key)
        self.assertNotContains(response, api_key.key_hash)

    def test_issuing_shows_the_key_once(self):
        response = self.client.post("/admin/open311-keys/new/", {"organisation": "Sauti"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("no-store", response["Cache-Control"])
        api_key = ApiKey.objects.get(organisation="Sauti")
        raw_key = re.search(r'<code id="open311-key">([^<]+)</code>', response.content.decode())
        self.assertEqual(authenticate(raw_key.group(1)), api_key)
        inspect = self.client.get(f"/admin/open311-keys/inspect/{api_key.pk}/")
        self.assertEqual(inspect.status_code, 200)
        self.assertNotContains(inspect, raw_key.group(1))

    def test_a_second_active_key_for_an_organisation_is_refused(self):
        issue_key("Sauti")
        response = self.client.post("/admin/open311-keys/new/", {"organisation": "Sauti"})
        self.assertContains(response, "already has an active key")
        self.assertEqual(ApiKey.objects.count(), 1)

    def test_revoking_from_the_admin(self):
        api_key, raw_key = issue_key("Mtaa Watch")
        inspect = self.client.get(f"/admin/open311-keys/inspect/{api_key.pk}/")
        self.assertContains(inspect, "Revoke this key")
        response = self.client.post(f"/admin/open311-keys/revoke/{api_key.pk}/")
        self.assertRedirects(response, f"/admin/open311-keys/inspect/{api_key.pk}/")
        self.assertIsNone(authenticate(raw_key))

    def test_no_edit_or_delete_routes(self):
        api_key, _raw = issue_key("Mtaa Watch")
        for path in (f"edit/{api_key.pk}/", f"delete/{api_key.pk}/"):
            response = self.client.get(f"/admin/open311-keys/{path}")
            self.assertEqual(response.status_code, 404, path)

    def test_staff_without_the_permission_cannot_revoke(self):
        api_key, raw_key = issue_key("Mtaa Watch")
        staff = get_user_model().objects.create_user("staff", password="pw", is_staff=True)
        from django.contrib.auth.models import Permission

        staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
        self.client.force_login(staff)
        response = self.client.post(f"/admin/open311-keys/revoke/{api_key.pk}/")
        # Wagtail turns the refusal into a redirect to the dashboard with an error message.
        self.assertRedirects(response, "/admin/")
        self.assertIsNotNone(authenticate(raw_key))
