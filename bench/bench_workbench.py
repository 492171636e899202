"""Times the case workbench listing and the uncached dashboard on a large data set. Not a
test: it asserts nothing, it prints timings and their ratios to the targets.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/huduma_bench \\
        .venv/bin/python bench/bench_workbench.py --cases 1000000

Use a database of its own. The script migrates it, loads the example authorities and tops it
up with ``seed_demo_cases --fast`` (the demo seeder's bulk path) in chunks of 25,000 until it
holds ``--cases`` cases; every chunk is committed, so an interrupted run resumes where it
stopped, and ``--seed-minutes`` bounds the seeding of one run (the data set is then smaller
than asked, and the figures say how big it is). ``--seed-only`` just seeds.

For every workbench filter and sortable column it times a page of 50 (the count and the
rows) made the way the listing makes it (the index view's own queryset, filters and
ordering, then a paginator), against hand-written SQL that answers the same question, and
prints both with their ratio (target: at most 3x). It also times the whole listing page
through the test client as a supervisor and counts its queries. Then the dashboard's last
three years, uncached (target: under 1 s). See bench/README.md.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ.setdefault("DJANGO_DEBUG", "0")  # no query log: it would cost time and memory

PAGE = 50
RATIO_TARGET = 3
DASHBOARD_TARGET = 1.0  # seconds


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=200_000, help="Cases the data set holds.")
    parser.add_argument("--repeat", type=int, default=5, help="Timed runs per figure.")
    parser.add_argument("--seed", type=int, default=11, help="Seed for seed_demo_cases.")
    parser.add_argument("--years", type=float, default=3, help="Years the demo cases cover.")
    parser.add_argument(
        "--seed-minutes", type=float, help="Stop seeding after this long (resume later)."
    )
    parser.add_argument("--seed-only", action="store_true", help="Seed, then stop.")
    parser.add_argument("--explain", action="store_true", help="Print the listing's plans.")
    parser.add_argument(
        "--allow-sqlite", action="store_true", help="Run on SQLite too (timings mean little)."
    )
    return parser.parse_args()


def prepare(cases, seed, years, minutes):
    """Migrate, then seed in committed chunks until ``cases`` (or the time is up)."""
    from bench_dashboard import prepare as prepare_dashboard

    return prepare_dashboard(cases, seed, years, minutes)


# --- The listings and their hand-written SQL ---------------------------------------------------

HAND_PAGE = """
SELECT c.id, c.reference, c.state, c.priority, s.name_en, co.name, a.name, u.username,
       c.due_date, c.received_at
