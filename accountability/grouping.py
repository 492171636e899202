"""Several GROUP BYs in one pass over the table: PostgreSQL's GROUPING SETS for a queryset.

The dashboard groups the same cases overall, by authority and by county (and the received
cases by month and by county). Each GROUP BY is a pass over a million index entries; one
query with ``GROUPING SETS`` reads them once. Django has no API for it, so the queryset's own
SQL is taken and only its final ``GROUP BY 1, 2, ...`` is replaced.
"""

import re

from django.db import NotSupportedError, connections
from django.db.models import Func, IntegerField


class Grouping(Func):
    """GROUPING(a, b, ...): which of the columns the current row is not grouped by (a bit
    each, the last column lowest). Marked as an aggregate so that Django groups by none of it."""

    function = "GROUPING"
    contains_aggregate = True
    output_field = IntegerField()


def supports_grouping_sets(queryset):
    return connections[queryset.db].vendor == "postgresql"


def grouped_rows(queryset, fields, sets):
    """The rows of ``queryset.values(*fields).annotate(...)`` grouped by each of ``sets``
    (tuples of some of ``fields``) at once: ``{set: [row, ...]}``, each row a dict of the
    fields and annotations (the fields outside its set are None)."""
    if not supports_grouping_sets(queryset):
        raise NotSupportedError("GROUPING SETS need PostgreSQL.")
    queryset = queryset.annotate(_grouping=Grouping(*fields)).order_by()
    compiler = queryset.query.get_compiler(using=queryset.db)
    sql, params = compiler.as_sql()
    # Django groups by the selected columns' positions: find them, and the GROUP BY.
    aliases = [alias for _expression, _sql, alias in compiler.select]
    position = {name: aliases.index(name) + 1 for name in fields}
    found = re.search(r" GROUP BY ([\d, ]+)$", sql)
    if not found or {int(n) for n in found[1].split(",")} != set(position.values()):
        raise NotSupportedError(f"Unexpected SQL for GROUPING SETS: …{sql[-80:]}")
    grouping_sets = ", ".join(
        "(" + ", ".join(str(position[name]) for name in grouping_set) + ")" for grouping_set in sets
    )
    sql = f"{sql[: found.start()]} GROUP BY GROUPING SETS ({grouping_sets})"
    by_set = {tuple(grouping_set): [] for grouping_set in sets}
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        names = [column.name for column in cursor.description]
        for values in cursor.fetchall():
            row = dict(zip(names, values, strict=True))
            bits = row.pop("_grouping")
            grouped_by = tuple(
                name
                for index, name in enumerate(fields)
                if not bits >> (len(fields) - 1 - index) & 1
            )
            by_set[grouped_by].append(row)
    return by_set
