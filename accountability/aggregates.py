"""Database expressions for the dashboard: the time between two timestamps, and medians.

On PostgreSQL, when the size of each group is already known (the dashboard counts the answered
cases anyway), ``medians`` reads only the one or two middle values of each group from an index
kept in that order (``OFFSET (n - 1) / 2``): an exact median without sorting the group, which
``percentile_cont`` must do (2.3 s for the three-year view at a million cases). Without the
sizes PostgreSQL uses ``percentile_cont``. SQLite has no median function, so ``medians``
fetches the (bounded) values in order there and takes the middle in Python.
"""

import datetime
from collections import defaultdict

from django.core.exceptions import EmptyResultSet
from django.db import NotSupportedError, connections
from django.db.models import (
    Aggregate,
    DurationField,
    ExpressionWrapper,
    F,
    Func,
)

# The SQLite fallback reads at most this many values; beyond it the median is not computed
# (None) rather than loading a production-sized table into memory. Production is PostgreSQL.
FALLBACK_MAX_VALUES = 200_000


def elapsed(end, start):
    """The duration from one timestamp to another (an interval on PostgreSQL, microseconds on
    SQLite): cheaper for the database than converting every row to a number of days."""
    return ExpressionWrapper(F(end) - F(start), output_field=DurationField())


class DaysAsDuration(Func):
    """A number of days times a fixed duration, as a duration the database can compare with
    ``elapsed()``: ``DaysAsDuration(F("response_days"), timedelta(days=1.4))``."""

    output_field = DurationField()

    def __init__(self, count, unit, **extra):
        self.unit = unit
        super().__init__(count, **extra)

    def as_postgresql(self, compiler, connection, **extra_context):
        seconds = int(self.unit.total_seconds())
        template = f"(%(expressions)s * INTERVAL '{seconds} seconds')"
        return self.as_sql(compiler, connection, template=template, **extra_context)

    def as_sqlite(self, compiler, connection, **extra_context):
        # Django keeps durations on SQLite as integer microseconds.
        microseconds = int(self.unit / datetime.timedelta(microseconds=1))
        template = f"(%(expressions)s * {microseconds})"
        return self.as_sql(compiler, connection, template=template, **extra_context)


def in_days(duration):
    return duration.total_seconds() / 86400 if duration is not None else None


class Median(Aggregate):
    """PostgreSQL's continuous median of numbers or intervals (its result has the same type);
    combine with ``filter=`` like any aggregate."""

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"

    def as_sql(self, compiler, connection, **extra_context):
        if connection.vendor != "postgresql":
            raise NotSupportedError("Median needs PostgreSQL; use medians() elsewhere.")
        return super().as_sql(compiler, connection, **extra_context)


def database_has_median(queryset):
    return connections[queryset.db].vendor == "postgresql"


def middle(sorted_values):
    """The median of values already in order (the mean of the two middle ones when even)."""
    count = len(sorted_values)
    if not count:
        return None
    half = count // 2
    if count % 2:
        return sorted_values[half]
    return (sorted_values[half - 1] + sorted_values[half]) / 2


def medians(queryset, value, *, group=None, counts=None, max_values=FALLBACK_MAX_VALUES):
    """The median of ``value`` over ``queryset``, as ``{group value: median}``.

    Without ``group`` the single result is under the key None; ``group`` names an integer or
    foreign key field. ``counts`` ({group value: rows in ``queryset``}) lets PostgreSQL read
    just the middle rows of each group; without it the database computes the medians with
    ``percentile_cont``. Elsewhere the values are read in order (at most ``max_values``; None
    beyond), and ``counts`` is not needed.
    """
    queryset = queryset.order_by()
    if database_has_median(queryset):
        if counts is not None:
            return _middle_rows(queryset, value, group, counts)
        if group is None:
            return {None: queryset.aggregate(median=Median(value))["median"]}
        rows = queryset.values(group).annotate(median=Median(value))
        return {row[group]: row["median"] for row in rows}
    fields = [group, "_value"] if group else ["_value"]
    ordered = queryset.annotate(_value=value).filter(_value__isnull=False)
    ordered = ordered.order_by(*fields).values_list(*fields)
    values = list(ordered[: max_values + 1])
    if len(values) > max_values:
        return {}
    grouped = defaultdict(list)
    for row in values:
        grouped[row[0] if group else None].append(row[-1])
    return {key: middle(items) for key, items in grouped.items()}


def _middle_rows(queryset, value, group, counts):
    """Medians from the one or two middle rows of each group, in ``value`` order."""
    statement = middle_rows_sql(queryset, value, group, counts)
    if statement is None:
        return {}
    found = defaultdict(list)
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(*statement)
        for key, found_value in cursor.fetchall():
            found[key].append(found_value)
    # A group that lost rows between the count and this query has no middle row (None).
    return {key: middle(sorted(values)) for key, values in found.items()}


def middle_rows_sql(queryset, value, group, counts):
    """(SQL, parameters) reading the one or two middle rows of each group: ``ORDER BY value
    OFFSET (n - 1) / 2 LIMIT 1 or 2``, which an index on (group, value) answers by stepping
    over n / 2 entries (migration cases 0018_dashboard_median_indexes); None if no group has
    rows. The groups are a LATERAL join to arrays of keys and offsets, so the statement (and
    its planning) stays the same size however many groups there are; a None key (cases
    without that column) is a part of its own, which the index answers as ``IS NULL``."""
    columns = {"_value": value}
    if group is not None:
        columns["_key"] = F(group)
    try:
        inner, params = queryset.order_by().values(**columns).query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing (an empty IN)
        return None
    wanted = {key: ((count - 1) // 2, 2 - count % 2) for key, count in counts.items() if count}
    keyed = [key for key in wanted if key is not None]
    # Only Django's own compiled SQL is put into the text; every value is a parameter.
    parts, part_params = [], []
    if None in wanted:
        where = "WHERE cases._key IS NULL " if group is not None else ""
        parts.append(
            f"(SELECT NULL::bigint, cases._value FROM ({inner}) AS cases {where}"  # noqa: S608
            "ORDER BY cases._value OFFSET %s LIMIT %s)"
        )
        part_params += [*params, *wanted[None]]
    if keyed:
        parts.append(
            "(SELECT groups.key, middle._value "  # noqa: S608
            "FROM UNNEST(%s::bigint[], %s::bigint[], %s::bigint[]) AS groups(key, skip, take) "
            "CROSS JOIN LATERAL ("
            f"SELECT cases._value FROM ({inner}) AS cases WHERE cases._key = groups.key "
            "ORDER BY cases._value OFFSET groups.skip LIMIT groups.take) AS middle)"
        )
        skips, takes = zip(*(wanted[key] for key in keyed), strict=True)
        part_params += [keyed, list(skips), list(takes), *params]
    if not parts:
        return None
    return " UNION ALL ".join(parts), part_params
