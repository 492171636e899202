"""View restrictions take effect on the next request, though the restricted paths are kept
in the shared cache: when one is added or removed and when a restricted page moves."""

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import override_settings
from wagtail.models import Page, PageViewRestriction

from portal import page_cache
from tests.pages.base import SiteContentTestCase


class ViewRestrictionTests(SiteContentTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.about = Page.objects.get(slug="about", locale=cls.english)
        cls.contact = Page.objects.get(slug="contact", locale=cls.english)
        cls.right = Page.objects.get(slug="water", locale=cls.english)

    def setUp(self):
        cache.clear()
        page_cache.forget_process_state()

    def restrict(self, page):
        return PageViewRestriction.objects.create(
            page=page,
            restriction_type=PageViewRestriction.PASSWORD,
            password="secret",  # noqa: S106
        )

    def test_a_page_restricted_after_it_was_served_asks_for_the_password(self):
        self.assertContains(self.client.get(self.right.url), self.right.title)
        restriction = self.restrict(self.right)
        response = self.client.get(self.right.url)
        self.assertContains(response, 'name="password"')
        self.assertNotContains(response, "How to complain")
        restriction.delete()
        self.assertNotContains(self.client.get(self.right.url), 'name="password"')

    def test_a_restricted_section_is_left_out_of_listings_at_once(self):
        rights_index = self.right.get_parent()
        self.assertContains(self.client.get(rights_index.url), self.right.url)
        self.restrict(self.right)
        self.assertNotContains(self.client.get(rights_index.url), self.right.url)

    def test_a_login_restriction_sends_visitors_to_log_in(self):
        restriction = PageViewRestriction.objects.create(
            page=self.about, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.create(name="Readers"))
        self.assertEqual(self.client.get(self.about.url).status_code, 302)

    def test_a_restricted_page_stays_restricted_when_it_moves(self):
        self.restrict(self.about)
        self.assertNotContains(self.client.get("/sitemap.xml"), "/about/")
        self.about.move(self.contact, pos="last-child")
        moved = Page.objects.get(pk=self.about.pk)
        sitemap = self.client.get("/sitemap.xml")
        self.assertContains(sitemap, "/contact/")
        self.assertNotContains(sitemap, moved.url)
        self.assertContains(self.client.get(moved.url), 'name="password"')

    @override_settings(PAGE_CACHE_ENABLED=True)
    def test_a_page_in_the_page_cache_is_restricted_at_once(self):
        self.client.get(self.right.url)
        self.assertEqual(self.client.get(self.right.url)["X-Page-Cache"], "hit")
        self.restrict(self.right)
        response = self.client.get(self.right.url)
        self.assertNotIn("X-Page-Cache", response)
        self.assertContains(response, 'name="password"')
