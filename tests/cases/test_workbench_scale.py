"""The workbench listing at scale: a constant number of queries for every filter and sort,
pages that never overlap, a text search that finds by reference and by words on either
database, and (on PostgreSQL) trigram indexes that the search uses."""

import importlib
import unittest

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases import actions
from cases.models import Case, Channel, Priority
from cases.workbench.filters import CaseFilterSet
from refdata.models import County, Sector
from tests.factories import AuthorityFactory, make_case, supervisor

workbench_indexes = importlib.import_module("cases.migrations.0017_workbench_indexes")
on_postgresql = connection.vendor == "postgresql"


class ListingTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.supervisor = supervisor()
        cls.water = AuthorityFactory(
            name="Nairobi City Water", sectors=["water"], counties=["Nairobi City"]
        )
        cls.kiosk = make_case(description="The water kiosk on Moi Avenue is dry")
        cls.borehole = make_case(county_name="Kisumu", description="Kisumu borehole broken")

    def setUp(self):
        self.client.force_login(self.supervisor)

    def listing(self, **query):
        response = self.client.get(reverse("cases:index"), query)
        self.assertEqual(response.status_code, 200)
        return response


class QueryCountTests(ListingTestCase):
    def filters(self):
        today = timezone.localdate()
        return [
            {},
            {"state": "received"},
            {"state": "forwarded,responded"},
            {"sector": Sector.objects.get(slug="water").pk},
            {"county": County.objects.get(name="Nairobi City").pk},
            {"authority": self.water.pk},
            {"assignee": "me"},
            {"assignee": "unassigned"},
            {"channel": Channel.WEB},
            {"priority": Priority.NORMAL},
            {"overdue": "true"},
            {"overdue": "false"},
            {"escalation_requested": "false"},
            {"received_from": today.replace(day=1).isoformat()},
            {"text": "kiosk"},
            {"text": self.kiosk.reference},
            *[{"ordering": column} for column in ("reference", "state", "priority")],
            *[{"ordering": f"-{column}"} for column in ("due_date", "received_at")],
        ]

    def add_matching_cases(self, count):
        for _ in range(count):
            case = make_case(description="Another kiosk without water")
            case = actions.forward_case(case=case, authority=self.water, by=self.supervisor)
            actions.assign_case(case=case, assignee=self.supervisor, by=self.supervisor)

    def test_every_filter_and_sort_makes_as_many_queries_for_many_cases_as_for_few(self):
        self.add_matching_cases(1)
        filters = self.filters()
        self.listing()  # caches warm (permissions, site settings)
        few = {}
        for query in filters:
            with CaptureQueriesContext(connection) as queries:
                self.listing(**query)
            few[str(query)] = len(queries)
        self.add_matching_cases(12)
        for query in filters:
            with self.subTest(query=query), self.assertNumQueries(few[str(query)]):
                self.listing(**query)


class SortTests(ListingTestCase):
    def test_pages_of_a_sort_with_ties_never_overlap(self):
        Case.objects.bulk_create(
            [
                Case(
                    reference=f"HUD-2026-9{number:05d}",
                    tracking_token=f"token-{number}",
                    channel=Channel.SMS,
                    description="Same priority",
                    priority=Priority.NORMAL,
                )
                for number in range(60)
            ]
        )
        view_queryset = self.listing(ordering="priority").context["object_list"]
        first = {case.pk for case in view_queryset}
        second = {case.pk for case in self.listing(ordering="priority", p=2).context["object_list"]}
        self.assertEqual(len(first), 50)
        self.assertFalse(first & second)
        self.assertEqual(len(first | second), Case.objects.count())


class TextSearchTests(ListingTestCase):
    def search(self, text):
        filterset = CaseFilterSet({"text": text}, queryset=Case.objects.all())
        return set(filterset.qs)

    def test_finds_by_part_of_the_reference_in_any_case(self):
        fragment = self.kiosk.reference[-6:]
        self.assertEqual(self.search(fragment), {self.kiosk})
        self.assertEqual(self.search(self.kiosk.reference.lower()), {self.kiosk})

    def test_finds_by_words_anywhere_in_the_description_in_any_case(self):
        self.assertEqual(self.search("moi avenue"), {self.kiosk})
        self.assertEqual(self.search("BOREHOLE"), {self.borehole})
        self.assertEqual(self.search("hole"), {self.borehole})
        self.assertEqual(self.search("dry"), {self.kiosk})
        self.assertEqual(self.search("pothole"), set())

    def test_percent_and_underscore_are_plain_characters(self):
        self.assertEqual(self.search("%"), set())
        self.assertEqual(self.search("_"), set())

    def test_the_listing_shows_what_the_search_found(self):
        response = self.listing(text="borehole")
        self.assertContains(response, self.borehole.reference)
        self.assertNotContains(response, self.kiosk.reference)


class TrigramIndexTests(TestCase):
    def test_the_migration_leaves_other_databases_alone(self):
        class NotPostgreSQL:
            class connection:  # noqa: N801 - stands in for a schema editor's connection
                vendor = "sqlite"

            def add_index(self, *args):
                raise AssertionError("no trigram index outside PostgreSQL")

            remove_index = add_index

        workbench_indexes.add_trigram_indexes(None, NotPostgreSQL())
        workbench_indexes.remove_trigram_indexes(None, NotPostgreSQL())

    @unittest.skipUnless(on_postgresql, "trigram indexes exist on PostgreSQL only")
    def test_the_indexes_exist_and_the_text_filter_uses_them(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'cases_case'")
            names = {row[0] for row in cursor.fetchall()}
        self.assertLessEqual({"case_reference_trgm", "case_description_trgm"}, names)

        make_case()
        queryset = CaseFilterSet({"text": "kiosk"}, queryset=Case.objects.all()).qs
        with connection.cursor() as cursor:
            # A test table is tiny: forbid whole-table and whole-index scans to see which
            # index answers the condition itself.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")
            plan = queryset.order_by().explain()
        self.assertIn("case_reference_trgm", plan)
        self.assertIn("case_description_trgm", plan)
