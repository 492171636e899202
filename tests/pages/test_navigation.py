"""The menu and the footer come from the shared cache, and what editors do is on the next
request all the same: a page renamed, unpublished or moved out of the menu."""

import re

from django.core.cache import cache
from wagtail.models import Page

from portal import page_cache
from tests.pages.base import SiteContentTestCase


class NavigationTests(SiteContentTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.about = Page.objects.get(slug="about", locale=cls.english).specific
        cls.contact = Page.objects.get(slug="contact", locale=cls.english)

    def setUp(self):
        cache.clear()
        page_cache.forget_process_state()

    def menu(self, path="/"):
        """The titles in the main menu of the page at ``path``."""
        html = self.client.get(path).content.decode()
        nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.DOTALL).group(0)
        return [title.strip() for title in re.findall(r"<a [^>]*>([^<]*)</a>", nav)]

    def test_a_renamed_page_has_its_new_title_in_the_menu_at_once(self):
        self.assertIn("About Huduma", self.menu())
        kiswahili_menu = self.menu("/sw/")
        self.about.title = "About this portal"
        self.about.save_revision().publish()
        self.assertIn("About this portal", self.menu())
        self.assertNotIn("About Huduma", self.menu("/rights/"))
        self.assertEqual(self.menu("/sw/"), kiswahili_menu)

    def test_an_unpublished_page_leaves_the_menu_at_once(self):
        self.assertIn("About Huduma", self.menu())
        self.about.unpublish()
        self.assertNotIn("About Huduma", self.menu())

    def test_a_page_moved_below_another_leaves_the_menu_at_once(self):
        self.assertIn("About Huduma", self.menu())
        self.about.move(self.contact, pos="last-child")
        self.assertNotIn("About Huduma", self.menu())

    def test_each_language_has_its_own_menu_and_privacy_link(self):
        privacy = Page.objects.get(slug="privacy", locale=self.english)
        privacy_sw = privacy.get_translation(self.kiswahili)
        english = self.client.get("/")
        kiswahili = self.client.get("/sw/")
        self.assertContains(english, f'<a href="{privacy.url}">')
        self.assertContains(kiswahili, f'<a href="{privacy_sw.url}">')
        self.assertNotEqual(self.menu("/"), self.menu("/sw/"))
