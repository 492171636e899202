"""Demo cases for ``make run`` and the benchmarks.

Each demo case is first lived through in memory (``planner.Story``), with the portal's own
operations. Then either ``seed_demo_cases`` does every step again through the operations
against the database, at the planned moments, as a case worker would; or
``seed_demo_cases_fast`` writes the cases and timelines the operations left in memory with
``bulk_create``, for benchmark-sized data. Both write the same rows (a test compares them).
"""

import datetime
import random
import secrets
from collections import Counter
from dataclasses import dataclass
from itertools import islice

from django.conf import settings
from django.db import connection, reset_queries, transaction
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone

from cases.models import Authority, Case, CaseLogEntry, CaseSequence
from cases.operations import CreateCase

from .examples import load_example_authorities
from .planner import AuthorityDirectory, Cast, DemoPlanner, Story, received_times
from .staff import demo_staff

ACTION_BATCH_SIZE = 100
# Backends that never reach a real phone: the realistic path queues real messages.
SAFE_SMS_BACKENDS = {
    "notify.backends.console.ConsoleSMSBackend",
    "notify.backends.locmem.LocMemSMSBackend",
}


class LiveMessagesRefused(RuntimeError):
    """Seeding through the operations would text real phones through a live SMS gateway."""


@dataclass
class _Setting:
    rng: random.Random
    times_rng: random.Random  # its own stream: received_times() is consumed lazily
    now: datetime.datetime
    start: datetime.datetime
    cast: Cast
    planner: DemoPlanner


def _prepare(seed, years, now):
    now = now or timezone.now() - datetime.timedelta(minutes=1)
    if now > timezone.now():
        raise ValueError("Demo cases are planned in the past: pass a now= before the start.")
    if not Authority.objects.active().exists():
        load_example_authorities()
    worker, supervisor = demo_staff()
    rng = random.Random(seed)  # noqa: S311 - demo data, not secrets
    return _Setting(
        rng=rng,
        times_rng=random.Random(rng.getrandbits(64)),  # noqa: S311
        now=now,
        start=now - datetime.timedelta(days=365.25 * years),
        cast=Cast(worker, supervisor),
        planner=DemoPlanner(rng, AuthorityDirectory(), now, worker),
    )


class _Duplicates:
    """The latest case per sector and county: what a "duplicate" dismissal points to."""

    def __init__(self):
        self.latest = {}

    def find(self, draft):
        found = self.latest.get((draft.sector.pk, draft.county.pk))
        if found is None:
            return None
        # A stand-in with what a dismissal reads: its key, reference and county.
        pk, reference, county_id = found
        return Case(pk=pk, reference=reference, county_id=county_id)

    def remember(self, draft, case):
        self.latest[(draft.sector.pk, draft.county.pk)] = (case.pk, case.reference, case.county_id)


def _live(setting, received_at, duplicates, *, reference, tracking_token):
    draft = setting.planner.draft(received_at)
    story = Story(
        setting.cast, draft, reference=reference, tracking_token=tracking_token, now=setting.now
    )
    return draft, setting.planner.live(story, draft, duplicates.find)


def _report(progress, made, count, started):
    if progress is not None:
        seconds = (timezone.now() - started).total_seconds()
        rate = made / seconds if seconds else 0
        progress(f"{made:,} / {count:,} cases ({seconds:.1f} s, {rate:,.0f} per second)")


def _batches(iterable, size):
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


# --- Through the operations -----------------------------------------------------------------


def replay(story, cast):
    """Do a story's steps again through the operations, against the database."""
    first, *rest = story.steps
    case = CreateCase(by=cast.actor(first.actor, first.actor_label), at=first.at).execute(
        **first.values
    )
    for step in rest:
        by = cast.actor(step.actor, step.actor_label, case=case)
        operation = step.operation(case, by=by, at=step.at)
        operation.execute(**step.values)
        case = operation.instance
    # updated_at follows the clock (auto_now); the demo's last change was at its last step.
    Case.objects.filter(pk=case.pk).update(updated_at=story.last.at)
    return case


