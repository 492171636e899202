"""Example authorities and response templates, and demo cases for `make run` and benchmarks.

A demo case is first planned: what the complainant sent and the list of steps that follow, each
with its moment in the past. ``seed_demo_cases`` then carries out every step through
``cases.actions``, as a case worker would, and moves the timestamps back to the planned moments;
``seed_demo_cases_fast`` writes the same plans with ``bulk_create``, for benchmark-sized data.
"""

import csv
import datetime
import heapq
import random
import secrets
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path

import phonenumbers
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection, reset_queries, transaction
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from refdata.models import County, Sector

from . import actions
from .access import hash_access_code, new_access_code
from .actions import CLOSE_AFTER_RESPONSE_DAYS, TRIAGE_WORKING_DAYS
from .data import demo
from .models import (
    ActorKind,
    Authority,
    Case,
    CaseLogEntry,
    CaseSequence,
    CaseState,
    Channel,
    Outcome,
    Priority,
    ResponseTemplate,
    TimelineVisibility,
)
from .rules import Actor
from .workdays import add_working_days, is_working_day

DATA_DIR = Path(__file__).resolve().parent / "data"

ACTION_BATCH_SIZE = 100

DEMO_WORKER = "demo-caseworker"
DEMO_SUPERVISOR = "demo-supervisor"

# --- Example authorities and response templates ---------------------------------------------


@dataclass
class LoadCounts:
    created: int = 0
    existing: int = 0
    kept: int = 0  # rows an administrator has taken over (no longer marked as examples)

    def __str__(self):
        return f"{self.created} created, {self.existing} already there, {self.kept} kept as edited"


def _read_csv(filename):
    with open(DATA_DIR / filename, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _lookup(table, key, what):
    try:
        return table[key]
    except KeyError:
        raise ValueError(f"Unknown {what} {key!r} in the example data.") from None


def load_example_authorities():
    """Create or refresh the example duty bearers of ``data/authorities.csv`` (by name).

    A row whose authority an administrator has taken over (``is_example`` switched off, usually
    after entering real contact details) is left alone.
    """
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    counties = {county.name: county for county in County.objects.all()}
    counts = LoadCounts()
    with transaction.atomic():
        for row in _read_csv("authorities.csv"):  # parents come before their children
            current = Authority.objects.filter(name=row["name"]).first()
            if current is not None and not current.is_example:
                counts.kept += 1
                continue
            authority, created = Authority.objects.update_or_create(
                name=row["name"],
                defaults={
                    "kind": row["kind"],
                    "parent": Authority.objects.get(name=row["parent"]) if row["parent"] else None,
                    "email": row["email"],
                    "phone": "",
                    "response_days": int(row["response_days"]),
                    "is_example": True,
                },
            )
            if row["sectors"] == "all":
                authority.sectors.set(sectors.values())
            else:
                authority.sectors.set(
                    [_lookup(sectors, slug, "sector") for slug in row["sectors"].split()]
                )
            names = [name.strip() for name in row["counties"].split(";") if name.strip()]
            authority.counties.set([_lookup(counties, name, "county") for name in names])
            if created:
                counts.created += 1
            else:
                counts.existing += 1
    return counts


def load_example_response_templates():
    """Create the example templates of ``data/response_templates.csv`` that are missing.

    Matched by (title, transition); an existing template keeps its text, which staff may have
    edited.
    """
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    counts = LoadCounts()
    with transaction.atomic():
        for row in _read_csv("response_templates.csv"):
            _template, created = ResponseTemplate.objects.get_or_create(
                title=row["title"],
                transition=row["transition"],
                defaults={
                    "sector": _lookup(sectors, row["sector"], "sector") if row["sector"] else None,
                    "text": row["text"],
                },
            )
            if created:
                counts.created += 1
            else:
                counts.existing += 1
    return counts


# --- Who acts in the demo ---------------------------------------------------------------------


def _demo_user(username, last_name, group_name):
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"first_name": "Demo", "last_name": last_name, "is_staff": True},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    user.groups.add(Group.objects.get(name=group_name))
    return user


def demo_staff():
    """The demo case worker and supervisor (made if missing; they cannot log in)."""
    return (
        _demo_user(DEMO_WORKER, "Caseworker", "Case workers"),
        _demo_user(DEMO_SUPERVISOR, "Supervisor", "Case supervisors"),
    )


