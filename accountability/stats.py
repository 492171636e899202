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

from django.db.models import Count, F, Q
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone

from cases.models import Authority, Case, CaseState, Outcome
from refdata.models import County

from .aggregates import DaysAsDuration, elapsed, in_days, medians
from .months import count_by_month, first_days

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


COUNTS = ("forwarded", "due", "answered", "within_target")


def _response_aggregates(today):
    # Counting forwarded_at (never null here) rather than the id lets PostgreSQL answer from
    # an index that holds the columns these figures use, without reading the wide case rows.
    return {
        "forwarded": Count("forwarded_at"),
        "due": Count("forwarded_at", filter=_due(today)),
        "answered": Count("forwarded_at", filter=ANSWERED),
        "within_target": Count("forwarded_at", filter=_within_target()),
    }


def _totals(pairs, group=None, *, county=None):
    """{group value: {count name: sum}} of the counts per (authority, county) pair, grouped
    by "authority", "county" or None (one total, under the key None); only the pairs of
    ``county`` (a primary key) when it is given."""
    totals = {}
    for (authority, pair_county), counts in pairs.items():
        if county is not None and pair_county != county:
            continue
        key = {"authority": authority, "county": pair_county, None: None}[group]
        total = totals.setdefault(key, dict.fromkeys(COUNTS, 0))
        for name in COUNTS:
            total[name] += counts[name]
    return totals


def _with_medians(totals, cohort, group=None, *, by_position=True):
    """{group value: ResponseStats} from the counts, with the medians of the answered cases.

    ``by_position``: the cohort is each group's whole index range in the period, so the
    number of answered cases per group lets PostgreSQL read only the middle ones. Where a
    filter the indexes do not lead with narrows the groups (a sector; a county, for the
    authorities), stepping to the middle would pass over the other cases as well, and
    sorting the few chosen ones costs less."""
    sizes = {key: total["answered"] for key, total in totals.items()} if by_position else None
    found = medians(cohort.filter(ANSWERED), RESPONSE_TIME, group=group, counts=sizes)
    return {
        key: ResponseStats(**total, median_days=in_days(found.get(key)))
        for key, total in totals.items()
    }


def response_figures(query, today):
    """The response statistics of the cases forwarded in the period: (overall, by authority,
    by county, all counties). Overall and by authority follow the chosen county; by county
    and all counties cover every county.

    The counts come from one query, by authority and county together (a few hundred groups,
    which PostgreSQL hashes in parallel workers); every other grouping is their sum."""
    everywhere = forwarded_in_period(query, by_county=False)
    rows = everywhere.values("authority", "county").annotate(**_response_aggregates(today))
    pairs = {(row["authority"], row["county"]): row for row in rows}
    chosen = query.county.pk if query.county else None
    cohort = forwarded_in_period(query)
    whole = query.sector is None  # see _with_medians

    def overall_of(cases, county=None):
        totals = _totals(pairs, county=county)
        return _with_medians(totals, cases, by_position=whole).get(None, ResponseStats())

    overall = overall_of(cohort, chosen)
    by_authority = _with_medians(
        _totals(pairs, "authority", county=chosen),
        cohort,
        "authority",
        by_position=whole and chosen is None,
    )
    by_county = _with_medians(_totals(pairs, "county"), everywhere, "county", by_position=whole)
    all_counties = overall if chosen is None else overall_of(everywhere)
    return overall, by_authority, by_county, all_counties


# --- The figures --------------------------------------------------------------------------


def _count_by(queryset, group, counted):
    """{group value: count}; ``counted`` is a column that is never null in ``queryset``
    (see _response_aggregates)."""
    return dict(queryset.values_list(group).annotate(count=Count(counted)).order_by())


def _period_months(query):
    """The first day of every month the period touches, in order."""
    return first_days(query.start, query.end)


def _received(query):
    """The cases received in the period: ({month: count}, {county: count}); the months follow
    the chosen county, the counties' counts cover every county."""
    received = scoped_cases(query, by_county=False).filter(_in_period(query, "received_at"))
    if query.county is None:
        # Months and counties in one pass over the received cases.
        return count_by_month(received, "received_at", _period_months(query), also_by="county")
    return _per_month(query, "received_at"), _count_by(received, "county", "received_at")


def _per_month(query, field_name):
    cases = scoped_cases(query).filter(_in_period(query, field_name))
    return count_by_month(cases, field_name, _period_months(query))


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
    responses, by_authority, by_county, all_counties = response_figures(query, today)
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
