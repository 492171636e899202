import datetime

from django.db import connection
from django.db.models import Count
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from accountability.aggregates import elapsed, in_days, medians, middle, middle_rows_sql
from accountability.filters import DashboardQuery
from accountability.report import build_report
from accountability.stats import ANSWERED, compute_figures, forwarded_in_period
from accountability.suppression import Status
from cases.models import Case, Outcome
from refdata.models import County, Sector
from tests.accountability.dataset import KnownCases
from tests.factories import make_case

START = datetime.date(2025, 1, 1)


class KnownCasesTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.data = KnownCases(START).build()
        cls.nairobi = County.objects.get(name="Nairobi City")
        cls.mombasa = County.objects.get(name="Mombasa")

    def figures(self, **filters):
        query = DashboardQuery(start=self.data.start, end=self.data.end, **filters)
        return compute_figures(query, today=self.data.today)


class FigureTests(KnownCasesTestCase):
    def test_counts_of_each_stage_in_the_period(self):
        figures = self.figures()
        self.assertEqual(figures.received, 11)  # X1 came before the period
        self.assertEqual(figures.forwarded, 11)  # ...but was forwarded in it
        self.assertEqual(figures.responded, 8)
        self.assertEqual(figures.closed, 4)

    def test_months_cover_the_whole_period(self):
        months = self.figures().months
        self.assertEqual(
            [row.month for row in months], [START.replace(month=m) for m in range(1, 7)]
        )
        self.assertEqual([row.received for row in months], [5, 3, 1, 1, 0, 1])
        self.assertEqual([row.responded for row in months], [6, 2, 0, 0, 0, 0])

    def test_responses(self):
        responses = self.figures().responses
        self.assertEqual(responses.forwarded, 11)
        self.assertEqual(responses.due, 10)  # W8 is still within its time
        self.assertEqual(responses.answered, 8)
        self.assertEqual(responses.within_target, 6)
        self.assertAlmostEqual(responses.response_rate, 0.8)
        self.assertAlmostEqual(responses.within_target_rate, 0.6)
        # 2, 3, 4, 5 | 6, 8, 16, 20: an even count, the mean of the middle two.
        self.assertAlmostEqual(responses.median_days, 5.5)

    def test_outcomes_include_no_response(self):
        outcomes = self.figures().outcomes
        self.assertEqual(list(outcomes), [outcome.value for outcome in Outcome])
        self.assertEqual(outcomes[Outcome.RESOLVED], 3)
        self.assertEqual(outcomes[Outcome.NO_RESPONSE], 1)
        self.assertEqual(sum(outcomes.values()), 4)

    def test_one_row_per_authority(self):
        rows = {row.authority.name: row for row in self.figures().authorities}
        self.assertEqual(set(rows), {"Nairobi City Water", "Mombasa County Health"})
        water = rows["Nairobi City Water"]
        self.assertEqual(water.responses.forwarded, 9)
        self.assertEqual(water.responses.due, 8)
        self.assertEqual(water.responses.answered, 6)
        self.assertEqual(water.responses.within_target, 4)  # 16 and 20 days are too late
        self.assertAlmostEqual(water.responses.median_days, 7.0)
        self.assertEqual(water.overdue_now, 1)  # W7
        health = rows["Mombasa County Health"]
        self.assertEqual((health.responses.forwarded, health.responses.answered), (2, 2))
        self.assertEqual(health.responses.within_target, 2)
        self.assertAlmostEqual(health.responses.median_days, 4.0)
        self.assertEqual(health.overdue_now, 0)

    def test_county_and_sector_filters(self):
        mombasa = self.figures(county=self.mombasa)
        self.assertEqual((mombasa.received, mombasa.forwarded, mombasa.closed), (3, 2, 0))
        water = self.figures(sector=Sector.objects.get(slug="water"))
        self.assertEqual(water.received, 8)
        self.assertEqual(water.responses.answered, 6)

    def test_medians_are_the_same_whichever_way_they_are_found(self):
        # Unfiltered groups read their middle rows by position; a county or a sector sorts
        # the chosen cases instead (PostgreSQL). The answers must not depend on the way.
        every = self.figures()
        by_name = {row.authority.name: row for row in every.authorities}
        water = self.figures(sector=Sector.objects.get(slug="water"))
        water_rows = {row.authority.name: row for row in water.authorities}
        self.assertAlmostEqual(water_rows["Nairobi City Water"].responses.median_days, 7.0)
        mombasa = self.figures(county=self.mombasa)
        health = {row.authority.name: row for row in mombasa.authorities}["Mombasa County Health"]
        self.assertAlmostEqual(health.responses.median_days, 4.0)
        self.assertAlmostEqual(mombasa.all_counties.median_days, every.responses.median_days)
        county_rows = {row.county.pk: row for row in every.counties if row.county}
        self.assertAlmostEqual(
            mombasa.responses.median_days, county_rows[self.mombasa.pk].responses.median_days
        )
        self.assertAlmostEqual(
            by_name["Mombasa County Health"].responses.median_days, health.responses.median_days
        )

    def test_counties_ignore_the_county_filter_and_compare_two(self):
        figures = self.figures(county=self.mombasa, compare=(self.mombasa, self.nairobi))
        rows = {row.county.name: row for row in figures.counties if row.county}
        self.assertEqual(len(rows), 47)
        self.assertEqual(rows["Nairobi City"].received, 8)
        self.assertEqual(rows["Nairobi City"].responses.forwarded, 9)
        self.assertEqual(rows["Kisumu"].received, 0)
        self.assertEqual([row.county for row in figures.compared], [self.mombasa, self.nairobi])
        self.assertEqual(figures.all_counties.answered, 8)

    def test_a_period_with_nothing_in_it(self):
        query = DashboardQuery(start=datetime.date(2020, 1, 1), end=datetime.date(2020, 3, 31))
        figures = compute_figures(query, today=self.data.today)
        self.assertEqual(figures.received, 0)
        self.assertIsNone(figures.responses.median_days)
        self.assertIsNone(figures.responses.response_rate)
        self.assertEqual(len(figures.months), 3)