class AuthorityDirectory:
    """The active authorities, and which of them a demo case of a sector and county goes to.

    Bodies serving the county are likeliest; national bodies next; a body that is the higher
    authority of another candidate (a ministry over a county department, the Ombudsman) is the
    place for escalations, so it rarely gets a case first.
    """

    LOCAL = 3.0
    NATIONAL = 1.0
    HIGHER = 0.15

    def __init__(self):
        self.by_id = {authority.pk: authority for authority in Authority.objects.active()}
        self._candidates = {}

    def candidates(self, sector_id, county_id):
        key = (sector_id, county_id)
        if key not in self._candidates:
            ranked = list(
                Authority.objects.serving(sector=sector_id, county=county_id).values_list(
                    "pk", "serves_county"
                )
            )
            parents = {self.by_id[pk].parent_id for pk, _serves in ranked}
            self._candidates[key] = [
                (pk, self.LOCAL if serves else self.HIGHER if pk in parents else self.NATIONAL)
                for pk, serves in ranked
            ]
        return self._candidates[key]

    def choose(self, rng, sector_id, county_id, exclude=None):
        choices = [pair for pair in self.candidates(sector_id, county_id) if pair[0] != exclude]
        if not choices:
            return None
        (pk,) = rng.choices([pk for pk, _w in choices], weights=[w for _pk, w in choices])
        return self.by_id[pk]

    def parent(self, authority):
        return self.by_id.get(authority.parent_id)


# --- Planning a demo case -----------------------------------------------------------------------


@dataclass(frozen=True)
class Draft:
    """What the complainant sent: the ``create_case`` arguments of one demo case."""

    received_at: datetime.datetime
    channel: str
    sector: Sector
    county: County
    location: str
    description: str
    complainant_name: str
    complainant_phone: str  # E.164
    complainant_email: str
    consent_to_contact: bool
    consent_to_share_identity: bool
    consent_to_publish: bool
    language: str
    priority: int
    # Not sent by the complainant: how triage will judge the case, and what may be answered.
    fate: str = ""  # "", "spam" or "out_of_scope"
    dismissal_reason: str = ""
    responses: tuple = ()

    def create_kwargs(self):
        return {name: getattr(self, name) for name in CREATE_FIELDS}


CREATE_FIELDS = [
    "received_at",
    "channel",
    "sector",
    "county",
    "location",
    "description",
    "complainant_name",
    "complainant_phone",
    "complainant_email",
    "consent_to_contact",
    "consent_to_share_identity",
    "consent_to_publish",
    "language",
    "priority",
]


@dataclass(frozen=True)
class Step:
    """One thing that happens to a case, at a planned moment."""

    operation: str  # create, assign, note, or a transition name (forward, respond, ...)
    at: datetime.datetime
    actor: str  # citizen, system, worker, supervisor or authority
    actor_label: str = ""  # the system actor's label
    authority_id: int | None = None  # forward and escalate: where the case goes
    outcome: str = ""
    text: str = ""
    to_parent: bool = False
    duplicate_of: tuple[int, str] | None = None  # (pk, reference)


class _PlanEnds(Exception):
    """The next step would happen after "now": the case stays where it is."""


CHANNEL_WEIGHTS = {
    Channel.WEB: 30,
    Channel.SMS: 25,
    Channel.USSD: 15,
    Channel.PHONE: 12,
    Channel.WALK_IN: 10,
    Channel.EMAIL: 5,
    Channel.OPEN311: 3,
}
SECTOR_WEIGHTS = {
    "water": 22,
    "health": 22,
    "education": 12,
    "housing-sanitation": 12,
    "social-security": 10,
    "justice-police": 10,
    "food": 6,
    "other": 6,
}
CREATORS = {
    Channel.WEB: ("citizen", ""),
    Channel.SMS: ("system", "SMS gateway"),
    Channel.USSD: ("system", "USSD gateway"),
    Channel.OPEN311: ("system", "Open311 API"),
}
STAFF_CREATOR = ("worker", "")
CLOSING_OUTCOME_WEIGHTS = {
    Outcome.RESOLVED: 55,
    Outcome.PARTLY_RESOLVED: 25,
    Outcome.NOT_RESOLVED: 20,
}
# More cases in recent years, as a service grows: moments are spread as fraction ** GROWTH.
GROWTH = 0.75
# Extra cases in the last weeks, so that a small demo has open work in every state; capped, so
# that a benchmark-sized data set keeps a realistic backlog.
RECENT_SHARE = 0.25
RECENT_CAP = 250
RECENT_DAYS = 30
SPAM_SHARE = 0.03
OUT_OF_SCOPE_SHARE = 0.055
DUPLICATE_SHARE = 0.015
TRIAGE_HOURS = 20  # the average wait before a case worker picks a case up


@lru_cache(maxsize=8192)
def _working_days_after(day, days):
    # Cached: the fast path asks for the same few thousand dates a million times.
    return add_working_days(day, days)