FROM cases_case c
LEFT JOIN refdata_sector s ON s.id = c.sector_id
LEFT JOIN refdata_county co ON co.id = c.county_id
LEFT JOIN cases_authority a ON a.id = c.authority_id
LEFT JOIN auth_user u ON u.id = c.assigned_to_id
WHERE {where} ORDER BY {order} LIMIT 50
"""
HAND_COUNT = "SELECT count(*) FROM cases_case c WHERE {where}"
OPEN = "c.state IN ('received', 'forwarded', 'responded')"
TEXT = "(upper(c.reference) LIKE upper(%s) OR upper(c.description) LIKE upper(%s))"


def listings(supervisor, today):
    """(name, query string, WHERE, its parameters, ORDER BY) for each filter and sort."""
    from django.utils import timezone

    from cases.models import Authority, Case
    from refdata.models import County, Sector

    water = Sector.objects.get(slug="water")
    nairobi = County.objects.get(code="047")
    authority = Authority.objects.filter(cases__isnull=False).order_by("name").first()
    reference = Case.objects.order_by("pk").values_list("reference", flat=True)[1000]
    ids = list(Case.objects.order_by("-pk").values_list("pk", flat=True)[:PAGE])
    month_ago = today - datetime.timedelta(days=30)
    zone = timezone.get_current_timezone()  # the date filter's days are local days
    default = "c.received_at DESC, c.id DESC"
    filters = [
        ("no filter", {}, "TRUE", []),
        ("status received", {"state": "received"}, "c.state = 'received'", []),
        (
            "status forwarded,responded",
            {"state": "forwarded,responded"},
            "c.state IN ('forwarded', 'responded')",
            [],
        ),
        ("sector water", {"sector": water.pk}, "c.sector_id = %s", [water.pk]),
        ("county Nairobi", {"county": nairobi.pk}, "c.county_id = %s", [nairobi.pk]),
        ("authority", {"authority": authority.pk}, "c.authority_id = %s", [authority.pk]),
        ("assigned to me", {"assignee": "me"}, "c.assigned_to_id = %s", [supervisor.pk]),
        ("unassigned", {"assignee": "unassigned"}, "c.assigned_to_id IS NULL", []),
        ("channel ussd", {"channel": "ussd"}, "c.channel = 'ussd'", []),
        ("priority urgent", {"priority": 4}, "c.priority = 4", []),
        ("overdue", {"overdue": "true"}, f"{OPEN} AND c.due_date < %s", [today]),
        (
            "not overdue",
            {"overdue": "false"},
            "(c.state = 'closed' OR c.due_date >= %s OR c.due_date IS NULL)",
            [today],
        ),
        ("escalation asked", {"escalation_requested": "true"}, "c.escalation_requested", []),
        (
            "escalation not asked",
            {"escalation_requested": "false"},
            "NOT c.escalation_requested",
            [],
        ),
        (
            "received last 30 days",
            {"received_from": month_ago.isoformat()},
            "c.received_at >= %s",
            [datetime.datetime.combine(month_ago, datetime.time.min, tzinfo=zone)],
        ),
        ("text: a reference", {"text": reference}, TEXT, [f"%{reference}%"] * 2),
        ("text: 'maji' (common)", {"text": "maji"}, TEXT, ["%maji%"] * 2),
        ("text: 'transformer'", {"text": "transformer"}, TEXT, ["%transformer%"] * 2),
        ("selection of 50", {"id": ",".join(map(str, ids))}, "c.id = ANY(%s)", [ids]),
    ]
    for name, query, where, params in filters:
        yield name, query, where, params, default
    for column in ("reference", "state", "priority", "due_date", "received_at"):
        for descending in (False, True):
            direction = "DESC" if descending else "ASC"
            order = f"c.{column} {direction}"
            if column != "reference":
                order += f", c.id {direction}"
            ordering = f"-{column}" if descending else column
            yield f"sort {ordering}", {"ordering": ordering}, "TRUE", [], order


def listing_view(query, supervisor):
    """The case index view, set up for a request by the supervisor."""
    from django.test import RequestFactory
    from django.urls import resolve, reverse

    request = RequestFactory().get(reverse("cases:index"), query)
    request.user = supervisor
    match = resolve(reverse("cases:index"))
    view = match.func.view_class(**match.func.view_initkwargs)
    view.setup(request)
    return view


def listing_page(query, supervisor):
    from django.core.paginator import Paginator

    paginator = Paginator(listing_view(query, supervisor).get_queryset(), PAGE)
    return paginator.count, list(paginator.page(1).object_list)


def hand_page(where, params, order):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(HAND_COUNT.format(where=where), params)
        count = cursor.fetchone()[0]
        cursor.execute(HAND_PAGE.format(where=where, order=order), params)
        return count, cursor.fetchall()


def timed(function, repeat):
    function()  # warm: the first run pays for cold caches, which every figure would share
    times = []
    for _run in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def explain(where, params, order):
    from django.db import connection

    with connection.cursor() as cursor:
        for sql in (HAND_COUNT.format(where=where), HAND_PAGE.format(where=where, order=order)):
            cursor.execute(f"EXPLAIN {sql}", params)
            print("\n".join("      " + row[0] for row in cursor.fetchall()))


class QueryCounter:
    """An execute wrapper that counts the queries (DEBUG is off here)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def bench_listings(arguments, today):
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from demo.staff import demo_staff

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    _worker, supervisor = demo_staff()
    client = Client()
    client.force_login(supervisor)
    print(
        f"{'listing (page of 50 + count)':30} {'rows':>9} {'listing':>9} {'SQL':>9} "
        f"{'ratio':>6} {'page':>8} {'queries':>7}"
    )
    worst = 0
    for name, query, where, params, order in listings(supervisor, today):
        count, rows = listing_page(query, supervisor)
        hand_count, hand_rows = hand_page(where, params, order)
        same = count == hand_count and [case.pk for case in rows] == [row[0] for row in hand_rows]
        orm = timed(lambda query=query: listing_page(query, supervisor), arguments.repeat)
        sql = timed(lambda a=(where, params, order): hand_page(*a), arguments.repeat)
        queries = QueryCounter()
        with connection.execute_wrapper(queries):
            response = client.get(reverse("cases:index"), query)
        page = timed(lambda query=query: client.get(reverse("cases:index"), query), 1)
        ratio = orm / sql
        worst = max(worst, ratio)
        flag = "" if ratio <= RATIO_TARGET else "  over 3x"
        flag += "" if same else "  (rows differ from the SQL!)"
        flag += "" if response.status_code == 200 else f"  HTTP {response.status_code}"
        print(
            f"{name:30} {count:9,} {orm * 1000:7.1f}ms {sql * 1000:7.1f}ms {ratio:5.2f}x"
            f" {page * 1000:6.0f}ms {queries.count:7}{flag}",
            flush=True,
        )
        if arguments.explain and connection.vendor == "postgresql":
            explain(where, params, order)
    print(f"Worst listing ratio: {worst:.2f}x (target at most {RATIO_TARGET}x).")


def bench_dashboard(arguments, today):
    from bench_dashboard import filters

    from accountability.stats import compute_figures
    from accountability.views import render_figures

    for name, query in filters(today).items():
        figures = timed(lambda query=query: compute_figures(query, today), arguments.repeat)
        fragment = timed(lambda query=query: render_figures(query, today), arguments.repeat)
        target = f"  (target under {DASHBOARD_TARGET:.0f} s)" if name == "last 3 years" else ""
        print(
            f"dashboard, {name:32} figures {figures:6.3f} s, fragment {fragment:6.3f} s{target}",
            flush=True,
        )


def main():
    arguments = parse_arguments()
    import django

    django.setup()
    from django.db import connection
    from django.utils import timezone

    if connection.vendor != "postgresql" and not arguments.allow_sqlite:
        sys.exit("Set DATABASE_URL to a PostgreSQL database (or pass --allow-sqlite).")
    total = prepare(arguments.cases, arguments.seed, arguments.years, arguments.seed_minutes)
    if arguments.seed_only:
        print(f"{total:,} cases.")
        return
    today = timezone.localdate()
    print(f"{connection.vendor}, {total:,} cases, median of {arguments.repeat} runs (after one)")
    bench_listings(arguments, today)
    bench_dashboard(arguments, today)


if __name__ == "__main__":
    main()