class MedianTests(KnownCasesTestCase):
    def answered(self, keys):
        pks = [self.data.cases[key].pk for key in keys]
        return Case.objects.filter(pk__in=pks)

    def test_middle(self):
        self.assertIsNone(middle([]))
        self.assertEqual(middle([7]), 7)
        self.assertEqual(middle([1, 2, 10]), 2)
        self.assertEqual(middle([1, 2, 4, 10]), 3.0)
        hours = [datetime.timedelta(hours=hours) for hours in (1, 2, 4, 10)]
        self.assertEqual(middle(hours), datetime.timedelta(hours=3))

    def test_odd_and_even_counts_in_the_database(self):
        days = elapsed("responded_at", "forwarded_at")
        odd = medians(self.answered(["W1", "W2", "W3", "W4", "W5"]), days)[None]
        self.assertAlmostEqual(in_days(odd), 6.0)
        even = medians(self.answered(["W1", "W2", "W3", "W4"]), days)[None]
        self.assertAlmostEqual(in_days(even), 5.0)

    def test_grouped(self):
        days = elapsed("responded_at", "forwarded_at")
        found = medians(self.answered(["W1", "W2", "W5", "M1", "M2"]), days, group="authority")
        self.assertAlmostEqual(in_days(found[self.data.water.pk]), 4.0)
        self.assertAlmostEqual(in_days(found[self.data.health.pk]), 4.0)

    def test_postgresql_computes_it_with_percentile_cont(self):
        days = elapsed("responded_at", "forwarded_at")
        with CaptureQueriesContext(connection) as queries:
            medians(self.answered(["W1", "W2", "W3"]), days)
        sql = " ".join(query["sql"] for query in queries.captured_queries).upper()
        if connection.vendor == "postgresql":
            self.assertIn("PERCENTILE_CONT(0.5) WITHIN GROUP", sql)
        else:
            self.assertNotIn("PERCENTILE_CONT", sql)

    def test_with_the_group_sizes_known(self):
        # The dashboard passes the answered counts it has; the result must be the same.
        days = elapsed("responded_at", "forwarded_at")
        cases = self.answered(["W1", "W2", "W5", "M1", "M2"])
        sizes = dict(cases.values_list("authority").annotate(n=Count("pk")).order_by())
        found = medians(cases, days, group="authority", counts=sizes)
        self.assertAlmostEqual(in_days(found[self.data.water.pk]), 4.0)
        self.assertAlmostEqual(in_days(found[self.data.health.pk]), 4.0)
        for keys, expected in (
            (["W1", "W2", "W3", "W4", "W5"], 6.0),
            (["W1", "W2", "W3", "W4"], 5.0),
        ):
            found = medians(self.answered(keys), days, counts={None: len(keys)})
            self.assertAlmostEqual(in_days(found[None]), expected)
        self.assertEqual(medians(self.answered([]), days, counts={None: 0}), {})

    def test_with_the_group_sizes_postgresql_reads_only_the_middle_rows(self):
        days = elapsed("responded_at", "forwarded_at")
        cases = self.answered(["W1", "W2", "W5", "M1", "M2"])
        with CaptureQueriesContext(connection) as queries:
            medians(cases, days, group="authority", counts={self.data.water.pk: 3})
        sql = " ".join(query["sql"] for query in queries.captured_queries).upper()
        if connection.vendor == "postgresql":
            # One statement whatever the number of groups: offsets and keys are arrays.
            self.assertEqual(len(queries.captured_queries), 1)
            self.assertIn("CROSS JOIN LATERAL", sql)
            self.assertIn("OFFSET GROUPS.SKIP LIMIT GROUPS.TAKE", sql)
            self.assertNotIn("PERCENTILE_CONT", sql)

    def test_the_median_indexes_match_the_dashboards_query(self):
        # The indexes (migration cases 0018) must hold the very expression and condition the
        # dashboard orders and filters by, or PostgreSQL would sort every group again.
        if connection.vendor != "postgresql":
            self.skipTest("The median indexes exist on PostgreSQL only.")
        days = elapsed("responded_at", "forwarded_at")
        query = DashboardQuery(start=self.data.start, end=self.data.end)
        cohort = forwarded_in_period(query).filter(ANSWERED)
        checks = {
            "case_response_time": (None, {None: 3}),
            "case_authority_response_time": ("authority", {self.data.water.pk: 3, None: 1}),
            "case_county_response_time": ("county", {self.nairobi.pk: 2, None: 1}),
        }
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            for index, (group, counts) in checks.items():
                with self.subTest(index):
                    sql, params = middle_rows_sql(cohort, days, group, counts)
                    cursor.execute(f"EXPLAIN {sql}", params)
                    plan = " ".join(row[0] for row in cursor.fetchall())
                    self.assertIn(f"Index Only Scan using {index}", plan)
                    self.assertNotIn("Sort", plan)

    def test_the_fallback_is_bounded(self):
        days = elapsed("responded_at", "forwarded_at")
        cases = self.answered(["W1", "W2", "W3"])
        if connection.vendor != "postgresql":
            self.assertEqual(medians(cases, days, max_values=2), {})


