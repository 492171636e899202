import csv
import datetime
import io
import re
import zipfile
from html.parser import HTMLParser

from django.conf import settings
from django.core.cache import cache
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook
from pypdf import PdfReader

from accountability.cache import cache_key
from accountability.exports import spreadsheet_safe
from cases import actions
from tests.accountability.dataset import (
    DESCRIPTION,
    EMAIL,
    LOCATION,
    NAME,
    KnownCases,
)
from tests.factories import AuthorityFactory

DASHBOARD = reverse("accountability:dashboard")
PERSONAL = [NAME, "Achieng", "Otieno", "712345678", "712 345 678", EMAIL, DESCRIPTION, LOCATION]


def period_start():
    """The first day of a month long enough ago for the known cases' period to be over."""
    return (timezone.localdate() - datetime.timedelta(days=240)).replace(day=1)


class CountCells(HTMLParser):
    """The text of every element marked data-kind="count"."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.texts = []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += 1
        elif ("data-kind", "count") in attrs:
            self.depth = 1
            self.texts.append("")

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.texts[-1] += data


def count_texts(html):
    parser = CountCells()
    parser.feed(html)
    return [text.strip() for text in parser.texts]


def pdf_text(data):
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


def xlsx_text(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "\n".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith(".xml")
        )


class DashboardTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.data = KnownCases(period_start()).build()

    def setUp(self):
        cache.clear()

    def params(self, **extra):
        params = {"start": self.data.start.isoformat(), "end": self.data.end.isoformat()}
        params.update(extra)
        return params

    def get(self, url=DASHBOARD, **extra):
        return self.client.get(url, self.params(**extra))

    def download(self, fmt, **extra):
        url = reverse("accountability:download", args=[fmt])
        response = self.get(url, **extra)
        self.assertEqual(response.status_code, 200)
        return response


class DashboardPageTests(DashboardTestCase):
    def test_default_period_is_the_last_12_months(self):
        response = self.client.get(DASHBOARD)
        self.assertEqual(response.status_code, 200)
        today = timezone.localdate()
        self.assertContains(response, f'value="{today.isoformat()}"')
        self.assertContains(response, "How authorities respond")
        self.assertEqual(len(response.context["query"].params()), 2)

    def test_key_figures_per_authority_and_no_response(self):
        response = self.get()
        html = response.content.decode()
        self.assertContains(response, "Nairobi City Water")
        self.assertContains(response, "Mombasa County Health")
        self.assertContains(response, "No response from the authority")
        self.assertIn('class="key-figure key-figure--warning" id="figure-no_response"', html)
        self.assertRegex(html, r'id="figure-response_rate">\s*<dt>[^<]+</dt>\s*<dd[^>]*>80%</dd>')
        self.assertRegex(
            html, r'id="figure-median_days">\s*<dt>[^<]+</dt>\s*<dd[^>]*>5.5 days</dd>'
        )

    def test_no_count_shows_1_to_4(self):
        html = self.get(compare=["047", "001"]).content.decode()
        texts = count_texts(html)
        self.assertGreater(len(texts), 100)
        self.assertFalse([text for text in texts if text in {"1", "2", "3", "4"}])
        self.assertIn("fewer than 5", texts)
        self.assertIn("not shown", texts)  # the secondary suppression

    def test_charts_are_accessible_svg_next_to_their_tables(self):
        html = self.get(compare=["047", "001"]).content.decode()
        for chart_id in ("chart-outcomes", "chart-months", "chart-county-days", "chart-comparison"):
            with self.subTest(chart=chart_id):
                self.assertIn(f'aria-labelledby="{chart_id}-title {chart_id}-desc"', html)
                self.assertIn(f'<title id="{chart_id}-title">', html)
                self.assertIn(f'<desc id="{chart_id}-desc">', html)
        self.assertEqual(html.count('role="img"'), 4)
        self.assertEqual(html.count("<caption"), 5)
        self.assertNotIn("<script", html)

    def test_two_counties_side_by_side(self):
        response = self.get(compare=["047", "001"])
        self.assertContains(response, "Two counties side by side")
        self.assertContains(response, "Nairobi City and Mombasa side by side")
        table = response.context["query"].compare
        self.assertEqual([county.code for county in table], ["047", "001"])

    def test_comparing_needs_two_different_counties(self):
        for compare in (["047"], ["047", "047"]):
            with self.subTest(compare=compare):
                response = self.get(compare=compare)
                self.assertContains(response, "Choose two different counties to compare.")
                self.assertIsNone(response.context["figures_html"])

    def test_a_period_that_ends_before_it_starts_is_refused(self):
        response = self.client.get(DASHBOARD, {"start": "2026-05-01", "end": "2026-04-01"})
        self.assertContains(response, "The end of the period must not be before its start.")
        bad = self.client.get(reverse("accountability:download", args=["csv"]), {"start": "x"})
        self.assertEqual(bad.status_code, 400)

    def test_empty_parameters_count_as_absent(self):
        response = self.client.get(DASHBOARD, {"county": "", "sector": "", "compare": ["", ""]})
        self.assertEqual(response.status_code, 200)
        self.assertIsNotNone(response.context["figures_html"])

    def test_public_headers(self):
        response = self.get()
        self.assertIn("no-cache", response["Cache-Control"])
        self.assertIn("Cookie", response["Vary"])
        self.assertNotIn("Set-Cookie", response.headers)

    def test_kiswahili_and_english_are_cached_apart(self):
        english = self.get().content.decode()
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "sw"
        kiswahili = self.get().content.decode()
        self.assertIn('lang="sw"', kiswahili)
        self.assertIn('lang="en"', english)
        keys = []
        for language in ("en", "sw"):
            with translation.override(language):
                keys.append(cache_key("dashboard", "start=2026-01-01", 7))
        self.assertNotEqual(*keys)


class NothingPersonalTests(DashboardTestCase):
    def assert_nothing_personal(self, text, where):
        for value in PERSONAL:
            with self.subTest(where=where, value=value):
                self.assertNotIn(value.lower(), text.lower())

    def test_dashboard_and_every_download(self):
        extra = {"compare": ["047", "001"]}
        self.assert_nothing_personal(self.get(**extra).content.decode(), "page")
        csv_text = self.download("csv", **extra).content.decode("utf-8-sig")
        self.assert_nothing_personal(csv_text, "csv")
        self.assert_nothing_personal(xlsx_text(self.download("xlsx", **extra).content), "xlsx")
        pdf = pdf_text(self.download("pdf", **extra).content)
        self.assertIn("Nairobi City Water", pdf)
        self.assert_nothing_personal(pdf, "pdf")


class DownloadTests(DashboardTestCase):
    def test_csv_has_the_same_suppressed_figures(self):
        response = self.download("csv")
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertIn("attachment;", response["Content-Disposition"])
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        by_heading = {row[0]: row for row in rows if row}
        self.assertEqual(by_heading["Mombasa County Health"][1], "fewer than 5")
        self.assertEqual(by_heading["Nairobi City Water"][1], "not shown")
        self.assertEqual(by_heading["Nairobi City Water"][2:5], ["75", "50", "7.0"])
        self.assertIn(
            "Response rate (%)", next(row for row in rows if row and row[0] == "Authority")
        )

    def test_xlsx_has_a_sheet_per_table(self):
        workbook = load_workbook(io.BytesIO(self.download("xlsx", compare=["047", "001"]).content))
        self.assertEqual(
            workbook.sheetnames,
            ["About", "Outcomes", "By month", "Authorities", "Counties", "Comparison"],
        )
        values = list(workbook["Authorities"].iter_rows(values_only=True))
        water = next(row for row in values if row[0] == "Nairobi City Water")
        self.assertEqual(water[1:5], ("not shown", 75, 50, 7.0))

    def test_pdf_report(self):
        response = self.download("pdf", compare=["047", "001"])
        self.assertEqual(response["Content-Type"], "application/pdf")
        text = pdf_text(response.content)
        for expected in ("How cases ended", "Two counties side by side", "fewer than 5"):
            self.assertIn(expected, text)

    def test_formula_like_text_stays_text(self):
        self.assertEqual(spreadsheet_safe("=1+2"), "'=1+2")
        self.assertEqual(spreadsheet_safe("+254"), "'+254")
        self.assertEqual(spreadsheet_safe("-3"), "'-3")
        self.assertEqual(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)")
        self.assertEqual(spreadsheet_safe("\tcmd"), "'\tcmd")
        self.assertEqual(spreadsheet_safe("Nairobi"), "Nairobi")
        self.assertEqual(spreadsheet_safe(12), 12)

    def test_an_authority_named_like_a_formula(self):
        evil = AuthorityFactory(name='=HYPERLINK("http://example.com","x")')
        case = self.data.add("E1", authority=evil, received=20, forwarded=21, answer_after=2)
        self.assertTrue(case.pk)
        rows = list(csv.reader(io.StringIO(self.download("csv").content.decode("utf-8-sig"))))
        self.assertIn('\'=HYPERLINK("http://example.com","x")', [row[0] for row in rows if row])
        workbook = load_workbook(io.BytesIO(self.download("xlsx").content))
        cell = next(
            row[0]
            for row in workbook["Authorities"].iter_rows()
            if "HYPERLINK" in str(row[0].value)
        )
        self.assertEqual(cell.data_type, "s")


class CacheTests(DashboardTestCase):
    def received(self):
        html = self.get().content.decode()
        return re.search(r'id="figure-received">\s*<dt>[^<]+</dt>\s*<dd[^>]*>([^<]+)<', html)[1]

    def test_a_new_case_changes_the_page_at_once(self):
        self.assertEqual(self.received(), "11")
        with self.captureOnCommitCallbacks(execute=True):
            self.data.add("N1", received=10)
        self.assertEqual(self.received(), "12")

    def test_the_page_is_served_from_the_cache_until_a_case_changes(self):
        self.assertEqual(self.received(), "11")
        # Changed behind the actions' back: no event, so the cached figures stay.
        self.data.add("N1", received=10)
        self.assertEqual(self.received(), "11")
        with self.captureOnCommitCallbacks(execute=True):
            actions.add_note(case=self.data.cases["W1"], text="Checked.", by=self.data.worker)
        self.assertEqual(self.received(), "12")
