"""The page cache: anonymous visitors get public pages from the cache; nobody gets anything
personal from it; content changes are seen at once."""

import io
from unittest import mock

from django.core.cache import cache
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse

from cases import actions
from pages.models import RightPage
from portal import page_cache
from tests.factories import make_case, supervisor


@override_settings(PAGE_CACHE_ENABLED=True)
class PageCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_initial_content", stdout=io.StringIO())
        cls.water = RightPage.objects.get(clause="43(1)(d)", locale__language_code="en")
        cls.boss = supervisor()

    def setUp(self):
        cache.clear()
        page_cache._local.clear()
        page_cache._known_generations.clear()

    def test_an_anonymous_visitor_gets_the_page_from_the_cache(self):
        first = self.client.get(self.water.url)
        second = self.client.get(self.water.url)
        self.assertEqual(first["X-Page-Cache"], "miss")
        self.assertEqual(second["X-Page-Cache"], "hit")
        self.assertEqual(second.content, first.content)
        self.assertEqual(second["Cache-Control"], "public, max-age=60")
        self.assertEqual(second["Vary"], "Accept-Encoding")
        self.assertIn("Content-Security-Policy", second)
        head = self.client.head(self.water.url)
        self.assertEqual((head.status_code, head.content), (200, b""))

    def test_each_language_and_query_has_its_own_entry(self):
        english = self.client.get("/rights/water/")
        kiswahili = self.client.get("/sw/haki/maji/")
        self.assertEqual(kiswahili["X-Page-Cache"], "miss")
        self.assertNotEqual(english.content, kiswahili.content)
        self.client.get("/search/?q=water")
        self.assertEqual(self.client.get("/search/?q=maji")["X-Page-Cache"], "miss")

    def test_nothing_personal_or_per_user_is_cached(self):
        for url in ("/report/", "/track/", "/admin/login/", "/open311/v2/services.json"):
            with self.subTest(url=url):
                self.client.get(url)
                self.assertNotIn("X-Page-Cache", self.client.get(url))
        self.client.force_login(self.boss)
        self.client.get(self.water.url)
        signed_in = self.client.get(self.water.url)
        self.assertNotIn("X-Page-Cache", signed_in)
        self.client.logout()
        self.assertEqual(self.client.get(self.water.url)["X-Page-Cache"], "miss")

    def test_a_post_is_never_answered_from_the_cache(self):
        self.client.get("/track/")
        response = self.client.post("/track/", {"reference": "HUD-2026-000001"})
        self.assertNotIn("X-Page-Cache", response)

    def test_publishing_a_page_is_seen_at_once(self):
        self.client.get(self.water.url)
        revision = self.water.save_revision()
        self.water.title = "Water, changed"
        revision = self.water.save_revision()
        revision.publish()
        response = self.client.get(self.water.url)
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertContains(response, "Water, changed")
        self.assertContains(self.client.get("/rights/"), "Water, changed")

    def test_a_case_change_is_seen_at_once_on_the_dashboard_and_published_cases(self):
        listing = reverse("accountability:case_list")
        self.client.get(listing)
        self.assertEqual(self.client.get(listing)["X-Page-Cache"], "hit")
        case = make_case(consent_to_publish=True)
        with self.captureOnCommitCallbacks(execute=True):
            actions.publish_case(case=case, summary="A kiosk ran dry.", by=self.boss)
        response = self.client.get(listing)
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertContains(response, case.reference)

    def test_a_broken_cache_serves_the_page_uncached(self):
        with mock.patch.object(page_cache, "cache", side_effect=ConnectionError("down")):
            response = self.client.get(self.water.url)
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("X-Page-Cache", response)


@override_settings(PAGE_CACHE_ENABLED=True)
class ProxyHeaderTests(TestCase):
    def setUp(self):
        cache.clear()
        page_cache._local.clear()

    def test_case_pages_are_revalidated_by_proxies(self):
        listing = self.client.get(reverse("accountability:case_list"))
        self.assertEqual(listing["X-Page-Cache"], "miss")
        self.assertIn("no-cache", listing["Cache-Control"])
        self.assertIn("public", listing["Cache-Control"])
