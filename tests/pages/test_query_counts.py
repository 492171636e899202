"""Every public page, rendered without the page cache, in at most ``MAX_QUERIES`` queries.

The page cache is off in tests (``PAGE_CACHE_ENABLED = False``), so each request here costs
what a cache miss costs in production. Each page is requested twice and the second request
is counted: the first fills what one web process keeps for all its requests (content
types, the site and its locales, the navigation in the shared cache), as a running process
has. The first request is bounded too, more loosely, so a cold process cannot regress
unnoticed.
"""

import datetime
import os

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from cases import actions
from pages.models import (
    ConventionIndexPage,
    ConventionPage,
    HomePage,
    ReportIndexPage,
    ReportPage,
    RightPage,
    RightsIndexPage,
    StandardPage,
)
from portal import page_cache
from tests.factories import AuthorityFactory, case_worker, make_case
from tests.pages.base import SiteContentTestCase

MAX_QUERIES = 10
MAX_COLD_QUERIES = 25
EXTRA_REPORTS = 11  # more than one page of reports (REPORTS_PER_PAGE is 10)


def _page(model, **lookups):
    """The address of a page of ``model`` in each language, by its English version."""

    def paths(test):
        english = (
            model.objects.live().filter(locale=test.english, **lookups).order_by("path").first()
        )
        kiswahili = Page.objects.get(translation_key=english.translation_key, locale=test.kiswahili)
        return {"en": english.url, "sw": kiswahili.url}

    return paths


def _route(path, query=""):
    """A route outside the page tree, under /sw/ in Kiswahili."""

    def paths(test):
        resolved = path(test) if callable(path) else path
        return {"en": resolved + query, "sw": "/sw" + resolved + query}

    return paths


def _with_query(paths_of, query):
    def paths(test):
        return {code: url + query for code, url in paths_of(test).items()}

    return paths


def _case_detail(test):
    return reverse("accountability:case_detail", args=[test.case.reference])


# (name, addresses in each language, the status it answers with)
PAGES = [
    ("home", _page(HomePage), 200),
    ("rights index", _page(RightsIndexPage), 200),
    ("right page", _page(RightPage, slug="water"), 200),
    ("convention index", _page(ConventionIndexPage), 200),
    ("convention page", _page(ConventionPage, number=87), 200),
    ("report index", _page(ReportIndexPage), 200),
    ("report index, filtered", _with_query(_page(ReportIndexPage), "?sector=water"), 200),
    ("report index, by year", _with_query(_page(ReportIndexPage), "?year=2024"), 200),
    ("report index, page 2", _with_query(_page(ReportIndexPage), "?page=2"), 200),
    ("report page", _page(ReportPage), 200),
    ("about page", _page(StandardPage, slug="about"), 200),
    ("contact page", _page(StandardPage, slug="contact"), 200),
    ("privacy page", _page(StandardPage, slug="privacy"), 200),
    ("search with results", _route("/search/", "?q=water"), 200),
    ("search, empty", _route("/search/"), 200),
    ("search without results", _route("/search/", "?q=zzzzqqq"), 200),
    ("RSS feed", _route("/feeds/reports.rss"), 200),
    ("Atom feed", _route("/feeds/reports.atom"), 200),
    ("report form", _route("/report/"), 200),
    ("tracking entry", _route("/track/"), 200),
    ("accountability dashboard", _route("/accountability/"), 200),
    ("published cases", _route("/accountability/cases/"), 200),
    ("published case", _route(_case_detail), 200),
    ("Open311 developers page", _route("/open311/"), 200),
    ("404 page", _route("/no-such-page/"), 404),
]
# Language-free addresses, counted once.
SINGLE_PAGES = [("sitemap.xml", "/sitemap.xml", 200)]


class QueryCountTestCase(SiteContentTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        index = ReportIndexPage.objects.get(locale=cls.english)
        for number in range(EXTRA_REPORTS):
            report = ReportPage(
                title=f"Extra report {number}",
                slug=f"extra-report-{number}",
                publication_date=datetime.date(2024, 1, 1 + number),
                publishers="Test publisher, Another publisher",
                summary=f"Summary of extra report {number} on water.",
            )
            index.add_child(instance=report)
            report.save_revision().publish()
        worker = case_worker()
        water = AuthorityFactory(name="City Water", sectors=["water"], counties=["Nairobi City"])
        case = make_case(consent_to_publish=True)
        case = actions.publish_case(case=case, summary="A dry water kiosk.", by=worker)
        cls.case = actions.forward_case(case=case, authority=water, by=worker)

    def setUp(self):
        cache.clear()
        page_cache.forget_process_state()

    def count(self, path):
        with CaptureQueriesContext(connection) as cold:
            first = self.client.get(path)
        with CaptureQueriesContext(connection) as warm:
            second = self.client.get(path)
        return first, len(cold), second, len(warm), warm

    def check(self, name, path, status):
        first, cold, second, warm, captured = self.count(path)
        if os.environ.get("QUERY_COUNT_REPORT"):
            print(f"\nQUERYCOUNT\t{name}\t{path}\t{cold}\t{warm}")  # noqa: T201
            if os.environ.get("QUERY_COUNT_REPORT") == "sql":
                for query in captured.captured_queries:
                    print("   ", query["sql"][:300])  # noqa: T201
        self.assertEqual(first.status_code, status, f"{name} ({path})")
        self.assertEqual(second.status_code, status, f"{name} ({path})")
        self.assertLessEqual(
            warm, MAX_QUERIES, f"{name} ({path}) ran {warm} queries, more than {MAX_QUERIES}"
        )
        self.assertLessEqual(
            cold,
            MAX_COLD_QUERIES,
            f"{name} ({path}) ran {cold} queries on a cold process, more than {MAX_COLD_QUERIES}",
        )


def _add_tests(cls):
    """One test per page and language, named after them, so a failure names its page."""

    def make(name, paths_of, code, status):
        def test(self):
            self.check(f"{name} [{code}]", paths_of(self)[code], status)

        return test

    def make_single(name, path, status):
        def test(self):
            self.check(name, path, status)

        return test

    for name, paths_of, status in PAGES:
        for code in ("en", "sw"):
            slug = name.replace(",", "").replace(".", "_").replace(" ", "_").lower()
            test = make(name, paths_of, code, status)
            setattr(cls, f"test_{slug}_{code}", test)
    for name, path, status in SINGLE_PAGES:
        slug = name.replace(".", "_").lower()
        test = make_single(name, path, status)
        setattr(cls, f"test_{slug}", test)
    return cls


_add_tests(QueryCountTestCase)