def _local_day(moment):
    return timezone.localtime(moment).date()


def _moment_on(day, hour):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _spread(rng, count, start, end, growth):
    span = (end - start).total_seconds()
    for index in range(count):
        fraction = ((index + rng.random()) / count) ** growth
        yield start + datetime.timedelta(seconds=span * fraction)


def received_times(rng, count, start, end):
    """``count`` moments from ``start`` to ``end``, in order, without holding them all.

    Spread over the whole period, more of them recently, plus some extra in the last
    RECENT_DAYS days: the cases still being worked on.
    """
    recent_start = max(start, end - datetime.timedelta(days=RECENT_DAYS))
    recent = min(round(count * RECENT_SHARE), RECENT_CAP)
    return heapq.merge(
        _spread(rng, count - recent, start, end, GROWTH),
        _spread(rng, recent, recent_start, end, 1),
    )


class DemoPlanner:
    """Makes up believable cases and what happened to them, from one seeded random source."""

    def __init__(self, rng, directory, now):
        self.rng = rng
        self.directory = directory
        self.now = now
        sectors = list(Sector.objects.active())
        self.sectors = sectors
        self.sector_weights = [SECTOR_WEIGHTS.get(sector.slug, 5) for sector in sectors]
        counties = list(County.objects.all())
        self.counties = counties
        self.county_weights = [demo.COUNTIES.get(c.name, (500, []))[0] for c in counties]

    # Durations and working hours.

    def _hours(self, low, high):
        return datetime.timedelta(hours=self.rng.uniform(low, high))

    def _days(self, low, high):
        return datetime.timedelta(days=self.rng.uniform(low, high))

    @staticmethod
    def _in_office_hours(moment):
        local = timezone.localtime(moment)
        return is_working_day(local.date()) and 8 <= local.hour < 17

    def _office_hours(self, moment):
        """The moment, or the next working morning: staff act on working days, 8:00 to 17:00."""
        if self._in_office_hours(moment):
            return moment
        local = timezone.localtime(moment)
        day = local.date()
        if local.hour >= 8 or not is_working_day(day):
            day += datetime.timedelta(days=1)
        while not is_working_day(day):
            day += datetime.timedelta(days=1)
        return _moment_on(day, 8) + datetime.timedelta(minutes=self.rng.randint(0, 150))

    # What the complainant sent.

    def _phone(self):
        for _attempt in range(20):
            local = f"{self.rng.choice(demo.MOBILE_PREFIXES)}{self.rng.randrange(10**6):06d}"
            number = phonenumbers.parse(local, "KE")
            if phonenumbers.is_valid_number(number):
                return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        raise RuntimeError("No valid demo phone number: check demo.MOBILE_PREFIXES.")

    def _priority(self, sector):
        roll = self.rng.random()
        serious = sector.slug in ("health", "justice-police")
        if roll < (0.06 if serious else 0.02):
            return Priority.URGENT
        if roll < (0.22 if serious else 0.12):
            return Priority.HIGH
        if roll > 0.92:
            return Priority.LOW
        return Priority.NORMAL

    def draft(self, received_at):
        rng = self.rng
        channel = rng.choices(list(CHANNEL_WEIGHTS), weights=list(CHANNEL_WEIGHTS.values()))[0]
        if channel in (Channel.PHONE, Channel.WALK_IN) and not self._in_office_hours(received_at):
            channel = Channel.WEB  # nobody answers the phone or the door at night
        (sector,) = rng.choices(self.sectors, weights=self.sector_weights)
        (county,) = rng.choices(self.counties, weights=self.county_weights)
        short_channel = channel in (Channel.SMS, Channel.USSD)
        language = "sw" if rng.random() < (0.6 if short_channel else 0.3) else "en"
        place = rng.choice(demo.COUNTIES.get(county.name, (0, [county.name]))[1])
        month_index = timezone.localtime(received_at).month - 1 - rng.randint(0, 2)
        month = demo.MONTHS[language][month_index % 12]
        fill = {"place": place, "month": month, "weeks": rng.randint(2, 6)}

        fate, dismissal_reason, responses = "", "", ()
        roll = rng.random()
        if roll < SPAM_SHARE:
            fate, dismissal_reason = "spam", rng.choice(demo.SPAM_REASONS)
            description = rng.choice(demo.SPAM_MESSAGES)
        elif roll < SPAM_SHARE + OUT_OF_SCOPE_SHARE:
            english, kiswahili, dismissal_reason = rng.choice(demo.OUT_OF_SCOPE_STORIES)
            fate = "out_of_scope"
            description = (english if language == "en" else kiswahili).format(**fill)
        else:
            stories = demo.STORIES.get(sector.slug, demo.STORIES["other"])
            english, kiswahili, responses = rng.choice(stories)
            story = (english if language == "en" else kiswahili).format(**fill)
            description = f"{story} {rng.choice(demo.PLEAS[language])}".strip()
        if rng.random() < 0.5:
            location = place
        else:
            location = f"{place}, {rng.choice(demo.LANDMARKS[language])}"

        anonymous = channel != Channel.EMAIL and rng.random() < 0.12
        name = "" if anonymous else rng.choice(demo.NAMES)
        wants_phone = short_channel or (not anonymous and rng.random() < 0.85)
        phone = self._phone() if wants_phone else ""
        email = ""
        if name and (channel == Channel.EMAIL or (channel == Channel.WEB and rng.random() < 0.3)):
            email = name.lower().replace(" ", ".") + "@example.org"
        return Draft(
            received_at=received_at,
            channel=channel,
            sector=sector,
            county=county,
            location=location,
            description=description,
            complainant_name=name,
            complainant_phone=phone,
            complainant_email=email,
            consent_to_contact=bool(phone or email) and rng.random() < 0.9,
            consent_to_share_identity=bool(name) and rng.random() < 0.5,
            consent_to_publish=rng.random() < 0.35,
            language=language,
            priority=self._priority(sector),
            fate=fate,
            dismissal_reason=dismissal_reason,
            responses=tuple(responses),
        )

    # What happened to it.

    def _dismissal(self, draft, find_duplicate):
        """(outcome, reason, duplicate) when triage dismisses the case, else None."""
        if draft.fate == "spam":
            return Outcome.SPAM, draft.dismissal_reason, None
        if draft.fate == "out_of_scope":
            return Outcome.OUT_OF_SCOPE, draft.dismissal_reason, None
        if self.rng.random() < DUPLICATE_SHARE:
            duplicate = find_duplicate(draft)
            if duplicate:
                reason = demo.DUPLICATE_REASON.format(reference=duplicate[1])
                return Outcome.DUPLICATE, reason, duplicate
        return None

    def _response(self, draft):
        if draft.responses and self.rng.random() < 0.8:
            return self.rng.choice(draft.responses)
        return self.rng.choice(demo.GENERIC_RESPONSES)

    def plan(self, draft, find_duplicate):
        """The steps of one case, oldest first, ending where "now" cuts the story off."""
        rng = self.rng
        actor, label = CREATORS.get(draft.channel, STAFF_CREATOR)
        steps = [Step("create", draft.received_at, actor, actor_label=label)]

        def add(operation, when, actor, **details):
            when = max(when, steps[-1].at + datetime.timedelta(minutes=1))
            if when > self.now:
                raise _PlanEnds
            steps.append(Step(operation, when, actor, **details))
            return when

        at = draft.received_at
        state = CaseState.RECEIVED
        authority = due = avoid = None
        assigned = recalled = reopened = False
        escalations = 0
        try:
            while True:
                if state == CaseState.RECEIVED:
                    waited = min(rng.expovariate(1 / TRIAGE_HOURS), 5 * 24)
                    at = self._office_hours(at + datetime.timedelta(hours=waited))
                    if not assigned:
                        triager = "supervisor" if rng.random() < 0.1 else "worker"
                        at = add("assign", at, triager)
                        assigned = True
                    if rng.random() < 0.25:
                        note = rng.choice(demo.TRIAGE_NOTES)
                        at = add("note", at + self._hours(0.1, 1.5), "worker", text=note)
                    dismissal = self._dismissal(draft, find_duplicate)
                    if dismissal:
                        outcome, reason, duplicate = dismissal
                        at = add(
                            "dismiss",
                            at + self._hours(0.2, 2),
                            "worker",
                            outcome=outcome,
                            text=reason,
                            duplicate_of=duplicate,
                        )
                        state = CaseState.CLOSED
                        continue
                    authority = self.directory.choose(
                        rng, draft.sector.pk, draft.county.pk, exclude=avoid
                    )
                    if authority is None:
                        break  # nobody to send it to: it waits in triage
                    avoid = None
                    forwarded = self._office_hours(at + self._hours(0.25, 10))
                    at = add("forward", forwarded, "worker", authority_id=authority.pk)
                    due = _working_days_after(_local_day(at), authority.response_days)
                    state = CaseState.FORWARDED

                elif state == CaseState.FORWARDED:
                    roll = rng.random()
                    if roll < 0.03 and not recalled:
                        reason = rng.choice(demo.RECALL_REASONS)
                        recalled_at = self._office_hours(at + self._hours(2, 48))
                        at = add("recall", recalled_at, "supervisor", text=reason)
                        recalled, avoid, state = True, authority.pk, CaseState.RECEIVED
                        continue
                    if roll < 0.06:
                        request = rng.choice(demo.WITHDRAWAL_REQUESTS)
                        at = add("withdraw", at + self._days(1, 10), "citizen", text=request)
                        state = CaseState.CLOSED
                        continue
                    due_moment = _moment_on(due, 9)
                    if rng.random() < 0.72:
                        days = authority.response_days * 1.4
                        answered = self._office_hours(at + self._days(1, days))
                        reminder = self._office_hours(due_moment + self._days(1, 2))
                        if answered > reminder and rng.random() < 0.6:
                            note = rng.choice(demo.REMINDER_NOTES)
                            at = add("note", reminder, "worker", text=note)
                        responder = "authority" if rng.random() < 0.55 else "worker"
                        at = add("respond", answered, responder, text=self._response(draft))
                        state = CaseState.RESPONDED
                    else:
                        if rng.random() < 0.6:
                            note = rng.choice(demo.REMINDER_NOTES)
                            reminder = self._office_hours(due_moment + self._days(1, 3))
                            at = add("note", reminder, "worker", text=note)
                        # The nightly overdue check closes what stayed unanswered.
                        check_day = due + datetime.timedelta(days=rng.randint(3, 25))
                        at = add(
                            "close_unanswered",
                            _moment_on(check_day, 6),
                            "system",
                            actor_label="Overdue check",
                        )
                        state = CaseState.CLOSED

                elif state == CaseState.RESPONDED:
                    roll = rng.random()
                    if roll < 0.16 and escalations < 2:
                        parent = self.directory.parent(authority)
                        to_parent = parent is not None and rng.random() < 0.6
                        target = parent if to_parent else authority
                        at = add(
                            "escalate",
                            self._office_hours(at + self._days(1, 8)),
                            "worker",
                            authority_id=target.pk,
                            text=rng.choice(demo.ESCALATION_REASONS),
                            to_parent=to_parent,
                        )
                        authority = target
                        due = _working_days_after(_local_day(at), authority.response_days)
                        escalations += 1
                        state = CaseState.FORWARDED
                    elif roll < 0.19:
                        request = rng.choice(demo.WITHDRAWAL_REQUESTS)
                        at = add("withdraw", at + self._days(1, 10), "citizen", text=request)
                        state = CaseState.CLOSED
                    elif rng.random() < 0.25:
                        note = demo.CITIZEN_CLOSING_NOTES[draft.language]
                        closed = at + self._days(1, 12)
                        at = add("close", closed, "citizen", outcome=Outcome.RESOLVED, text=note)
                        state = CaseState.CLOSED
                    else:
                        outcomes = CLOSING_OUTCOME_WEIGHTS
                        (outcome,) = rng.choices(list(outcomes), weights=list(outcomes.values()))
                        note = demo.CLOSING_NOTES[outcome] if rng.random() < 0.5 else ""
                        closed = self._office_hours(at + self._days(1, 12))
                        at = add("close", closed, "worker", outcome=outcome, text=note)
                        state = CaseState.CLOSED

                else:  # closed: now and then the problem comes back
                    last = steps[-1].operation
                    if reopened or last not in ("close", "close_unanswered"):
                        break
                    if rng.random() >= 0.04:
                        break
                    reason = rng.choice(demo.REOPEN_REASONS)
                    reopen_at = self._office_hours(at + self._days(2, 30))
                    at = add("reopen", reopen_at, "supervisor", text=reason)
                    reopened, state = True, CaseState.RECEIVED
        except _PlanEnds:
            pass
        return steps


