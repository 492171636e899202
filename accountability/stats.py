"""The dashboard's figures, counted by the database: raw numbers, before any suppression.

Definitions (the dashboard explains them in the same words):

- Received, forwarded, responded, closed: cases whose received_at, forwarded_at, responded_at
  or closed_at falls in the period. A case escalated to an authority again counts from its
  latest forwarding and its latest response.
- The response figures follow the cases forwarded in the period (the "cohort"):
  - answered: the authority responded after the (latest) forwarding;
  - due: answered, closed as "no response from the authority", or still waiting past its due
    date today. Cases still within their time, withdrawn or recalled before an answer was due
    are not held against the authority;
  - response rate: answered / due;
  - answered within the target: answered within the authority's response time, counted as
    ``response_days`` working days x 7/5 calendar days (weekends; public holidays are not
    counted), as a share of the due cases;
  - median days to respond: from forwarding to response, over the answered cases.
- Overdue now: cases with an authority (forwarded) past their due date today, whatever the
  period.
- Outcomes: the cases closed in the period, by outcome.
"""

import datetime
from dataclasses import dataclass, field

from django.db import connections
from django.db.models import Count, F, Q
from django.db.models.functions import TruncMonth
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone

from cases.models import Authority, Case, CaseState, Outcome
from refdata.models import County

from .aggregates import (
    DaysAsDuration,
    Median,
    MonthNumber,
    database_has_median,
    elapsed,
    in_days,
    medians,
)
from .grouping import grouped_rows, supports_grouping_sets

# A working day of the response target counts as 7/5 calendar days (weekends).
TARGET_PER_WORKING_DAY = datetime.timedelta(days=7 / 5)

RESPONSE_TIME = elapsed("responded_at", "forwarded_at")
ANSWERED = Q(responded_at__gte=F("forwarded_at"))


def _due(today):
    unanswered = Q(outcome=Outcome.NO_RESPONSE) | Q(state=CaseState.FORWARDED, due_date__lt=today)
    return ANSWERED | unanswered


def _within_target():
    target = DaysAsDuration(F("authority__response_days"), TARGET_PER_WORKING_DAY)
    return ANSWERED & Q(LessThanOrEqual(RESPONSE_TIME, target))


@dataclass(frozen=True)
class ResponseStats:
    """How the cases forwarded in the period were answered."""

    forwarded: int = 0
    due: int = 0
    answered: int = 0
    within_target: int = 0
    median_days: float | None = None

    @property
    def response_rate(self):
        return self.answered / self.due if self.due else None

    @property
    def within_target_rate(self):
        return self.within_target / self.due if self.due else None


@dataclass(frozen=True)
class AuthorityRow:
    authority: Authority | None
    responses: ResponseStats
    overdue_now: int


@dataclass(frozen=True)
class MonthRow:
    month: datetime.date
    received: int
    responded: int


@dataclass(frozen=True)
class CountyRow:
    county: County | None
    received: int
    responses: ResponseStats


@dataclass
class Figures:
    query: object
    today: datetime.date
    responses: ResponseStats
    outcomes: dict  # Outcome value -> count, every outcome in order
    authorities: list = field(default_factory=list)
    months: list = field(default_factory=list)
    counties: list = field(default_factory=list)
    all_counties: ResponseStats = field(default_factory=ResponseStats)

    # The headline counts are the totals of the lines below them, so a table can never
    # disagree with its total.
    @property
    def received(self):
        return sum(row.received for row in self.months)

    @property
    def responded(self):
        return sum(row.responded for row in self.months)

    @property
    def forwarded(self):
        return self.responses.forwarded

    @property
    def closed(self):
        return sum(self.outcomes.values())

    @property
    def overdue_now(self):
        return sum(row.overdue_now for row in self.authorities)

    @property
    def compared(self):
        rows = {row.county.code: row for row in self.counties if row.county}
        return [rows[county.code] for county in self.query.compare if county.code in rows]


# --- Querysets --------------------------------------------------------------------------


