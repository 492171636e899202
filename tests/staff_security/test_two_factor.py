"""Two-factor authentication: required for everyone who may see cases when
STAFF_TWO_FACTOR_REQUIRED is on (production), optional in development; an authenticator app's
codes or a recovery code complete the sign-in; nothing of the admin or the evidence opens before."""

import io
import re

from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff_security.two_factor import new_recovery_codes
from tests.factories import UserFactory, case_worker, editor

LOGIN = "/admin/login/"
HOME = "/admin/"
PASSWORD = "correct-horse-battery"


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


class TwoFactorTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.worker = case_worker("wanjiru")
        cls.editor = editor("mhariri")
        cls.superuser = UserFactory(username="root", is_superuser=True)

    def sign_in(self, user, password=PASSWORD):
        return self.client.post(LOGIN, {"username": user.username, "password": password})

    def with_authenticator(self, user):
        return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


@override_settings(STAFF_TWO_FACTOR_REQUIRED=True)
class RequiredTests(TwoFactorTestCase):
    def test_case_staff_must_set_up_a_second_factor_before_anything_else(self):
        self.sign_in(self.worker)
        for address in [HOME, reverse("cases:index"), "/evidence/1/", "/admin/pages/"]:
            with self.subTest(address=address):
                response = self.client.get(address)
                self.assertEqual(response.status_code, 302)
                self.assertTrue(response["Location"].startswith(reverse("two_factor_setup")))

    def test_the_menu_is_empty_until_then(self):
        self.sign_in(self.worker)
        page = self.client.get(reverse("two_factor_setup"))
        self.assertNotContains(page, reverse("cases:index"))

    def test_superusers_too(self):
        self.sign_in(self.superuser)
        self.assertTrue(self.client.get(HOME)["Location"].startswith(reverse("two_factor_setup")))

    def test_editors_who_see_no_cases_are_not_asked(self):
        self.sign_in(self.editor)
        self.assertEqual(self.client.get(HOME).status_code, 200)

    def test_setting_up_an_authenticator_with_the_password_and_a_code(self):
        self.sign_in(self.worker)
        page = self.client.get(reverse("two_factor_setup"))
        self.assertContains(page, "<svg")
        device = TOTPDevice.objects.get(user=self.worker, confirmed=False)
        data = {"code": current_code(device), "password": "wrong"}
        wrong_password = self.client.post(reverse("two_factor_setup"), data)
        self.assertContains(wrong_password, "That is not your password.")

        done = self.client.post(
            reverse("two_factor_setup"), {"code": current_code(device), "password": PASSWORD}
        )

        self.assertContains(done, "Two-factor authentication is on.")
        codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", done.content.decode())
        self.assertEqual(len(codes), 10)
        self.assertEqual(self.client.get(HOME).status_code, 200)

    def test_a_wrong_code_does_not_confirm_the_authenticator(self):
        self.sign_in(self.worker)
        self.client.get(reverse("two_factor_setup"))
        response = self.client.post(
            reverse("two_factor_setup"), {"code": "000000", "password": PASSWORD}
        )
        self.assertContains(response, "That code is not right")
        self.assertFalse(TOTPDevice.objects.filter(user=self.worker, confirmed=True).exists())
        self.assertEqual(self.client.get(HOME).status_code, 302)

    def test_signing_in_again_asks_for_a_code(self):
        device = self.with_authenticator(self.worker)
        signed_in = self.sign_in(self.worker)
        self.assertEqual(signed_in.status_code, 302)
        asked = self.client.get(HOME)
        self.assertTrue(asked["Location"].startswith(reverse("two_factor_verify")))

        verified = self.client.post(
            reverse("two_factor_verify"), {"code": current_code(device), "next": HOME}
        )

        self.assertRedirects(verified, HOME)
        self.assertEqual(self.client.get(reverse("cases:index")).status_code, 200)

    def test_a_wrong_code_is_refused(self):
        self.with_authenticator(self.worker)
        self.sign_in(self.worker)
        response = self.client.post(reverse("two_factor_verify"), {"code": "123456"})
        self.assertContains(response, "That code is not right or has expired.")
        self.assertEqual(self.client.get(HOME).status_code, 302)

    def test_a_recovery_code_works_once(self):
        self.with_authenticator(self.worker)
        code = new_recovery_codes(self.worker)[0]
        self.sign_in(self.worker)

        response = self.client.post(reverse("two_factor_verify"), {"code": code}, follow=True)
        self.assertContains(response, "You signed in with a recovery code: 9 are left.")

        self.client.logout()
        self.sign_in(self.worker)
        again = self.client.post(reverse("two_factor_verify"), {"code": code})
        self.assertContains(again, "That code is not right")

    def test_an_unverified_session_cannot_replace_the_authenticator(self):
        self.with_authenticator(self.worker)
        self.sign_in(self.worker)
        response = self.client.get(reverse("two_factor_setup"))
        self.assertTrue(response["Location"].startswith(reverse("two_factor_verify")))
        new_codes = self.client.post(reverse("two_factor_recovery_codes"))
        self.assertTrue(new_codes["Location"].startswith(reverse("two_factor_verify")))

    def test_new_recovery_codes_replace_the_old_ones(self):
        device = self.with_authenticator(self.worker)
        old = new_recovery_codes(self.worker)
        self.sign_in(self.worker)
        self.client.post(reverse("two_factor_verify"), {"code": current_code(device)})

        response = self.client.post(reverse("two_factor_recovery_codes"))

        new = re.findall(r"<li><code>([a-z0-9]+)</code></li>", response.content.decode())
        self.assertEqual(len(new), 10)
        tokens = set(
            StaticDevice.objects.get(user=self.worker).token_set.values_list("token", flat=True)
        )
        self.assertEqual(tokens, set(new))
        self.assertFalse(tokens & set(old))

    def test_the_account_menu_leads_to_the_two_factor_page(self):
        device = self.with_authenticator(self.worker)
        self.sign_in(self.worker)
        self.client.post(reverse("two_factor_verify"), {"code": current_code(device)})
        self.assertContains(
            self.client.get(reverse("wagtailadmin_account")), "Two-factor authentication"
        )
        self.assertContains(self.client.get(reverse("two_factor_overview")), "recovery codes left")