def seed_demo_cases(*, count, seed=None, years=3, now=None, progress=None):
    """Create ``count`` demo cases through the operations; returns how many were made.

    The operations queue messages as they would for real cases, so this refuses to run with
    an SMS backend that reaches real phones.
    """
    if settings.SMS_BACKEND not in SAFE_SMS_BACKENDS:
        raise LiveMessagesRefused(
            f"SMS_BACKEND is {settings.SMS_BACKEND}: demo cases would text real phones. Use "
            "the console backend, or seed with --fast (which sends nothing)."
        )
    started = timezone.now()
    setting = _prepare(seed, years, now)
    duplicates = _Duplicates()
    made = 0
    times = received_times(setting.times_rng, count, setting.start, setting.now)
    for batch in _batches(times, ACTION_BATCH_SIZE):
        with transaction.atomic():  # one commit per batch: SQLite commits are the slow part
            for received_at in batch:
                # The reference is the database's; the one in memory is never written.
                draft, story = _live(
                    setting, received_at, duplicates, reference="", tracking_token=""
                )
                case = replay(story, setting.cast)
                duplicates.remember(draft, case)
        made += len(batch)
        _report(progress, made, count, started)
    return made


# --- In bulk, for benchmarks ------------------------------------------------------------------


def _reserve_references(moments):
    """HUD-<year>-<number> for each moment, taking the numbers from the years' CaseSequence
    rows so that ``create_case`` continues after them. Call inside a transaction."""
    years = [timezone.localtime(moment).year for moment in moments]
    next_number = {}
    for year, needed in Counter(years).items():
        CaseSequence.objects.get_or_create(year=year)
        CaseSequence.objects.filter(year=year).update(last_number=F("last_number") + needed)
        next_number[year] = CaseSequence.objects.get(year=year).last_number - needed + 1
    references = []
    for year in years:
        references.append(f"HUD-{year}-{next_number[year]:06d}")
        next_number[year] += 1
    return references


def seed_demo_cases_fast(*, count, seed=None, years=3, batch_size=5000, now=None, progress=None):
    """Bulk-create ``count`` demo cases with their timelines, ``batch_size`` at a time.

    Memory stays bounded by one batch; nothing is sent. Returns how many cases were made.
    """
    started = timezone.now()
    setting = _prepare(seed, years, now)
    duplicates = _Duplicates()
    made = 0
    times = received_times(setting.times_rng, count, setting.start, setting.now)
    for batch in _batches(times, batch_size):
        with transaction.atomic():
            stories = []
            for received_at, reference in zip(batch, _reserve_references(batch), strict=True):
                # Tracking tokens stay secret even in demo data: never from the seeded source.
                stories.append(
                    _live(
                        setting,
                        received_at,
                        duplicates,
                        reference=reference,
                        tracking_token=secrets.token_urlsafe(32),
                    )
                )
            cases = [story.case for _draft, story in stories]
            Case.objects.bulk_create(cases, batch_size=batch_size)
            CaseLogEntry.objects.bulk_create(
                [entry for _draft, story in stories for entry in story.entries],
                batch_size=batch_size,
            )
            # updated_at is auto_now, so bulk_create stamped it with the current time: set it
            # to the case's last timeline entry instead.
            last_entry = CaseLogEntry.objects.filter(case=OuterRef("pk")).order_by("-timestamp")
            for ids in _batches([case.pk for case in cases], 5000):  # SQLite's variable limit
                Case.objects.filter(pk__in=ids).update(
                    updated_at=Subquery(last_entry.values("timestamp")[:1])
                )
        for draft, story in stories:
            duplicates.remember(draft, story.case)
        made += len(cases)
        if made == len(cases) and connection.vendor == "postgresql":
            # Fresh tables have no statistics yet: without them PostgreSQL plans the per-batch
            # updates as if the tables were empty, and large runs stall.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE cases_case")
                cursor.execute("ANALYZE cases_caselogentry")
        reset_queries()  # with DEBUG on, Django keeps the (huge) INSERT statements otherwise
        _report(progress, made, count, started)
    return made


__all__ = ["LiveMessagesRefused", "replay", "seed_demo_cases", "seed_demo_cases_fast"]
