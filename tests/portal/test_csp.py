"""Every page carries a Content-Security-Policy: the strict one on public pages (no inline
script, nothing from elsewhere), Wagtail's allowances only under /admin/."""

import re
from pathlib import Path

from django.test import TestCase

from pages.initial_content import load_initial_content

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
# Templates rendered only inside the Wagtail admin, or only into PDFs.
NOT_PUBLIC = ("cases/admin/", "staff_security/", "accountability/pdf/", "cases/pdf/")
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


class PolicyHeaderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_initial_content()

    def test_public_pages_get_the_strict_policy(self):
        for path in ["/", "/search/?q=maji", "/report/", "/track/", "/accountability/"]:
            with self.subTest(path=path):
                policy = directives(self.client.get(path))
                self.assertEqual(policy["script-src"], ["'self'"])
                self.assertEqual(policy["style-src"], ["'self'"])
                self.assertEqual(policy["default-src"], ["'self'"])
                self.assertEqual(policy["object-src"], ["'none'"])
                self.assertEqual(policy["frame-ancestors"], ["'none'"])

    def test_the_admin_gets_wagtails_allowances_and_nothing_from_elsewhere(self):
        policy = directives(self.client.get("/admin/login/"))
        self.assertEqual(policy["script-src"], ["'self'", "'unsafe-inline'"])
        self.assertEqual(policy["frame-ancestors"], ["'self'"])
        self.assertNotIn("*", " ".join(value for values in policy.values() for value in values))

    def test_error_pages_carry_the_policy_too(self):
        response = self.client.get("/no-such-page/")
        self.assertEqual(response.status_code, 404)
        self.assertIn("script-src 'self'", response["Content-Security-Policy"])


def test_no_public_template_has_inline_script_or_event_handlers():
    offenders = []
    for template in TEMPLATES.rglob("*.html"):
        name = template.relative_to(TEMPLATES).as_posix()
        if name.startswith(NOT_PUBLIC):
            continue
        text = template.read_text(encoding="utf-8")
        if INLINE_SCRIPT.search(text) or EVENT_HANDLER.search(text):
            offenders.append(name)
    assert not offenders, f"Inline script in public templates (move it to static/): {offenders}"
