"""Every page of the initial content in both languages: the right ``lang``, hreflang
alternates for both versions, a switcher that leads to the other version of the same page,
and words that really are in the page's language."""

import re
from html.parser import HTMLParser

from wagtail.models import Page

from tests.pages.base import SiteContentTestCase

# A word-share check, not a language detector: the commonest function words of each language.
ENGLISH_STOP_WORDS = frozenset(
    re.findall(
        r"\w+",
        "the and of to a in is you for that it with are be or by this on not your can an as "
        "at from have has was were which their they who what when how will if its do does",
    )
)
KISWAHILI_FUNCTION_WORDS = frozenset(
    re.findall(
        r"\w+",
        "na ya wa kwa ni za la cha katika kama au hii huu hiyo kuhusu lakini pia bila kila vya "
        "wake yake kwenye ili mtu una haki",
    )
)


class VisibleText(HTMLParser):
    """The words a reader sees, leaving out elements marked as another language (the
    Constitution's English original on a Kiswahili page, the other language's name in the
    switcher)."""

    SKIPPED = {"script", "style", "template", "head"}
    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr"}

    def __init__(self, language):
        super().__init__()
        self.language = language
        self.stack = []
        self.words = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        lang = dict(attrs).get("lang")
        skipped = tag in self.SKIPPED or (lang is not None and lang != self.language)
        hidden = bool(self.stack and self.stack[-1])
        self.stack.append(hidden or skipped)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.words += re.findall(r"[a-zA-Z’']+", data.lower())


def word_shares(html, language):
    parser = VisibleText(language)
    parser.feed(html)
    words = parser.words
    english = sum(word in ENGLISH_STOP_WORDS for word in words) / len(words)
    kiswahili = sum(word in KISWAHILI_FUNCTION_WORDS for word in words) / len(words)
    return english, kiswahili


class BilingualPagesTestCase(SiteContentTestCase):
    def pages(self, locale):
        return Page.objects.live().filter(locale=locale).exclude(depth=1).specific()


class BothLanguagesTests(BilingualPagesTestCase):
    def test_every_page_exists_and_renders_in_both_languages(self):
        english_pages = list(self.pages(self.english))
        self.assertEqual(len(english_pages), 23)
        for page in english_pages:
            kiswahili = page.get_translation(self.kiswahili)
            for version, code in ((page, "en"), (kiswahili, "sw")):
                with self.subTest(page=version.url):
                    response = self.client.get(version.url)
                    self.assertEqual(response.status_code, 200)
                    self.assertContains(response, f'<html lang="{code}"')
                    self.assertContains(response, "<h1", count=1)

    def test_kiswahili_pages_live_under_sw_and_english_ones_keep_their_addresses(self):
        for page in self.pages(self.english):
            self.assertFalse(page.url.startswith("/sw/"), page.url)
            self.assertTrue(page.get_translation(self.kiswahili).url.startswith("/sw/"))
        self.assertEqual(
            {page.url for page in self.pages(self.kiswahili) if page.depth == 3},
            {
                "/sw/haki/",
                "/sw/mikataba/",
                "/sw/ripoti/",
                "/sw/kuhusu/",
                "/sw/mawasiliano/",
                "/sw/faragha/",
            },
        )

    def test_each_page_names_both_versions_and_the_switcher_goes_to_the_other(self):
        for page in self.pages(self.english):
            kiswahili = page.get_translation(self.kiswahili)
            english_url = f"http://testserver{page.url}"
            kiswahili_url = f"http://testserver{kiswahili.url}"
            for version in (page, kiswahili):
                with self.subTest(page=version.url):
                    response = self.client.get(version.url)
                    self.assertContains(
                        response, f'<link rel="alternate" hreflang="en" href="{english_url}">'
                    )
                    self.assertContains(
                        response, f'<link rel="alternate" hreflang="sw" href="{kiswahili_url}">'
                    )
                    self.assertContains(
                        response,
                        f'<link rel="alternate" hreflang="x-default" href="{english_url}">',
                    )
                    self.assertContains(
                        response, f'<a href="{kiswahili.url}" hreflang="sw" lang="sw"'
                    )
                    self.assertContains(response, f'<a href="{page.url}" hreflang="en" lang="en"')

    def test_kiswahili_pages_read_as_kiswahili(self):
        for page in self.pages(self.kiswahili):
            with self.subTest(page=page.url):
                english, kiswahili = word_shares(self.client.get(page.url).text, "sw")
                self.assertLess(english, 0.03)
                self.assertGreater(kiswahili, 0.10)

    def test_english_pages_read_as_english(self):
        for page in self.pages(self.english):
            with self.subTest(page=page.url):
                english, kiswahili = word_shares(self.client.get(page.url).text, "en")
                self.assertGreater(english, 0.15)
                self.assertLess(kiswahili, 0.03)


