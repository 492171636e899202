"""Database expressions for the dashboard: the time between two timestamps, and medians.

PostgreSQL computes medians itself with ``percentile_cont``; SQLite has no median function, so
``medians`` fetches the (bounded) values in order there and takes the middle in Python.
"""

import datetime
from collections import defaultdict

from django.db import NotSupportedError, connections
from django.db.models import Aggregate, DurationField, ExpressionWrapper, F, Func, IntegerField

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


class MonthNumber(Func):
    """Which month of a period a timestamp falls in, as PostgreSQL's ``WIDTH_BUCKET`` against
    the months' first moments (aware datetimes, in order): 1 for the first month, and so on.

    Comparing each row with a short sorted list costs far less than converting every row to
    local time for ``DATE_TRUNC`` (about 40 % of a pass over a million cases). PostgreSQL only.
    """

    output_field = IntegerField()

    def __init__(self, expression, month_starts, **extra):
        self.month_starts = list(month_starts)
        super().__init__(expression, **extra)

    def as_sql(self, compiler, connection, **extra_context):
        if connection.vendor != "postgresql":
            raise NotSupportedError("MonthNumber needs PostgreSQL; use TruncMonth elsewhere.")
        sql, params = compiler.compile(self.source_expressions[0])
        return f"WIDTH_BUCKET({sql}, %s::timestamptz[])", (*params, self.month_starts)


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


def medians(queryset, value, *, group=None, max_values=FALLBACK_MAX_VALUES):
    """The median of ``value`` over ``queryset``, as ``{group value: median}``.

    Without ``group`` the single result is under the key None. On PostgreSQL the database
    computes it; elsewhere the values are read in order (at most ``max_values``; None beyond).
    """
    queryset = queryset.order_by()
    if database_has_median(queryset):
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
