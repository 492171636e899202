from django.db import migrations, models
from django.db.models import DurationField, ExpressionWrapper, F, Q

# The dashboard's "median days to respond" (accountability.aggregates.medians) reads the one or
# two middle answered cases of each authority, each county and the whole period, in order of
# the time taken to respond, by OFFSET: these indexes hold exactly that order, and the
# columns the dashboard filters on, so PostgreSQL steps over index entries without sorting or
# reading the table. The expression matches accountability.aggregates.elapsed() and the
# condition accountability.stats.ANSWERED. PostgreSQL only, as in 0017_workbench_indexes:
# SQLite would index Django's own date function, which other SQLite clients lack.
RESPONSE_TIME = ExpressionWrapper(
    F("responded_at") - F("forwarded_at"), output_field=DurationField()
)
ANSWERED = Q(responded_at__gte=F("forwarded_at"))
FILTERED_ON = ["forwarded_at", "responded_at", "sector", "county"]

MEDIAN_INDEXES = [
    models.Index(RESPONSE_TIME, name="case_response_time", include=FILTERED_ON, condition=ANSWERED),
    models.Index(
        "authority",
        RESPONSE_TIME,
        name="case_authority_response_time",
        include=FILTERED_ON,
        condition=ANSWERED,
    ),
    models.Index(
        "county",
        RESPONSE_TIME,
        name="case_county_response_time",
        include=FILTERED_ON[:3],
        condition=ANSWERED,
    ),
]


# Index-only scans (these and the dashboard's other covering indexes) skip the table only for
# pages the visibility map marks all-visible, which VACUUM maintains. By default autovacuum
# visits a table after a fifth of it has changed or been added (200,000 cases of a million):
# a twentieth keeps the map close to current on the table the dashboard reads most.
AUTOVACUUM = "autovacuum_vacuum_scale_factor = 0.05, autovacuum_vacuum_insert_scale_factor = 0.05"


def add_median_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        case = apps.get_model("cases", "Case")
        for index in MEDIAN_INDEXES:
            schema_editor.add_index(case, index)
        schema_editor.execute(f"ALTER TABLE {case._meta.db_table} SET ({AUTOVACUUM})")


def remove_median_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        case = apps.get_model("cases", "Case")
        for index in MEDIAN_INDEXES:
            schema_editor.remove_index(case, index)
        schema_editor.execute(
            f"ALTER TABLE {case._meta.db_table} RESET "
            "(autovacuum_vacuum_scale_factor, autovacuum_vacuum_insert_scale_factor)"
        )


class Migration(migrations.Migration):
    dependencies = [("cases", "0017_workbench_indexes")]

    operations = [
        migrations.RunPython(add_median_indexes, remove_median_indexes, elidable=False),
    ]
