import io
import re
import socket
from unittest import mock

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from pypdf import PdfReader
from weasyprint.urls import URLFetchingError, fetch

from cases import actions, pdf
from cases.models import Case
from cases.rules import Actor
from tests.factories import AuthorityFactory, UserFactory, make_case

INTERNAL_NOTE = "Called the kiosk operator; he blames the utility."
PUBLIC_NOTE = "Thank you, the water is back."
RESPONSE = "A new pipe was laid on Monday."


def read_pdf(data):
    return PdfReader(io.BytesIO(data))


def pdf_text(data):
    """The document's text with whitespace normalised, as a reader would copy it."""
    text = "\n".join(page.extract_text() for page in read_pdf(data).pages)
    return " ".join(text.replace(pdf.ZERO_WIDTH_SPACE, "").split())


class RecordingFetcher(pdf.StaticFilesFetcher):
    """The real fetcher, noting every URL WeasyPrint asks it for."""

    requested = []

    def fetch(self, url, headers=None):
        RecordingFetcher.requested.append(url)
        return super().fetch(url, headers)


class CaseSummaryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.worker = UserFactory(
            username="wkamau", first_name="Wanjiru", last_name="Kamau", groups=["Case workers"]
        )
        cls.water = AuthorityFactory(
            name="Nairobi City Water", sectors=["water"], counties=["Nairobi City"]
        )
        case = make_case(complainant_email="achieng@example.org")
        actions.assign_case(case=case, assignee=cls.worker, by=cls.worker)
        actions.add_note(case=case, text=INTERNAL_NOTE, by=cls.worker, visibility="internal")
        case = actions.forward_case(
            case=Case.objects.get(pk=case.pk), authority=cls.water, by=cls.worker
        )
        case = actions.respond_to_case(
            case=case, response=RESPONSE, by=Actor.for_authority(cls.water)
        )
        actions.add_note(case=case, text=PUBLIC_NOTE, by=Actor.citizen(), visibility="public")
        cls.case = case

    def test_internal_summary_has_everything(self):
        text = pdf_text(pdf.render_case_summary(self.case, variant="internal"))
        for expected in [
            self.case.reference,
            self.case.description,
            "Kibera, Olympic estate",
            "Nairobi City Water",
            RESPONSE,
            "Forwarded to Nairobi City Water.",
            PUBLIC_NOTE,
            INTERNAL_NOTE,
            "Assigned to Wanjiru Kamau.",
            "Wanjiru Kamau",
            "Achieng Otieno",
            "+254712345678",
            "achieng@example.org",
            "May be contacted Yes",
            "Received → Forwarded",
            "Internal: contains personal data",
        ]:
            with self.subTest(expected=expected):
                self.assertIn(expected, text)

    def test_citizen_copy_leaves_out_internal_entries_staff_names_and_contacts(self):
        text = pdf_text(pdf.render_case_summary(self.case, variant="citizen"))
        for expected in [
            self.case.reference,
            self.case.description,
            "Forwarded to Nairobi City Water.",
            RESPONSE,
            PUBLIC_NOTE,
            "Case worker",
            "Citizen copy",
        ]:
            with self.subTest(expected=expected):
                self.assertIn(expected, text)
        for secret in [
            INTERNAL_NOTE,
            "Assigned to",
            "Wanjiru",
            "Kamau",
            "wkamau",
            "+254712345678",
            "achieng@example.org",
            "Priority",
        ]:
            with self.subTest(secret=secret):
                self.assertNotIn(secret, text)

    def test_running_header_and_page_numbers(self):
        data = pdf.render_case_summary(self.case, variant="internal")
        pages = [" ".join(page.extract_text().split()) for page in read_pdf(data).pages]
        for number, page_text in enumerate(pages, start=1):
            with self.subTest(page=number):
                self.assertIn("Huduma Portal", page_text)
                self.assertIn(f"Case {self.case.reference}", page_text)
                self.assertIn(f"Page {number} of {len(pages)}", page_text)

    def test_title_and_language_metadata(self):
        reader = read_pdf(pdf.render_case_summary(self.case, variant="internal"))
        self.assertIn(self.case.reference, reader.metadata.title)
        self.assertIn("Huduma Portal", reader.metadata.title)
        self.assertEqual(reader.trailer["/Root"].get("/Lang"), "en")

    def test_citizen_copy_is_in_the_cases_language(self):
        Case.objects.filter(pk=self.case.pk).update(language="sw")
        case = Case.objects.get(pk=self.case.pk)
        with translation.override("en"):
            citizen = read_pdf(pdf.render_case_summary(case, variant="citizen"))
            internal = read_pdf(pdf.render_case_summary(case, variant="internal"))
            self.assertEqual(translation.get_language(), "en")  # the override is undone
        self.assertEqual(citizen.trailer["/Root"].get("/Lang"), "sw")
        self.assertEqual(internal.trailer["/Root"].get("/Lang"), "en")

    def test_explicit_language_wins_and_unknown_languages_fall_back(self):
        reader = read_pdf(pdf.render_case_summary(self.case, variant="internal", language="sw"))
        self.assertEqual(reader.trailer["/Root"].get("/Lang"), "sw")
        reader = read_pdf(pdf.render_case_summary(self.case, variant="citizen", language="xx"))
        self.assertEqual(reader.trailer["/Root"].get("/Lang"), "en")

    def test_unknown_variant_is_refused(self):
        with self.assertRaises(ValueError):
            pdf.render_case_summary(self.case, variant="public")