class ReportSuppressionTests(KnownCasesTestCase):
    def report(self, **filters):
        return build_report(self.figures(**filters))

    def test_authority_counts_with_primary_and_secondary_suppression(self):
        table = self.report().table("authorities")
        rows = {row.heading: row for row in table.rows}
        health, water = rows["Mombasa County Health"], rows["Nairobi City Water"]
        self.assertEqual(health.cells[0].status, Status.FEWER_THAN)
        self.assertEqual(health.cells[0].text, "fewer than 5")
        # 11 - 9 would give the 2 away: the 9 is hidden as well.
        self.assertEqual(water.cells[0].status, Status.HIDDEN)
        self.assertEqual(rows["All authorities"].cells[0].value, 11)
        # Rates and medians from fewer than 5 cases are not shown either.
        self.assertTrue(all(cell.is_suppressed for cell in health.cells[1:4]))
        self.assertEqual([cell.text for cell in water.cells[1:4]], ["75%", "50%", "7.0"])

    def test_headline(self):
        headline = {item.key: item for item in self.report().headline}
        self.assertEqual(headline["received"].cell.value, 11)
        self.assertEqual(headline["response_rate"].text, "80%")
        self.assertEqual(headline["within_target"].text, "60%")
        self.assertEqual(headline["median_days"].text, "5.5 days")
        self.assertEqual(headline["closed"].text, "fewer than 5")
        self.assertEqual(headline["no_response"].text, "fewer than 5")
        self.assertTrue(headline["no_response"].is_emphasised)

    def test_no_shown_count_is_between_1_and_4(self):
        report = self.report(compare=(self.nairobi, self.mombasa))
        cells = [
            cell for table in report.tables.values() for row in table.rows for cell in row.cells
        ]
        cells += [item.cell for item in report.headline]
        counts = [cell.value for cell in cells if cell.kind == "count" and cell.is_shown]
        self.assertTrue(counts)
        self.assertFalse([count for count in counts if 0 < count < 5])

    def test_comparison_table_puts_the_counties_side_by_side(self):
        table = self.report(compare=(self.nairobi, self.mombasa)).table("comparison")
        self.assertEqual(table.headings[1:], ["Nairobi City", "Mombasa"])
        rows = {row.heading: row for row in table.rows}
        # The same cells as in the county table: Mombasa's 3 is small, so Nairobi's 8 is
        # hidden too (the 11 received would give the 3 away).
        received = rows["Received"].cells
        self.assertEqual([cell.status for cell in received], [Status.HIDDEN, Status.FEWER_THAN])
        median = rows["Median days to respond"].cells
        self.assertEqual(median[0].text, "7.0")
        self.assertEqual(median[1].text, "fewer than 5 cases")
        self.assertIsNone(self.report().table("comparison"))


