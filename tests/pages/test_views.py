import datetime

from django.urls import reverse
from wagtail.models import Page

from pages.models import (
    ConventionPage,
    HomePage,
    ReportIndexPage,
    ReportPage,
    RightPage,
    RightsIndexPage,
    StandardPage,
)
from refdata.models import County
from tests.pages.base import SiteContentTestCase


class PublicSiteTestCase(SiteContentTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.home = HomePage.objects.get(locale=cls.english)
        cls.reports_index = ReportIndexPage.objects.get(locale=cls.english)
        cls.baseline = ReportPage.objects.live().get(locale=cls.english)
        cls.older_report = cls.add_report("Water kiosks in informal settlements", 2024)
        cls.draft_report = cls.add_report("Unpublished draft on schools", 2025, publish=False)

    @classmethod
    def add_report(cls, title, year, publish=True):
        report = ReportPage(
            title=title,
            publication_date=datetime.date(year, 3, 1),
            publishers="Test publisher",
            summary=f"Summary of {title}.",
        )
        cls.reports_index.add_child(instance=report)
        revision = report.save_revision()
        if publish:
            revision.publish()
        else:
            report.unpublish()
        return report


class PageRenderingTests(PublicSiteTestCase):
    def test_every_page_type_renders(self):
        for page in Page.objects.live().specific().exclude(depth=1):
            with self.subTest(page=page.title, type=type(page).__name__):
                response = self.client.get(page.url)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "<h1", count=1)

    def test_home_page_invites_people_to_report_a_problem(self):
        response = self.client.get("/")
        self.assertContains(response, reverse("report_problem"))
        self.assertContains(response, self.baseline.title)

    def test_home_page_leads_to_all_the_rights_and_reports_in_its_language(self):
        rights_index = RightsIndexPage.objects.get(locale=self.english)
        for locale in (self.english, self.kiswahili):
            with self.subTest(locale=locale.language_code):
                response = self.client.get(self.home.get_translation(locale).url)
                for index in (rights_index, self.reports_index):
                    link = f'class="more-link" href="{index.get_translation(locale).url}"'
                    self.assertContains(response, link)
        rights_index.unpublish()
        response = self.client.get(self.home.url)
        self.assertNotContains(response, f'class="more-link" href="{rights_index.url}"')
        self.assertContains(response, f'class="more-link" href="{self.reports_index.url}"')

    def test_right_page_quotes_the_constitution(self):
        water = RightPage.objects.get(clause="43(1)(d)", locale=self.english)
        response = self.client.get(water.url)
        self.assertContains(response, "clean and safe water in adequate quantities")
        self.assertContains(response, "Article 43")

    def test_convention_page_shows_both_codes_and_ratification(self):
        convention = ConventionPage.objects.get(number=87, locale=self.english)
        response = self.client.get(convention.url)
        self.assertContains(response, "C87")
        self.assertContains(response, "C087")

    def test_privacy_notice_cites_the_data_protection_act(self):
        privacy = StandardPage.objects.get(slug="privacy", locale=self.english)
        response = self.client.get(privacy.url)
        self.assertContains(response, "Data Protection Act")

    def test_unknown_address_gets_the_404_page(self):
        response = self.client.get("/no-such-page/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "<h1", count=1, status_code=404)


class ReportListingTests(PublicSiteTestCase):
    def test_listing_shows_published_reports_only(self):
        response = self.client.get(self.reports_index.url)
        self.assertContains(response, self.baseline.title)
        self.assertContains(response, self.older_report.title)
        self.assertNotContains(response, self.draft_report.title)

    def test_filter_by_year(self):
        response = self.client.get(self.reports_index.url, {"year": 2024})
        self.assertContains(response, self.older_report.title)
        self.assertNotContains(response, self.baseline.title)

    def test_filter_by_sector_and_county(self):
        water_sector = RightPage.objects.get(clause="43(1)(d)", locale=self.english).sector
        self.older_report.sectors.add(water_sector)
        mombasa = County.objects.by_code("001")
        self.older_report.counties.add(mombasa)
        self.older_report.save_revision().publish()
        response = self.client.get(
            self.reports_index.url, {"sector": water_sector.pk, "county": mombasa.pk}
        )
        self.assertContains(response, self.older_report.title)
        self.assertNotContains(response, self.baseline.title)

    def test_an_invalid_filter_value_is_reported_not_crashed(self):
        response = self.client.get(self.reports_index.url, {"year": "nineteen"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Select a valid choice")

    def test_reports_go_through_the_moderators_approval_workflow(self):
        from tests.factories import UserFactory

        editor = UserFactory(username="content-editor", groups=["Editors"])
        moderator = UserFactory(username="content-moderator", groups=["Moderators"])
        self.assertEqual(self.reports_index.get_workflow().name, "Moderators approval")
        self.assertTrue(self.reports_index.permissions_for_user(editor).can_add_subpage())
        self.assertFalse(self.baseline.permissions_for_user(editor).can_publish())
        self.assertTrue(self.baseline.permissions_for_user(moderator).can_publish())

    def test_report_offers_its_document(self):
        response = self.client.get(self.baseline.url)
        self.assertContains(response, self.baseline.document.url)
        download = self.client.get(self.baseline.document.url)
        self.assertEqual(download.status_code, 200)


class FeedAndSitemapTests(PublicSiteTestCase):
    def test_feeds_list_published_reports_only(self):
        for name in ("reports_rss", "reports_atom"):
            with self.subTest(feed=name):
                response = self.client.get(reverse(name))
                self.assertContains(response, self.baseline.title)
                self.assertContains(response, self.older_report.title)
                self.assertNotContains(response, self.draft_report.title)

    def test_sitemap_lists_published_pages_only(self):
        response = self.client.get("/sitemap.xml")
        self.assertContains(response, self.baseline.slug)
        self.assertContains(response, self.older_report.slug)
        self.assertNotContains(response, self.draft_report.slug)


class LanguageFeedAndSitemapTests(PublicSiteTestCase):
    def test_each_language_has_its_reports_feed(self):
        baseline_sw = self.baseline.get_translation(self.kiswahili)
        for path in ("feeds/reports.rss", "feeds/reports.atom"):
            with self.subTest(feed=path):
                english = self.client.get(f"/{path}")
                kiswahili = self.client.get(f"/sw/{path}")
                self.assertContains(english, self.baseline.title)
                self.assertNotContains(english, baseline_sw.title)
                self.assertContains(kiswahili, baseline_sw.title)
                self.assertContains(kiswahili, f"http://testserver{baseline_sw.url}")
                self.assertNotContains(kiswahili, self.baseline.title)
        self.assertContains(self.client.get("/sw/feeds/reports.rss"), "<language>sw</language>")

    def test_sitemap_lists_both_languages_with_alternates(self):
        response = self.client.get("/sitemap.xml")
        water = RightPage.objects.get(slug="water", locale=self.english)
        maji = water.get_translation(self.kiswahili)
        self.assertContains(response, "<loc>http://testserver/rights/water/</loc>")
        self.assertContains(response, "<loc>http://testserver/sw/haki/maji/</loc>")
        self.assertContains(
            response,
            '<xhtml:link rel="alternate" hreflang="sw" href="http://testserver/sw/haki/maji/"/>',
            count=2,
        )
        self.assertContains(
            response,
            '<xhtml:link rel="alternate" hreflang="x-default" '
            'href="http://testserver/rights/water/"/>',
            count=2,
        )
        self.assertEqual(
            response.content.decode().count("<url>"),
            Page.objects.live().exclude(depth=1).count(),
        )
        self.assertTrue(maji.live)

    def test_old_addresses_still_answer(self):
        for path in (
            "/",
            "/rights/",
            "/rights/water/",
            "/conventions/c87/",
            "/reports/",
            self.baseline.url,
            "/about/",
            "/contact/",
            "/privacy/",
            "/report/",
            "/track/",
            "/search/?q=water",
            "/accountability/",
            "/accountability/cases/",
            "/open311/",
            "/feeds/reports.rss",
            "/feeds/reports.atom",
            "/sitemap.xml",
            "/robots.txt",
        ):
            with self.subTest(path=path):
                self.assertEqual(self.client.get(path).status_code, 200)


class SearchTests(PublicSiteTestCase):
    def test_kiswahili_search_finds_the_water_right_by_maji(self):
        maji = RightPage.objects.get(slug="maji", locale=self.kiswahili)
        response = self.client.get("/sw/search/", {"q": "maji"})
        self.assertContains(response, f'href="{maji.url}"')
        self.assertContains(response, '<html lang="sw"')
        # Results in the reader's language only.
        self.assertNotContains(response, 'href="/rights/water/"')

    def test_kiswahili_search_finds_kiswahili_words_inside_pages(self):
        response = self.client.get("/sw/search/", {"q": "kufukuzwa"})
        self.assertContains(response, 'href="/sw/haki/makazi-na-usafi/"')

    def test_english_search_stays_in_english(self):
        response = self.client.get(reverse("search"), {"q": "maji"})
        self.assertNotContains(response, 'href="/sw/haki/maji/"')
        response = self.client.get(reverse("search"), {"q": "evictions"})
        self.assertContains(response, 'href="/rights/housing-and-sanitation/"')

    def test_search_finds_the_water_right(self):
        water = RightPage.objects.get(clause="43(1)(d)", locale=self.english)
        response = self.client.get(reverse("search"), {"q": "water"})
        self.assertContains(response, water.url)

    def test_search_leaves_out_unpublished_reports(self):
        response = self.client.get(reverse("search"), {"q": "schools"})
        self.assertNotContains(response, self.draft_report.title)

    def test_empty_search_asks_for_words(self):
        response = self.client.get(reverse("search"), {"q": "  "})
        self.assertEqual(response.status_code, 200)


class KiswahiliInterfaceTests(PublicSiteTestCase):
    def test_interface_renders_in_kiswahili_under_sw(self):
        response = self.client.get("/sw/")
        self.assertContains(response, '<html lang="sw"')
        self.assertContains(response, "Tafuta")  # "Search"

    def test_an_old_language_cookie_does_not_change_an_english_address(self):
        # The address carries the language: caches and shared links get what they asked for.
        self.client.cookies["django_language"] = "sw"
        response = self.client.get("/")
        self.assertContains(response, '<html lang="en"')

    def test_kiswahili_form_errors_come_from_our_catalogue(self):
        reports_sw = self.reports_index.get_translation(self.kiswahili)
        response = self.client.get(reports_sw.url, {"year": "nineteen"})
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "Select a valid choice")