def _dates_after(step, authority):
    """The case's date fields after a step, as the actions set them on the step's day."""
    day = _local_day(step.at)
    operation = step.operation
    if operation == "create":
        return {"due_date": _working_days_after(day, TRIAGE_WORKING_DAYS)}
    if operation in ("forward", "escalate"):
        return {
            "forwarded_at": step.at,
            "due_date": _working_days_after(day, authority.response_days),
        }
    if operation == "respond":
        return {
            "responded_at": step.at,
            "due_date": day + datetime.timedelta(days=CLOSE_AFTER_RESPONSE_DAYS),
        }
    if operation in ("close", "close_unanswered", "dismiss", "withdraw"):
        return {"closed_at": step.at, "due_date": None}
    if operation in ("recall", "reopen"):
        return {"due_date": _working_days_after(day, TRIAGE_WORKING_DAYS)}
    return {}


# --- Seeding through the actions ----------------------------------------------------------------


@dataclass
class _Setting:
    rng: random.Random
    times_rng: random.Random  # its own stream: received_times() is consumed lazily
    now: datetime.datetime
    start: datetime.datetime
    worker: object
    supervisor: object
    directory: AuthorityDirectory
    planner: DemoPlanner


def _prepare(seed, years, now, started):
    # Leave a minute between the last planned moment and the real clock, so that entries the
    # actions write now can be told apart from the ones already moved back.
    now = now or started - datetime.timedelta(minutes=1)
    if now >= started:
        raise ValueError("Demo cases are planned in the past: pass a now= before the start.")
    if not Authority.objects.active().exists():
        load_example_authorities()
    worker, supervisor = demo_staff()
    rng = random.Random(seed)  # noqa: S311 - demo data, not secrets
    directory = AuthorityDirectory()
    return _Setting(
        rng=rng,
        times_rng=random.Random(rng.getrandbits(64)),  # noqa: S311
        now=now,
        start=now - datetime.timedelta(days=365.25 * years),
        worker=worker,
        supervisor=supervisor,
        directory=directory,
        planner=DemoPlanner(rng, directory, now),
    )


