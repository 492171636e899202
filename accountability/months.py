"""Cases counted per local month of a timestamp, and by one other column in the same pass.

On PostgreSQL the months are a short list of ranges joined to the cases: each month is a
range scan of the timestamp's index and PostgreSQL knows there are only a few dozen groups.
Grouping by an expression of each row instead (``DATE_TRUNC`` of the local time, or
``WIDTH_BUCKET``) makes it expect as many groups as rows and sort them all: 0.33 s against
0.09 s for 300,000 received cases. Elsewhere (SQLite) ``TruncMonth`` in the local time zone.
"""

import datetime

from django.db import connections
from django.db.models import Count, F
from django.db.models.functions import TruncMonth
from django.utils import timezone


def first_days(start, end):
    """The first day of every month from ``start`` to ``end`` (dates), in order."""
    months = []
    month = start.replace(day=1)
    while month <= end:
        months.append(month)
        month = next_month(month)
    return months


def next_month(first_day):
    return (first_day + datetime.timedelta(days=32)).replace(day=1)


def count_by_month(queryset, field_name, months, *, also_by=None):
    """Rows of ``queryset`` by the local month of ``field_name``: ``{first day: count}`` for
    the months given (first days, in order; rows outside them are not counted). With
    ``also_by`` (a column), also ``{value: count}`` over the same rows, from the same pass:
    returns (by month, by value)."""
    if not months:
        return ({}, {}) if also_by else {}
    if connections[queryset.db].vendor == "postgresql":
        return _joined_to_months(queryset, field_name, months, also_by)
    zone = timezone.get_current_timezone()
    rows = queryset.order_by().filter(**{f"{field_name}__isnull": False})
    by_month = {}
    for moment, count in (
        rows.annotate(month=TruncMonth(field_name, tzinfo=zone))
        .values_list("month")
        .annotate(count=Count(field_name))
    ):
        day = (timezone.localtime(moment, zone) if timezone.is_aware(moment) else moment).date()
        if day in months:
            by_month[day] = by_month.get(day, 0) + count
    if not also_by:
        return by_month
    return by_month, dict(rows.values_list(also_by).annotate(count=Count(field_name)))


def _joined_to_months(queryset, field_name, months, also_by):
    zone = timezone.get_current_timezone()
    starts = [*months, next_month(months[-1])]
    bounds = [datetime.datetime.combine(day, datetime.time.min, tzinfo=zone) for day in starts]
    columns = {"moment": F(field_name)}
    if also_by:
        columns["other"] = F(also_by)
    inner, params = queryset.order_by().values(**columns).query.sql_with_params()
    grouping = "GROUPING SETS ((1), (2))" if also_by else "1"
    sql = (
        "SELECT months.number, "
        + ("cases.other, " if also_by else "NULL, ")
        + "COUNT(*), "
        + ("GROUPING(months.number, cases.other) " if also_by else "0 ")
        + "FROM UNNEST(%s::timestamptz[], %s::timestamptz[]) WITH ORDINALITY "
        "AS months(since, until, number) "
        f"JOIN ({inner}) AS cases "
        "ON cases.moment >= months.since AND cases.moment < months.until "
        f"GROUP BY {grouping}"
    )
    by_month, by_other = {}, {}
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, (bounds[:-1], bounds[1:], *params))
        for number, other, count, grouping_bits in cursor.fetchall():
            # GROUPING(): 2 where the month is not grouped, that is the other column's rows.
            if grouping_bits == 2:
                by_other[other] = count
            else:
                by_month[months[number - 1]] = count
    return (by_month, by_other) if also_by else by_month