class ConstitutionAndConventionTests(BilingualPagesTestCase):
    def test_kiswahili_right_shows_the_english_original_beside_an_unofficial_translation(self):
        maji = self.pages(self.kiswahili).get(slug="maji")
        response = self.client.get(maji.url)
        self.assertContains(response, "Tafsiri isiyo rasmi")
        self.assertContains(response, "Haki za kiuchumi na kijamii")
        self.assertContains(response, '<figure class="quote quote--constitution" lang="en">')
        self.assertContains(response, "(d) to clean and safe water in adequate quantities;")
        self.assertContains(response, "(d) ya kupata maji safi na salama kwa kiasi cha kutosha;")
        self.assertContains(response, "Maandishi rasmi (Kiingereza)")

    def test_english_right_quotes_only_the_constitution(self):
        water = self.pages(self.english).get(slug="water")
        response = self.client.get(water.url)
        self.assertContains(response, "(d) to clean and safe water in adequate quantities;")
        self.assertNotContains(response, "Unofficial translation")
        self.assertContains(response, "Article 43(1)(d) (Economic and social rights)")

    def test_kiswahili_convention_gives_the_official_english_title(self):
        c98 = self.pages(self.kiswahili).get(slug="c98")
        response = self.client.get(c98.url)
        self.assertContains(
            response,
            '<span lang="en">Right to Organise and Collective Bargaining Convention</span>',
        )
        self.assertContains(response, "Jina lililo juu ni tafsiri isiyo rasmi.")
        self.assertContains(response, "<h1>Mkataba kuhusu Haki ya Kujipanga")

    def test_kiswahili_pages_link_to_kiswahili_pages(self):
        elimu = self.pages(self.kiswahili).get(slug="elimu")
        response = self.client.get(elimu.url)
        # Related conventions and the report, in Kiswahili; the report form under /sw/.
        self.assertContains(response, 'href="/sw/mikataba/c138/"')
        self.assertContains(
            response, 'href="/sw/ripoti/hali-ya-huduma-za-umma-na-upatikanaji-wa-haki/"'
        )
        self.assertContains(response, 'href="/sw/report/?sector=education"')
        main = response.text.split("<main", 1)[1].split("</main>", 1)[0]
        self.assertNotIn('href="/rights/', main)
        self.assertNotIn('href="/report/', main)
        contact = self.pages(self.kiswahili).get(slug="mawasiliano")
        self.assertContains(self.client.get(contact.url), 'href="/sw/faragha/"')
        home = self.client.get("/sw/")
        self.assertContains(home, 'href="/sw/haki/maji/"')
        self.assertContains(home, 'href="/sw/faragha/"')


class OtherRoutesTests(BilingualPagesTestCase):
    def test_non_page_routes_follow_the_same_rule(self):
        for path in ("/report/", "/track/", "/accountability/", "/open311/", "/search/"):
            with self.subTest(path=path):
                english = self.client.get(path)
                kiswahili = self.client.get(f"/sw{path}")
                self.assertContains(english, '<html lang="en"')
                self.assertContains(kiswahili, '<html lang="sw"')
                self.assertContains(
                    kiswahili,
                    f'<link rel="alternate" hreflang="en" href="http://testserver{path}">',
                )
                self.assertContains(english, f'<a href="/sw{path}" hreflang="sw"')

    def test_machine_addresses_stay_outside_the_language_prefix(self):
        self.assertEqual(self.client.get("/open311/v2/discovery.json").status_code, 200)
        self.assertEqual(self.client.get("/sw/open311/v2/discovery.json").status_code, 404)
        self.assertEqual(self.client.get("/sw/sitemap.xml").status_code, 404)
        self.assertEqual(self.client.get("/robots.txt").status_code, 200)