class UntrustedTextTests(TestCase):
    PAYLOADS = [
        '<img src="file:///etc/passwd">',
        '<link rel=stylesheet href="http://127.0.0.1:9/x.css">',
        '<a href="http://127.0.0.1:8000/">',
    ]

    def setUp(self):
        RecordingFetcher.requested = []

    def test_markup_in_case_text_is_text_and_nothing_outside_static_is_fetched(self):
        description = "Look: " + " ".join(self.PAYLOADS)
        case = make_case(description=description)
        actions.add_note(case=case, text=self.PAYLOADS[0], by=Actor.citizen(), visibility="public")
        with (
            mock.patch.object(pdf, "StaticFilesFetcher", RecordingFetcher),
            mock.patch.object(socket.socket, "connect") as connect,
            mock.patch.object(socket, "create_connection") as create_connection,
        ):
            internal = pdf.render_case_summary(case, variant="internal")
            citizen = pdf.render_case_summary(case, variant="citizen")

        for data in (internal, citizen):
            # Line breaks may fall inside a payload ("http:// 127..."): compare without spaces.
            text = "".join(pdf_text(data).split())
            for payload in self.PAYLOADS:
                with self.subTest(payload=payload):
                    self.assertIn("".join(payload.split()), text)
        connect.assert_not_called()
        create_connection.assert_not_called()
        # The fetcher was used (for the stylesheet), and only ever for static files.
        stylesheet = f"{pdf.DOCUMENT_BASE_URL}static/{pdf.STYLESHEET}"
        self.assertIn(stylesheet, RecordingFetcher.requested)
        for url in RecordingFetcher.requested:
            with self.subTest(url=url):
                self.assertTrue(url.startswith(f"{pdf.DOCUMENT_BASE_URL}static/"))
                self.assertNotIn("file:", url)
                self.assertNotIn("127.0.0.1", url)

    def test_a_20000_character_word_wraps(self):
        case = make_case()
        word = "abcdefghij" * 2000  # longer than create_case allows: imported data might be
        Case.objects.filter(pk=case.pk).update(description=word)
        case.refresh_from_db()
        data = pdf.render_case_summary(case, variant="internal")
        lines = [
            line.replace(pdf.ZERO_WIDTH_SPACE, "").strip()
            for page in read_pdf(data).pages
            for line in page.extract_text().splitlines()
        ]
        # The word's lines hold nothing else; the running header and footer lie between pages.
        word_lines = [line for line in lines if re.fullmatch("[a-j]+", line)]
        self.assertEqual("".join(word_lines), word)
        self.assertLess(max(len(line) for line in word_lines), 150)  # wrapped to the page

    def test_breakable_only_touches_long_runs(self):
        self.assertEqual(
            pdf.breakable("Short words stay as they are."), "Short words stay as they are."
        )
        broken = pdf.breakable("x" * 100)
        self.assertEqual(broken.replace(pdf.ZERO_WIDTH_SPACE, ""), "x" * 100)
        self.assertTrue(all(len(part) <= 40 for part in broken.split(pdf.ZERO_WIDTH_SPACE)))
        self.assertEqual(pdf.breakable(None), "")


