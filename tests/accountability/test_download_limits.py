"""Dashboard downloads that must be rendered are limited per network address; a download
already rendered for the same filter comes from the cache, free and unlimited."""

from datetime import timedelta
from unittest import mock

from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from accountability import exports

from .test_dashboard import DashboardTestCase


@override_settings(ACCOUNTABILITY_EXPORT_RATE_LIMIT=2, ACCOUNTABILITY_EXPORT_RATE_WINDOW=600)
class DownloadLimitTests(DashboardTestCase):
    def fetch(self, fmt="csv", *, days=0, address="198.51.100.7"):
        params = self.params()
        params["start"] = (self.data.start + timedelta(days=days)).isoformat()
        return self.client.get(
            reverse("accountability:download", args=[fmt]), params, REMOTE_ADDR=address
        )

    def test_new_renders_past_the_limit_get_429_with_a_message(self):
        self.assertEqual(self.fetch(days=0).status_code, 200)
        self.assertEqual(self.fetch("pdf", days=1).status_code, 200)

        refused = self.fetch("xlsx", days=2)

        self.assertEqual(refused.status_code, 429)
        self.assertEqual(refused["Retry-After"], "600")
        self.assertIn("Try again in 10 minutes", refused.content.decode())

    def test_a_repeat_is_served_from_the_cache_without_rendering_or_counting(self):
        render = mock.Mock(wraps=exports.figures_pdf)
        downloads = {"pdf": (render, "application/pdf")}
        with mock.patch.dict("accountability.views.DOWNLOADS", downloads):
            first = self.fetch("pdf")
            for _ in range(5):
                again = self.fetch("pdf")
                self.assertEqual(again.status_code, 200)
                self.assertEqual(again.content, first.content)
        self.assertEqual(render.call_count, 1)
        # Only the first render counted: one more new filter still fits the limit.
        self.assertEqual(self.fetch("csv", days=3).status_code, 200)

    def test_another_address_is_not_held_back(self):
        self.fetch(days=0)
        self.fetch(days=1)
        self.assertEqual(self.fetch(days=2).status_code, 429)
        self.assertEqual(self.fetch(days=2, address="203.0.113.9").status_code, 200)

    def test_the_message_is_in_kiswahili_for_kiswahili_readers(self):
        self.fetch(days=0)
        self.fetch(days=1)
        with translation.override("sw"):  # the /sw/ address of the download
            refused = self.fetch(days=2)
        self.assertTrue(refused.wsgi_request.path.startswith("/sw/"))
        self.assertEqual(refused.status_code, 429)
        self.assertIn("dakika 10", refused.content.decode())