class _ActionRunner:
    """Carries out a plan through ``cases.actions``, then moves its timestamps back."""

    def __init__(self, setting, started):
        self.setting = setting
        self.started = started
        self.by_id = setting.directory.by_id

    def _by(self, step, case):
        if step.actor == "worker":
            return self.setting.worker
        if step.actor == "supervisor":
            return self.setting.supervisor
        if step.actor == "authority":
            return Actor.for_authority(self.by_id[case.authority_id])
        if step.actor == "citizen":
            return Actor.citizen()
        return Actor.system(step.actor_label)

    def _perform(self, case, step):
        by = self._by(step, case)
        operation = step.operation
        if operation == "assign":
            return actions.assign_case(case=case, assignee=self.setting.worker, by=by)
        if operation == "note":
            actions.add_note(case=case, text=step.text, by=by)
            return case
        if operation == "forward":
            authority = self.by_id[step.authority_id]
            return actions.forward_case(case=case, authority=authority, by=by, note=step.text)
        if operation == "respond":
            return actions.respond_to_case(case=case, response=step.text, by=by)
        if operation == "close":
            return actions.close_case(case=case, outcome=step.outcome, by=by, note=step.text)
        if operation == "close_unanswered":
            return actions.close_unanswered_case(case=case, by=by, note=step.text)
        if operation == "dismiss":
            duplicate = Case.objects.get(pk=step.duplicate_of[0]) if step.duplicate_of else None
            return actions.dismiss_case(
                case=case, outcome=step.outcome, reason=step.text, by=by, duplicate_of=duplicate
            )
        if operation == "withdraw":
            return actions.withdraw_case(case=case, by=by, requested_by=step.text)
        if operation == "escalate":
            return actions.escalate_case(
                case=case, reason=step.text, by=by, to_parent=step.to_parent
            )
        if operation == "recall":
            return actions.recall_case(case=case, by=by, reason=step.text)
        if operation == "reopen":
            return actions.reopen_case(case=case, reason=step.text, by=by)
        raise ValueError(f"Unknown demo step {operation!r}")

    def _backdate(self, case, step):
        # Demo data only: the actions stamp the timeline and the case's dates with the current
        # time, and a believable history needs them in the past. Only timestamps and due dates
        # move here; the state only ever changes through the actions.
        CaseLogEntry.objects.filter(case_id=case.pk, timestamp__gte=self.started).update(
            timestamp=step.at
        )
        authority = self.by_id.get(step.authority_id)
        Case.objects.filter(pk=case.pk).update(updated_at=step.at, **_dates_after(step, authority))

    def run(self, draft, steps):
        first, *rest = steps
        with transaction.atomic():
            case = actions.create_case(by=self._by(first, None), **draft.create_kwargs())
            self._backdate(case, first)
            for step in rest:
                case = self._perform(case, step)
                self._backdate(case, step)
        return case