@override_settings(STAFF_TWO_FACTOR_REQUIRED=False)
class OptionalTests(TwoFactorTestCase):
    def test_without_an_authenticator_case_staff_sign_in_with_a_password(self):
        self.sign_in(self.worker)
        self.assertEqual(self.client.get(HOME).status_code, 200)
        self.assertContains(self.client.get(reverse("two_factor_overview")), "Off.")

    def test_who_set_one_up_must_use_it(self):
        self.with_authenticator(self.worker)
        self.sign_in(self.worker)
        self.assertTrue(self.client.get(HOME)["Location"].startswith(reverse("two_factor_verify")))

    @override_settings(DEBUG=True)
    def test_the_demo_admin_of_make_run_signs_in(self):
        output = io.StringIO()
        call_command("ensure_demo_admin", stdout=output)
        password = output.getvalue().split("admin / ", 1)[1].split(" ", 1)[0]

        signed_in = self.client.post(LOGIN, {"username": "admin", "password": password})

        self.assertRedirects(signed_in, HOME)
        self.assertEqual(self.client.get(HOME).status_code, 200)


class ResetCommandTests(TwoFactorTestCase):
    def test_a_lost_phone_and_lost_codes_are_reset_from_the_command_line(self):
        self.with_authenticator(self.worker)
        new_recovery_codes(self.worker)
        output = io.StringIO()

        call_command("reset_two_factor", "wanjiru", stdout=output)

        self.assertIn("reset for 'wanjiru'", output.getvalue())
        self.assertFalse(TOTPDevice.objects.filter(user=self.worker).exists())
        self.assertFalse(StaticDevice.objects.filter(user=self.worker).exists())

    def test_an_unknown_user_is_an_error(self):
        from django.core.management.base import CommandError

        with self.assertRaisesMessage(CommandError, "No user named 'nobody'."):
            call_command("reset_two_factor", "nobody", stdout=io.StringIO())
