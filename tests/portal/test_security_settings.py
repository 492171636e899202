"""Security settings as each environment really loads them (production in a subprocess, with
its required environment)."""

import json

from django.conf import settings
from django.test import SimpleTestCase, TestCase

from .test_settings import PRODUCTION_ENV, run_manage

PRINT_SETTINGS = """
import json
from django.conf import settings
print(json.dumps({
    "language_cookie_samesite": settings.LANGUAGE_COOKIE_SAMESITE,
    "language_cookie_secure": settings.LANGUAGE_COOKIE_SECURE,
    "staff_two_factor_required": settings.STAFF_TWO_FACTOR_REQUIRED,
    "middleware": settings.MIDDLEWARE,
    "authentication_backends": settings.AUTHENTICATION_BACKENDS,
}))
"""


def production_settings():
    result = run_manage("shell", "-c", PRINT_SETTINGS, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


class LanguageCookieTests(TestCase):
    def test_the_language_comes_from_the_address_and_no_cookie_is_set(self):
        for path in ("/", "/sw/"):
            with self.subTest(path=path):
                response = self.client.get(path, follow=True)
                self.assertEqual(response.status_code, 200)
                self.assertNotIn(settings.LANGUAGE_COOKIE_NAME, response.cookies)
        # Should Django ever set it (its set_language view), it goes with SameSite=Lax.
        self.assertEqual(settings.LANGUAGE_COOKIE_SAMESITE, "Lax")


class ProductionSecurityTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.production = production_settings()

    def test_the_language_cookie_is_secure_and_same_site_in_production(self):
        self.assertEqual(self.production["language_cookie_samesite"], "Lax")
        self.assertTrue(self.production["language_cookie_secure"])

    def test_case_staff_must_use_two_factor_authentication_in_production(self):
        self.assertTrue(self.production["staff_two_factor_required"])
        self.assertIn(
            "staff_security.two_factor.TwoFactorMiddleware", self.production["middleware"]
        )

    def test_sign_in_is_throttled_in_production(self):
        self.assertIn("axes.middleware.AxesMiddleware", self.production["middleware"])
        self.assertEqual(
            self.production["authentication_backends"],
            ["staff_security.backends.ThrottledModelBackend"],
        )