def period_bounds(start, end):
    """Aware datetimes [from, until) covering the local days ``start`` to ``end``."""
    zone = timezone.get_current_timezone()
    since = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    until = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min)
    return since, until.replace(tzinfo=zone)


def scoped_cases(query, *, by_county=True):
    cases = Case.objects.order_by()
    if query.sector:
        cases = cases.filter(sector=query.sector)
    if by_county and query.county:
        cases = cases.filter(county=query.county)
    return cases


def _in_period(query, field_name):
    since, until = period_bounds(query.start, query.end)
    return Q(**{f"{field_name}__gte": since, f"{field_name}__lt": until})


def forwarded_in_period(query, *, by_county=True):
    return scoped_cases(query, by_county=by_county).filter(_in_period(query, "forwarded_at"))


# --- Response statistics ------------------------------------------------------------------


def _response_aggregates(today, with_median):
    # Counting forwarded_at (never null here) rather than the id lets PostgreSQL answer from
    # an index that holds the columns these figures use, without reading the wide case rows.
    aggregates = {
        "forwarded": Count("forwarded_at"),
        "due": Count("forwarded_at", filter=_due(today)),
        "answered": Count("forwarded_at", filter=ANSWERED),
        "within_target": Count("forwarded_at", filter=_within_target()),
    }
    if with_median:
        aggregates["median_time"] = Median(RESPONSE_TIME, filter=ANSWERED)
    return aggregates


def _stats(values):
    values["median_days"] = in_days(values.pop("median_time"))
    return ResponseStats(**values)


def response_stats(cohort, today):
    """ResponseStats over a queryset of forwarded cases."""
    with_median = database_has_median(cohort)
    values = cohort.aggregate(**_response_aggregates(today, with_median))
    if not with_median:
        values["median_time"] = medians(cohort.filter(ANSWERED), RESPONSE_TIME).get(None)
    return _stats(values)


def response_stats_by(cohort, group, today):
    """{group value: ResponseStats} over a queryset of forwarded cases."""
    with_median = database_has_median(cohort)
    rows = cohort.values(group).annotate(**_response_aggregates(today, with_median))
    by_group = {row.pop(group): row for row in rows}
    if not with_median:
        found = medians(cohort.filter(ANSWERED), RESPONSE_TIME, group=group)
        for key, row in by_group.items():
            row["median_time"] = found.get(key)
    return {key: _stats(row) for key, row in by_group.items()}


def _without(row, *keys):
    return {key: value for key, value in row.items() if key not in keys}


def response_figures(query, today):
    """The response statistics of the cases forwarded in the period: overall, by authority
    and by county (every county, whatever county is chosen)."""
    cohort = forwarded_in_period(query)
    if query.county is None and supports_grouping_sets(cohort):
        # One pass over the cohort for the three groupings: they read the same cases.
        rows = grouped_rows(
            cohort.values("authority", "county").annotate(**_response_aggregates(today, True)),
            ("authority", "county"),
            [(), ("authority",), ("county",)],
        )
        overall = [_stats(_without(row, "authority", "county")) for row in rows[()]]
        by_authority = {
            row["authority"]: _stats(_without(row, "authority", "county"))
            for row in rows[("authority",)]
        }
        by_county = {
            row["county"]: _stats(_without(row, "authority", "county")) for row in rows[("county",)]
        }
        return (overall[0] if overall else ResponseStats()), by_authority, by_county
    overall = response_stats(cohort, today)
    by_authority = response_stats_by(cohort, "authority", today)
    by_county = response_stats_by(forwarded_in_period(query, by_county=False), "county", today)
    return overall, by_authority, by_county


# --- The figures --------------------------------------------------------------------------


def _count_by(queryset, group, counted):
    """{group value: count}; ``counted`` is a column that is never null in ``queryset``
    (see _response_aggregates)."""
    return dict(queryset.values_list(group).annotate(count=Count(counted)).order_by())


def _local_date(moment, zone):
    return (timezone.localtime(moment, zone) if timezone.is_aware(moment) else moment).date()