def _report(progress, made, count, started):
    if progress is not None:
        seconds = (timezone.now() - started).total_seconds()
        rate = made / seconds if seconds else 0
        progress(f"{made:,} / {count:,} cases ({seconds:.1f} s, {rate:,.0f} per second)")


def seed_demo_cases(*, count, seed=None, years=3, now=None, progress=None):
    """Create ``count`` demo cases through the actions; returns how many were made."""
    started = timezone.now()
    setting = _prepare(seed, years, now, started)
    runner = _ActionRunner(setting, started)
    latest = {}  # (sector, county) -> (pk, reference): what a "duplicate" dismissal points to

    def find_duplicate(draft):
        return latest.get((draft.sector.pk, draft.county.pk))

    made = 0
    times = received_times(setting.times_rng, count, setting.start, setting.now)
    for batch in _batches(times, ACTION_BATCH_SIZE):
        with transaction.atomic():  # one commit per batch: SQLite commits are the slow part
            for received_at in batch:
                draft = setting.planner.draft(received_at)
                case = runner.run(draft, setting.planner.plan(draft, find_duplicate))
                latest[(draft.sector.pk, draft.county.pk)] = (case.pk, case.reference)
        made += len(batch)
        _report(progress, made, count, started)
    return made


# --- Seeding in bulk, for benchmarks ------------------------------------------------------------


