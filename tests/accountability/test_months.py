import datetime

from django.test import TestCase

from accountability.months import count_by_month, first_days
from cases.models import Case
from refdata.models import County
from tests.factories import make_case

NAIROBI_TIME = datetime.timezone(datetime.timedelta(hours=3))


class CountByMonthTests(TestCase):
    """Counts per local month (Nairobi, UTC+3), on PostgreSQL by joining the cases to the
    months' ranges, elsewhere by TruncMonth: the same answers either way."""

    @classmethod
    def setUpTestData(cls):
        cls.nairobi = County.objects.get(name="Nairobi City")
        cls.mombasa = County.objects.get(name="Mombasa")
        received = [
            (datetime.datetime(2024, 12, 31, 23, 59, tzinfo=NAIROBI_TIME), cls.nairobi),
            (datetime.datetime(2025, 1, 1, 0, 0, tzinfo=NAIROBI_TIME), cls.nairobi),
            (datetime.datetime(2025, 1, 31, 23, 59, tzinfo=NAIROBI_TIME), cls.mombasa),
            (datetime.datetime(2025, 3, 1, 0, 0, tzinfo=NAIROBI_TIME), cls.mombasa),
            (datetime.datetime(2025, 4, 1, 0, 0, tzinfo=NAIROBI_TIME), cls.nairobi),
        ]
        for moment, county in received:
            case = make_case(county=county)
            Case.objects.filter(pk=case.pk).update(received_at=moment)

    def test_first_days(self):
        days = first_days(datetime.date(2024, 11, 20), datetime.date(2025, 2, 1))
        self.assertEqual(
            [day.isoformat() for day in days],
            ["2024-11-01", "2024-12-01", "2025-01-01", "2025-02-01"],
        )

    def test_each_case_in_its_local_month_and_none_outside_the_months(self):
        months = first_days(datetime.date(2025, 1, 1), datetime.date(2025, 3, 31))
        found = count_by_month(Case.objects.all(), "received_at", months)
        self.assertEqual(found, {datetime.date(2025, 1, 1): 2, datetime.date(2025, 3, 1): 1})

    def test_by_another_column_in_the_same_pass(self):
        months = first_days(datetime.date(2024, 12, 1), datetime.date(2025, 4, 30))
        by_month, by_county = count_by_month(
            Case.objects.all(), "received_at", months, also_by="county"
        )
        self.assertEqual(sum(by_month.values()), 5)
        self.assertEqual(by_month[datetime.date(2024, 12, 1)], 1)
        self.assertEqual(by_county, {self.nairobi.pk: 3, self.mombasa.pk: 2})

    def test_no_months(self):
        self.assertEqual(count_by_month(Case.objects.all(), "received_at", []), {})
        self.assertEqual(
            count_by_month(Case.objects.all(), "received_at", [], also_by="county"), ({}, {})
        )
