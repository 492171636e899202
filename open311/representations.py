"""What a GeoReport v2 service request shows of a case, and to whom.

Everyone sees the published cases; a partner that sends its api_key also sees the requests
it submitted itself. Whatever the reader, a request never carries a name, phone number,
e-mail address, attachment, the raw description or the citizen's own words about the place:
only the published summary, the county, coordinates rounded to about a kilometre, the
status and the public part of the timeline.
"""

import datetime
from decimal import ROUND_HALF_EVEN, Decimal

from django.db.models import Prefetch
from django.utils import timezone

from cases.models import Case, CaseLogEntry, CaseState, TimelineVisibility
from cases.public_timeline import PUBLIC, latest_update, public_summary

# Two decimal places of a degree: about 1.1 km north-south at the equator.
COORDINATE_STEP = Decimal("0.01")


def visible_cases(api_key=None):
    """The cases a reader may see: the published ones, plus a partner's own requests."""
    cases = Case.objects.published()
    if api_key is not None:
        cases = cases | Case.objects.filter(open311_request__api_key=api_key)
    return cases


def with_request_data(cases):
    """Everything ``request_data`` reads, in a fixed number of queries."""
    entries = CaseLogEntry.objects.filter(visibility=TimelineVisibility.PUBLIC)
    entries = entries.select_related("authority").order_by("timestamp", "pk")
    return cases.select_related("sector", "county", "authority").prefetch_related(
        Prefetch("timeline", queryset=entries, to_attr="public_entries")
    )


def w3c(moment):
    if moment is None:
        return None
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


def end_of_day(day):
    if day is None:
        return None
    moment = datetime.datetime.combine(day, datetime.time(23, 59, 59))
    return w3c(timezone.make_aware(moment))


def rounded(coordinate):
    if coordinate is None:
        return None
    return float(Decimal(coordinate).quantize(COORDINATE_STEP, rounding=ROUND_HALF_EVEN))


def status_of(case):
    return "closed" if case.state == CaseState.CLOSED else "open"


def status_notes(case):
    """The latest public update, as the public may read it (never the citizen's words)."""
    entries = getattr(case, "public_entries", None)
    update = latest_update(case, audience=PUBLIC, entries=entries)
    return update.note if update is not None else None


def address(case):
    return f"{case.county.name} County" if case.county_id else None


def request_data(case):
    """One service request, in the order of the specification's example."""
    sector = case.sector
    is_closed = case.state == CaseState.CLOSED
    return {
        "service_request_id": case.reference,
        "status": status_of(case),
        "status_notes": status_notes(case),
        "service_name": sector.name_en if sector else None,
        "service_code": sector.slug if sector else None,
        # Only the moderated summary: a partner's own unpublished request shows none.
        "description": public_summary(case) if case.is_published else None,
        "agency_responsible": case.authority.name if case.authority_id else None,
        "service_notice": None,
        "requested_datetime": w3c(case.received_at),
        "updated_datetime": w3c(
            case.closed_at if is_closed and case.closed_at else case.updated_at
        ),
        "expected_datetime": None if is_closed else end_of_day(case.due_date),
        "address": address(case),
        "lat": rounded(case.latitude),
        "long": rounded(case.longitude),
    }