PUBLIC = TimelineVisibility.PUBLIC
INTERNAL = TimelineVisibility.INTERNAL
TRANSITIONS = {
    "forward",
    "respond",
    "close",
    "close_unanswered",
    "dismiss",
    "withdraw",
    "escalate",
    "recall",
    "reopen",
}
CLOSED_BY = {
    "close": None,  # the step's outcome
    "close_unanswered": Outcome.NO_RESPONSE,
    "dismiss": None,
    "withdraw": Outcome.WITHDRAWN,
}


class _BulkWriter:
    """Turns a plan into the Case row and timeline rows the actions would have written.

    Mirrors ``cases.actions`` and the transitions in ``cases.models``; the test that compares
    both seeding paths keeps them in step.
    """

    def __init__(self, setting):
        self.setting = setting
        self.by_id = setting.directory.by_id
        self.content_type = ContentType.objects.get_for_model(Case, for_concrete_model=False)
        self.staff = {"worker": setting.worker, "supervisor": setting.supervisor}
        self.staff_labels = {key: Actor.staff(user).label for key, user in self.staff.items()}
        self.citizen_label = Actor.citizen().label

    def _actor(self, step, authority):
        """(actor_kind, actor_label, user_id) of a timeline entry."""
        if step.actor in self.staff:
            return ActorKind.STAFF, self.staff_labels[step.actor], self.staff[step.actor].pk
        if step.actor == "authority":
            return ActorKind.AUTHORITY, authority.name, None
        if step.actor == "citizen":
            return ActorKind.CITIZEN, self.citizen_label, None
        return ActorKind.SYSTEM, step.actor_label, None

    def build(self, draft, steps, reference, token):
        fields = draft.create_kwargs()
        fields.update(
            reference=reference,
            tracking_token=token,
            version=1,
            state=CaseState.RECEIVED,
            authority_id=None,
            assigned_to_id=None,
            escalation_count=0,
        )
        entries = []
        for step in steps:
            before = fields["state"]
            text, data, visibility = self._apply(step, fields)
            fields.update(_dates_after(step, self.by_id.get(step.authority_id)))
            authority = self.by_id.get(fields["authority_id"])
            kind, label, user_id = self._actor(step, authority)
            data["version"] = fields["version"]  # as record_event adds it
            # As record_event writes them: states and authority for transitions only.
            is_transition = step.operation in TRANSITIONS
            entries.append(
                CaseLogEntry(
                    content_type=self.content_type,
                    label=reference,
                    action=f"cases.{step.operation}",
                    data=data,
                    timestamp=step.at,
                    user_id=user_id,
                    content_changed=step.operation == "create" or is_transition,
                    actor_kind=kind,
                    actor_label=label,
                    authority_id=fields["authority_id"] if is_transition else None,
                    from_state=before if is_transition else "",
                    to_state=fields["state"] if step.operation == "create" or is_transition else "",
                    text=text,
                    visibility=visibility,
                )
            )
        # Secrets as create_case and forward_case/escalate_case make them; their values are
        # random, so they are the one thing the two seeding paths do not share.
        fields["access_code_hash"] = hash_access_code(new_access_code())
        fields["response_link_nonce"] = (
            secrets.token_urlsafe(16) if fields["state"] == CaseState.FORWARDED else ""
        )
        # bulk_create is the one place a state is written without a transition: allowed in
        # this seeding path only, for plans that only contain steps the workflow allows.
        case = Case(**fields)
        for entry in entries:
            entry.case = case
        return case, entries

    def _apply(self, step, fields):
        """Change ``fields`` as the step's action would; returns the entry's text, data and
        visibility."""
        operation = step.operation
        if operation == "create":
            channel = Channel(fields["channel"]).label
            text = _("Received through %(channel)s.") % {"channel": channel}
            return text, {"channel": fields["channel"]}, PUBLIC
        if operation == "note":
            return step.text, {}, INTERNAL
        fields["version"] += 1
        if operation == "assign":
            fields["assigned_to_id"] = self.setting.worker.pk
            text = _("Assigned to %(user)s.") % {"user": self.staff_labels["worker"]}
            return text, {"assignee": self.setting.worker.pk}, INTERNAL
        if operation in ("forward", "escalate"):
            target = self.by_id[step.authority_id]
            fields.update(
                state=CaseState.FORWARDED, authority_id=target.pk, escalation_requested=False
            )
            if operation == "escalate":
                fields["escalation_count"] += 1
                return step.text, {"authority": target.name, "to_parent": step.to_parent}, PUBLIC
            text = step.text or _("Forwarded to %(authority)s.") % {"authority": target.name}
            return text, {"authority": target.name}, PUBLIC
        if operation == "respond":
            fields.update(state=CaseState.RESPONDED, response=step.text)
            return step.text, {}, PUBLIC
        if operation in CLOSED_BY:
            outcome = CLOSED_BY[operation] or step.outcome
            fields.update(state=CaseState.CLOSED, outcome=outcome)
            if operation in ("close", "withdraw"):
                fields["escalation_requested"] = False
            if operation == "dismiss":
                fields["duplicate_of_id"] = step.duplicate_of[0] if step.duplicate_of else None
                duplicate = step.duplicate_of[1] if step.duplicate_of else None
                return step.text, {"outcome": outcome, "duplicate_of": duplicate}, PUBLIC
            if operation == "withdraw":
                text = _("Withdrawn: %(requested_by)s") % {"requested_by": step.text}
                return text, {"requested_by": step.text}, PUBLIC
            return step.text or str(Outcome(outcome).label), {"outcome": outcome}, PUBLIC
        if operation == "recall":
            fields.update(state=CaseState.RECEIVED, authority_id=None, forwarded_at=None)
            text = step.text or _("Recalled from the authority for another triage.")
            return text, {}, INTERNAL
        if operation == "reopen":
            fields.update(
                state=CaseState.RECEIVED, outcome="", closed_at=None, duplicate_of_id=None
            )
            return step.text, {}, PUBLIC
        raise ValueError(f"Unknown demo step {operation!r}")