class MonthBoundaryTests(TestCase):
    """A case counts in the month of its local date (Nairobi, UTC+3), to the minute."""

    @classmethod
    def setUpTestData(cls):
        zone = datetime.timezone(datetime.timedelta(hours=3))
        moments = [
            datetime.datetime(2025, 1, 31, 23, 59, tzinfo=zone),  # 20:59 UTC: January
            datetime.datetime(2025, 2, 1, 0, 0, tzinfo=zone),  # 21:00 UTC on 31 January
            datetime.datetime(2025, 2, 28, 23, 59, tzinfo=zone),
            datetime.datetime(2025, 3, 1, 0, 0, tzinfo=zone),
        ]
        for moment in moments:
            case = make_case()
            Case.objects.filter(pk=case.pk).update(received_at=moment, responded_at=moment)
        cls.nairobi = County.objects.get(name="Nairobi City")

    def months(self, **filters):
        query = DashboardQuery(
            start=datetime.date(2025, 1, 15), end=datetime.date(2025, 3, 10), **filters
        )
        rows = compute_figures(query, today=datetime.date(2025, 4, 1)).months
        return [(row.month.month, row.received, row.responded) for row in rows]

    def test_every_county(self):
        self.assertEqual(self.months(), [(1, 1, 1), (2, 2, 2), (3, 1, 1)])

    def test_one_county(self):
        self.assertEqual(self.months(county=self.nairobi), [(1, 1, 1), (2, 2, 2), (3, 1, 1)])
