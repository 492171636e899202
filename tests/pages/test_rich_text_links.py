"""Page links in rich text lead to the linked page in the reader's language, all the links
of a text in one query."""

from django.utils import translation
from wagtail.models import Page, Site
from wagtail.rich_text import expand_db_html

from tests.pages.base import SiteContentTestCase


def _link(page_id):
    return f'<a linktype="page" id="{page_id}">link</a>'


class LocalizedPageLinkTests(SiteContentTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.privacy = Page.objects.get(slug="privacy", locale=cls.english)
        cls.privacy_sw = cls.privacy.get_translation(cls.kiswahili)
        cls.about = Page.objects.get(slug="about", locale=cls.english)

    def render(self, html, language):
        with translation.override(language):
            return expand_db_html(html)

    def test_a_link_leads_to_the_version_in_the_readers_language(self):
        self.assertIn(f'href="{self.privacy_sw.url}"', self.render(_link(self.privacy.pk), "sw"))
        self.assertIn(f'href="{self.privacy.url}"', self.render(_link(self.privacy_sw.pk), "en"))
        self.assertIn(f'href="{self.privacy.url}"', self.render(_link(self.privacy.pk), "en"))

    def test_a_version_not_published_leaves_the_link_on_the_linked_page(self):
        self.privacy_sw.unpublish()
        self.assertIn(f'href="{self.privacy.url}"', self.render(_link(self.privacy.pk), "sw"))

    def test_a_link_to_a_page_that_is_gone_keeps_its_words(self):
        html = self.render(_link(999999), "sw")
        self.assertIn("<a>link</a>", html)

    def test_every_link_of_a_text_costs_one_query(self):
        pages = Page.objects.filter(locale=self.english, depth__gt=2)[:6]
        html = "".join(_link(page.pk) for page in pages)
        Site.get_site_root_paths()  # kept in the cache for every address, as when serving
        with self.assertNumQueries(1):
            rendered = self.render(html, "sw")
        self.assertEqual(rendered.count("href="), len(pages))

    def test_the_kiswahili_contact_page_links_to_the_kiswahili_privacy_notice(self):
        contact_sw = Page.objects.get(slug="contact", locale=self.english).get_translation(
            self.kiswahili
        )
        response = self.client.get(contact_sw.url)
        self.assertContains(response, f'href="{self.privacy_sw.url}"')
