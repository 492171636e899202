"""A small, known set of cases for the dashboard tests.

Cases go through the real actions; their timestamps are then moved into a chosen period with
queryset ``.update()`` (allowed in tests only), so every figure can be worked out by hand.

All dates are days after ``start`` (the period's first day); ``today`` is day 195, after the
period (days 0 to 180). Two authorities:

Water (Nairobi City, water, 10 working days = 14 calendar days):
  X1  received day -10 (before the period), forwarded day 1, answered after 16 days
  W1-W5  received day 4, forwarded day 5, answered after 2, 4, 6, 8 and 20 days;
         W1-W3 closed "resolved" on day 31
  W6  received day 33, forwarded day 34, closed "no response" on day 59
  W7  received day 60, forwarded day 61, still waiting, due day 75: overdue today
  W8  received day 170, forwarded day 171, still waiting, due day 400: not due yet
Health (Mombasa, health, 5 working days = 7 calendar days):
  M1, M2  received day 40, forwarded day 41, answered after 3 and 5 days
  M3  received day 90, never forwarded

So, for the period: received 11 (months: 5, 3, 1, 1, 0, 1), forwarded 11 (water 9,
health 2), responded 8, closed 4 (resolved 3, no response 1). Responses: due 10 (water 8,
health 2), answered 8, within the target 6 (water 4), response rate 80%, within 60%,
median days 5.5 (water 7.0). Overdue now: 1 (water).
"""

import datetime

from django.utils import timezone

from cases import actions
from cases.models import Case, Outcome
from cases.rules import Actor
from tests.factories import AuthorityFactory, case_worker, make_case

PERIOD_DAYS = 180
TODAY_OFFSET = 195
NOT_DUE_YET = 400

NAME = "Achieng Otieno"
PHONE = "0712 345 678"
EMAIL = "achieng.otieno@example.org"
DESCRIPTION = "The water kiosk on our street has been dry for three weeks."
LOCATION = "Kibera, Olympic estate"


def moment(day, hour=10):
    zone = timezone.get_current_timezone()
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=zone)


class KnownCases:
    def __init__(self, start):
        self.start = start
        self.end = start + datetime.timedelta(days=PERIOD_DAYS)
        self.today = start + datetime.timedelta(days=TODAY_OFFSET)
        self.worker = case_worker("dashboard-worker")
        self.water = AuthorityFactory(
            name="Nairobi City Water",
            sectors=["water"],
            counties=["Nairobi City"],
            response_days=10,
        )
        self.health = AuthorityFactory(
            name="Mombasa County Health", sectors=["health"], counties=["Mombasa"], response_days=5
        )
        self.cases = {}

    def day(self, offset, hour=10):
        return moment(self.start + datetime.timedelta(days=offset), hour)

    def date(self, offset):
        return self.start + datetime.timedelta(days=offset)

    def add(
        self,
        key,
        *,
        authority=None,
        received,
        forwarded=None,
        answer_after=None,
        closed=None,
        outcome=None,
        due=None,
        county_name="Nairobi City",
        sector_slug="water",
        **case_fields,
    ):
        case = make_case(
            county_name=county_name,
            sector_slug=sector_slug,
            complainant_name=NAME,
            complainant_phone=PHONE,
            complainant_email=EMAIL,
            description=DESCRIPTION,
            location=LOCATION,
            **case_fields,
        )
        times = {"received_at": self.day(received)}
        if forwarded is not None:
            case = actions.forward_case(case=case, authority=authority, by=self.worker)
            times["forwarded_at"] = self.day(forwarded)
        if answer_after is not None:
            case = actions.respond_to_case(
                case=case, response="We repaired it.", by=Actor.for_authority(authority)
            )
            times["responded_at"] = times["forwarded_at"] + datetime.timedelta(days=answer_after)
        if outcome == Outcome.NO_RESPONSE:
            # The transition needs a due date in the past (by the real clock).
            yesterday = timezone.localdate() - datetime.timedelta(days=1)
            Case.objects.filter(pk=case.pk).update(due_date=yesterday)
            case.refresh_from_db()
            case = actions.close_unanswered_case(case=case, by=self.worker)
        elif outcome:
            case = actions.close_case(case=case, outcome=outcome, by=self.worker)
        if closed is not None:
            times["closed_at"] = self.day(closed)
        if due is not None:
            times["due_date"] = self.date(due)
        Case.objects.filter(pk=case.pk).update(**times)
        case.refresh_from_db()
        self.cases[key] = case
        return case

    def build(self):
        water, health = self.water, self.health
        self.add("X1", authority=water, received=-10, forwarded=1, answer_after=16)
        for number, after in enumerate([2, 4, 6, 8, 20], start=1):
            resolved = number <= 3
            self.add(
                f"W{number}",
                authority=water,
                received=4,
                forwarded=5,
                answer_after=after,
                outcome=Outcome.RESOLVED if resolved else None,
                closed=31 if resolved else None,
            )
        self.add(
            "W6", authority=water, received=33, forwarded=34, outcome=Outcome.NO_RESPONSE, closed=59
        )
        self.add("W7", authority=water, received=60, forwarded=61, due=75)
        # Due long after "today" in the stats tests and after the real today in the page tests.
        self.add("W8", authority=water, received=170, forwarded=171, due=NOT_DUE_YET)
        for key, after in (("M1", 3), ("M2", 5)):
            self.add(
                key,
                authority=health,
                received=40,
                forwarded=41,
                answer_after=after,
                county_name="Mombasa",
                sector_slug="health",
            )
        self.add("M3", received=90, county_name="Mombasa", sector_slug="health")
        return self