def _period_months(query):
    """The first day of every month the period touches, in order."""
    months = []
    month = query.start.replace(day=1)
    while month <= query.end:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def _month_of(query, field_name, queryset):
    """(an expression for the month of ``field_name``, a function from its value to the
    month's first day)."""
    zone = timezone.get_current_timezone()
    if connections[queryset.db].vendor != "postgresql":
        return TruncMonth(field_name, tzinfo=zone), lambda moment: _local_date(moment, zone)
    months = _period_months(query)
    starts = [datetime.datetime.combine(month, datetime.time.min, tzinfo=zone) for month in months]
    return MonthNumber(field_name, starts), lambda number: months[number - 1]


def _received(query):
    """The cases received in the period: ({month: count}, {county: count}); the months follow
    the chosen county, the counties' counts cover every county."""
    received = scoped_cases(query, by_county=False).filter(_in_period(query, "received_at"))
    if query.county is None and supports_grouping_sets(received):
        # Months and counties in one pass over the received cases.
        month, to_month = _month_of(query, "received_at", received)
        rows = grouped_rows(
            received.annotate(month=month)
            .values("month", "county")
            .annotate(count=Count("received_at")),
            ("month", "county"),
            [("month",), ("county",)],
        )
        by_month = {to_month(row["month"]): row["count"] for row in rows[("month",)]}
        by_county = {row["county"]: row["count"] for row in rows[("county",)]}
        return by_month, by_county
    return _per_month(query, "received_at"), _count_by(received, "county", "received_at")


def _per_month(query, field_name):
    cases = scoped_cases(query).filter(_in_period(query, field_name))
    month, to_month = _month_of(query, field_name, cases)
    rows = cases.annotate(month=month).values_list("month").annotate(count=Count(field_name))
    return {to_month(number): count for number, count in rows.order_by()}


def _months(query, received):
    """Every month of the period, with the cases received and responded in it."""
    responded = _per_month(query, "responded_at")
    return [
        MonthRow(month, received.get(month, 0), responded.get(month, 0))
        for month in _period_months(query)
    ]


def _outcomes(query):
    closed = scoped_cases(query).filter(_in_period(query, "closed_at"))
    counts = _count_by(closed, "outcome", "closed_at")
    return {outcome.value: counts.get(outcome.value, 0) for outcome in Outcome}


def _authorities(query, today, by_authority):
    overdue = scoped_cases(query).filter(state=CaseState.FORWARDED, due_date__lt=today)
    overdue_by_authority = _count_by(overdue, "authority", "due_date")
    keys = set(by_authority) | set(overdue_by_authority)
    authorities = Authority.objects.in_bulk([key for key in keys if key is not None])
    rows = [
        AuthorityRow(
            authority=authorities.get(key) if key is not None else None,
            responses=by_authority.get(key, ResponseStats()),
            overdue_now=overdue_by_authority.get(key, 0),
        )
        for key in keys
    ]
    # By name; cases without an authority (an escalation with nobody to go to) last.
    return sorted(rows, key=lambda row: (row.authority is None, str(row.authority or "")))


def _counties(received, responses):
    """Every county, with the cases received and the responses, whatever county is chosen."""
    rows = [
        CountyRow(county, received.get(county.pk, 0), responses.get(county.pk, ResponseStats()))
        for county in County.objects.order_by("name")
    ]
    if received.get(None) or None in responses:
        rows.append(CountyRow(None, received.get(None, 0), responses.get(None, ResponseStats())))
    return rows


def compute_figures(query, today=None):
    today = today or timezone.localdate()
    responses, by_authority, by_county = response_figures(query, today)
    if query.county:
        all_counties = response_stats(forwarded_in_period(query, by_county=False), today)
    else:
        all_counties = responses
    received_by_month, received_by_county = _received(query)
    return Figures(
        query=query,
        today=today,
        responses=responses,
        outcomes=_outcomes(query),
        authorities=_authorities(query, today, by_authority),
        months=_months(query, received_by_month),
        counties=_counties(received_by_county, by_county),
        all_counties=all_counties,
    )