class StaticFilesFetcherTests(TestCase):
    REFUSED = [
        "file:///etc/passwd",
        "http://127.0.0.1:9/",
        "http://127.0.0.1:9/x.css",
        "http://127.0.0.1:8000/static/cases/pdf.css",
        "https://example.com/static/cases/pdf.css",
        "data:text/css,body{color:red}",
        "https://huduma-portal.invalid/static/../../../etc/passwd",
        "https://huduma-portal.invalid/static/%2e%2e/%2e%2e/etc/passwd",
        "https://huduma-portal.invalid/static//etc/passwd",
        "https://huduma-portal.invalid/static/cases\\..\\..\\settings.py",
        "https://huduma-portal.invalid/static.evil/cases/pdf.css",
        "https://huduma-portal.invalid/media/case-files/x",
        "https://huduma-portal.invalid/static/cases/no-such-file.css",
    ]

    def test_refuses_everything_but_static_files_without_touching_files_or_network(self):
        fetcher = pdf.StaticFilesFetcher()
        for url in self.REFUSED:
            with (
                self.subTest(url=url),
                mock.patch.object(pdf, "open", create=True) as opened,
                mock.patch.object(socket.socket, "connect") as connect,
            ):
                with self.assertRaises(pdf.RefusedURL):
                    fetcher.fetch(url)
                opened.assert_not_called()
                connect.assert_not_called()

    def test_weasyprint_reports_a_refusal_as_a_fetching_error(self):
        with (
            self.assertRaises(URLFetchingError),
            fetch(pdf.StaticFilesFetcher(), "file:///etc/passwd"),
        ):
            pass

    def test_serves_static_files(self):
        response = pdf.StaticFilesFetcher().fetch(
            "https://huduma-portal.invalid/static/cases/pdf.css?v=1"
        )
        self.assertEqual(response.content_type, "text/css")
        self.assertIn(b"@page", response.read())


class ListingReportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        worker = UserFactory(username="lister", groups=["Case workers"])
        authority = AuthorityFactory(name="Kisumu Health", sectors=["health"], counties=["Kisumu"])
        for _number in range(2):
            make_case(sector_slug="water")
        for _number in range(3):
            make_case(sector_slug="health", county_name="Kisumu")
        actions.forward_case(
            case=Case.objects.filter(sector__slug="health").first(), authority=authority, by=worker
        )

    def test_counts_and_the_cap(self):
        cases = Case.objects.order_by("reference")
        with CaptureQueriesContext(connection) as queries:
            data = pdf.render_listing_report(
                cases, title="All cases", filter_description="Everything", max_rows=3
            )
        text = pdf_text(data)
        for expected in [
            "All cases",
            "Everything",
            "5 cases",
            "Received 4",
            "Forwarded 1",
            "Water 2",
            "Health 3",
            "Total 5",
            "Showing the first 3 of 5 cases. Download the XLSX export for all of them.",
        ]:
            with self.subTest(expected=expected):
                self.assertIn(expected, text)
        references = list(cases.values_list("reference", flat=True))
        for reference in references[:3]:
            self.assertIn(reference, text)
        for reference in references[3:]:
            self.assertNotIn(reference, text)
        # Counted by the database, and only the shown rows were loaded.
        sql = [query["sql"].upper() for query in queries.captured_queries]
        self.assertEqual(sum("GROUP BY" in statement for statement in sql), 2)
        self.assertTrue(any("LIMIT 3" in statement for statement in sql))
        self.assertLessEqual(len(sql), 4)

    def test_no_cap_message_when_all_rows_fit(self):
        text = pdf_text(pdf.render_listing_report(Case.objects.all(), title="All cases"))
        self.assertNotIn("Showing the first", text)
        self.assertIn("Total 5", text)

    def test_metadata_escaping_and_an_empty_listing(self):
        data = pdf.render_listing_report(
            Case.objects.none(), title="<b>Nothing</b>", filter_description="<i>none</i>"
        )
        reader = read_pdf(data)
        self.assertEqual(reader.metadata.title, "<b>Nothing</b> – Huduma Portal")
        self.assertEqual(reader.trailer["/Root"].get("/Lang"), "en")
        text = pdf_text(data)
        self.assertIn("<b>Nothing</b>", text)
        self.assertIn("<i>none</i>", text)
        self.assertIn("No cases match this filter.", text)

    def test_counts_are_grouped_like_the_cap_message_promises(self):
        with translation.override("en"):
            self.assertEqual(pdf._count(12345), "12,345")
            self.assertEqual(pdf._count(1000), "1,000")