def _reserve_references(drafts):
    """HUD-<year>-<number> for each draft, taking the numbers from the years' CaseSequence rows
    so that ``create_case`` continues after them. Call inside a transaction."""
    years = [timezone.localtime(draft.received_at).year for draft in drafts]
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


def _batches(iterable, size):
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def seed_demo_cases_fast(*, count, seed=None, years=3, batch_size=5000, now=None, progress=None):
    """Bulk-create ``count`` demo cases with their timelines, ``batch_size`` at a time.

    Memory stays bounded by one batch. Returns how many cases were made.
    """
    started = timezone.now()
    setting = _prepare(seed, years, now, started)
    writer = _BulkWriter(setting)
    latest = {}  # (sector, county) -> (pk, reference), updated after each batch

    def find_duplicate(draft):
        return latest.get((draft.sector.pk, draft.county.pk))

    made = 0
    times = received_times(setting.times_rng, count, setting.start, setting.now)
    for batch in _batches(times, batch_size):
        plans = []
        for received_at in batch:
            draft = setting.planner.draft(received_at)
            plans.append((draft, setting.planner.plan(draft, find_duplicate)))
        with transaction.atomic():
            references = _reserve_references([draft for draft, _steps in plans])
            cases, entries = [], []
            for (draft, steps), reference in zip(plans, references, strict=True):
                # Tracking tokens stay secret even in demo data: never from the seeded source.
                case, case_entries = writer.build(
                    draft, steps, reference, secrets.token_urlsafe(32)
                )
                cases.append(case)
                entries.extend(case_entries)
            Case.objects.bulk_create(cases, batch_size=batch_size)
            CaseLogEntry.objects.bulk_create(entries, batch_size=batch_size)
            # updated_at is auto_now, so bulk_create stamped it with the current time: set it
            # to the case's last timeline entry instead.
            last_entry = CaseLogEntry.objects.filter(case=OuterRef("pk")).order_by("-timestamp")
            for ids in _batches([case.pk for case in cases], 5000):  # SQLite's variable limit
                Case.objects.filter(pk__in=ids).update(
                    updated_at=Subquery(last_entry.values("timestamp")[:1])
                )
        for (draft, _steps), case in zip(plans, cases, strict=True):
            latest[(draft.sector.pk, draft.county.pk)] = (case.pk, case.reference)
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


__all__ = [
    "AuthorityDirectory",
    "DemoPlanner",
    "LoadCounts",
    "demo_staff",
    "load_example_authorities",
    "load_example_response_templates",
    "received_times",
    "seed_demo_cases",
    "seed_demo_cases_fast",
]
