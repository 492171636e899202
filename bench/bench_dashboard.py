"""Times the uncached accountability dashboard on a large data set. Not a test: it asserts
nothing, it prints timings.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/huduma_bench \
        .venv/bin/python bench/bench_dashboard.py --cases 1000000

Use a database of its own: the script migrates it, loads the example authorities and tops
it up with ``seed_demo_cases --fast`` until it holds ``--cases`` cases (a data set made once
is reused). Each filter is then timed ``--repeat`` times, bypassing the cache: the database
figures alone, then the whole figures fragment (figures, suppression, charts, HTML).
See bench/README.md.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ.setdefault("DJANGO_DEBUG", "0")  # no query log: it would cost time and memory


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000, help="Cases the data set holds.")
    parser.add_argument("--repeat", type=int, default=3, help="Timed runs per filter.")
    parser.add_argument("--seed", type=int, default=11, help="Seed for seed_demo_cases.")
    parser.add_argument("--years", type=float, default=3, help="Years the demo cases cover.")
    parser.add_argument(
        "--explain", action="store_true", help="Print PostgreSQL's plan for each query."
    )
    parser.add_argument(
        "--allow-sqlite", action="store_true", help="Run on SQLite too (timings mean little)."
    )
    return parser.parse_args()


SEED_CHUNK = 25_000  # statistics refreshed between chunks keep the seeding fast


def _analyze(connection, vacuum=False):
    # Fresh statistics (and, with VACUUM, a current visibility map for index-only scans):
    # bulk inserts leave PostgreSQL planning for an empty table otherwise.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"{'VACUUM ' if vacuum else ''}ANALYZE cases_case")


def prepare(cases, seed, years, minutes=None):
    """Migrate, then seed in committed chunks until ``cases`` (or ``minutes`` are up: a
    later run goes on from there)."""
    from django.core.management import call_command
    from django.db import connection

    from cases.models import Authority, Case

    call_command("migrate", verbosity=0)
    if not Authority.objects.exists():
        call_command("load_example_authorities")
    have = Case.objects.count()
    started = time.perf_counter()
    while have < cases:
        if minutes is not None and time.perf_counter() - started > minutes * 60:
            print(f"Seeding stopped after {minutes} minutes; run again to go on.", flush=True)
            break
        chunk = min(SEED_CHUNK, cases - have)
        print(f"Seeding {chunk:,} cases (have {have:,}).", flush=True)
        call_command(
            "seed_demo_cases",
            "--fast",
            f"--count={chunk}",
            f"--seed={seed + have}",
            f"--years={years}",
        )
        _analyze(connection)
        have = Case.objects.count()
        print(f"{have:,} cases after {time.perf_counter() - started:.0f} s.", flush=True)
    _analyze(connection, vacuum=True)
    return have


def filters(today):
    from accountability.filters import DashboardQuery, default_period
    from refdata.models import County, Sector

    start, end = default_period(today)
    nairobi = County.objects.get(code="047")
    mombasa = County.objects.get(code="001")
    water = Sector.objects.get(slug="water")
    three_years = today.replace(year=today.year - 3)
    return {
        "last 12 months": DashboardQuery(start, end),
        "last 12 months, Nairobi City": DashboardQuery(start, end, county=nairobi),
        "last 12 months, water": DashboardQuery(start, end, sector=water),
        "last 12 months, compare 047/001": DashboardQuery(start, end, compare=(nairobi, mombasa)),
        "last 3 years": DashboardQuery(three_years, end),
    }


def timed(function, repeat):
    times = []
    for _run in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times)


def explain(query, today):
    """EXPLAIN ANALYZE of every SQL statement the figures run."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accountability.stats import compute_figures

    with CaptureQueriesContext(connection) as captured:
        compute_figures(query, today)
    with connection.cursor() as cursor:
        for statement in captured.captured_queries:
            sql = statement["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            print("\n" + sql[:300])
            print("\n".join(row[0] for row in cursor.fetchall()))


def main():
    arguments = parse_arguments()
    import django

    django.setup()
    from django.db import connection
    from django.utils import timezone

    from accountability.stats import compute_figures
    from accountability.views import render_figures

    if connection.vendor != "postgresql" and not arguments.allow_sqlite:
        sys.exit("Set DATABASE_URL to a PostgreSQL database (or pass --allow-sqlite).")
    total = prepare(arguments.cases, arguments.seed, arguments.years)
    today = timezone.localdate()
    print(f"{connection.vendor}, {total:,} cases, {arguments.repeat} runs per filter")
    print(f"{'filter':34} {'figures (min/median)':>22} {'fragment (min/median)':>24}")
    for name, query in filters(today).items():
        figures = timed(lambda query=query: compute_figures(query, today), arguments.repeat)
        fragment = timed(lambda query=query: render_figures(query, today), arguments.repeat)
        print(
            f"{name:34} {figures[0]:9.3f} s / {figures[1]:6.3f} s"
            f" {fragment[0]:10.3f} s / {fragment[1]:6.3f} s",
            flush=True,
        )
        if arguments.explain and connection.vendor == "postgresql":
            explain(query, today)


if __name__ == "__main__":
    main()
