"""Planning demo cases: what a complainant sent, and what happened to it afterwards.

A plan is lived through in memory with the portal's own operations (``Story``): the planner
reads the case's state, authority and due date from the case itself, so the demo never
restates the workflow, and every step a plan takes is one the workflow allows.
"""

import contextlib
import datetime
import heapq
from dataclasses import dataclass, field, fields

from django.utils import timezone

from cases.models import Authority, CaseState, Channel, Outcome, Priority
from cases.operations import (
    AddNote,
    AssignCase,
    CloseCase,
    CloseUnansweredCase,
    CreateCase,
    DismissCase,
    EscalateCase,
    ForwardCase,
    RecallCase,
    ReopenCase,
    RespondToCase,
    WithdrawCase,
)
from cases.phones import e164
from cases.rules import Actor
from cases.workdays import is_working_day
from refdata.models import County, Sector

from . import stories


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
        return {
            item.name: getattr(self, item.name)
            for item in fields(self)
            if item.name not in PLAN_ONLY_FIELDS
        }


# What the planner knows beyond what the complainant sent.
PLAN_ONLY_FIELDS = {"fate", "dismissal_reason", "responses"}


# Who acts in a step.
WORKER = "worker"
SUPERVISOR = "supervisor"
AUTHORITY = "authority"
CITIZEN = "citizen"
SYSTEM = "system"


@dataclass(frozen=True)
class Step:
    """One thing that happens to a case, at a planned moment: an operation and its values."""

    operation: type
    at: datetime.datetime
    actor: str  # WORKER, SUPERVISOR, AUTHORITY, CITIZEN or SYSTEM
    actor_label: str = ""  # the system actor's label
    values: dict = field(default_factory=dict)


class _PlanEnds(Exception):
    """The next step would happen after "now": the case stays where it is."""


class Story:
    """One demo case, lived through in memory with the portal's operations.

    ``case`` is an unsaved Case as the operations leave it after each step, ``entries`` its
    unsaved timeline and ``steps`` what was done, to be done again against the database.
    """

    def __init__(self, cast, draft, *, reference, tracking_token, now):
        self.cast = cast
        self.now = now
        actor, label = CREATORS.get(draft.channel, STAFF_CREATOR)
        values = draft.create_kwargs()
        operation = CreateCase(by=cast.actor(actor, label))
        self.case, entry = operation.run_in_memory(
            reference=reference, tracking_token=tracking_token, **values
        )
        self.entries = [entry]
        self.steps = [Step(CreateCase, draft.received_at, actor, label, values)]

    @property
    def last(self):
        return self.steps[-1]

    def add(self, operation, when, actor, actor_label="", **values):
        """Do ``operation`` at ``when`` (or a minute after the last step); returns the moment.
        Raises _PlanEnds when that would be after "now"."""
        when = max(when, self.last.at + datetime.timedelta(minutes=1))
        if when > self.now:
            raise _PlanEnds
        by = self.cast.actor(actor, actor_label, case=self.case)
        entry = operation(self.case, by=by, at=when).run_in_memory(**values)
        if entry is not None:
            self.entries.append(entry)
        self.steps.append(Step(operation, when, actor, actor_label, values))
        return when


class Cast:
    """The people of the demo: the demo staff, citizens, the gateways, the authorities."""

    def __init__(self, worker, supervisor):
        self.staff = {WORKER: worker, SUPERVISOR: supervisor}
        self.actors = {}

    def actor(self, kind, label="", case=None):
        key = (kind, label, case.authority_id if kind == AUTHORITY else None)
        if key not in self.actors:
            self.actors[key] = self._new_actor(kind, label, case)
        return self.actors[key]

    def _new_actor(self, kind, label, case):
        if kind in self.staff:
            return Actor.staff(self.staff[kind])
        if kind == AUTHORITY:
            return Actor.for_authority(case.authority)
        if kind == CITIZEN:
            return Actor.citizen()
        return Actor.system(label)


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
    Channel.WEB: (CITIZEN, ""),
    Channel.SMS: (SYSTEM, "SMS gateway"),
    Channel.USSD: (SYSTEM, "USSD gateway"),
    Channel.OPEN311: (SYSTEM, "Open311 API"),
}
STAFF_CREATOR = (WORKER, "")
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

    def __init__(self, rng, directory, now, worker):
        self.rng = rng
        self.directory = directory
        self.now = now
        self.worker = worker
        sectors = list(Sector.objects.active())
        self.sectors = sectors
        self.sector_weights = [SECTOR_WEIGHTS.get(sector.slug, 5) for sector in sectors]
        counties = list(County.objects.all())
        self.counties = counties
        self.county_weights = [stories.COUNTIES.get(c.name, (500, []))[0] for c in counties]

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
            local = f"{self.rng.choice(stories.MOBILE_PREFIXES)}{self.rng.randrange(10**6):06d}"
            number = e164(local)
            if number is not None:
                return number
        raise RuntimeError("No valid demo phone number: check stories.MOBILE_PREFIXES.")

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
        place = rng.choice(stories.COUNTIES.get(county.name, (0, [county.name]))[1])
        month_index = timezone.localtime(received_at).month - 1 - rng.randint(0, 2)
        month = stories.MONTHS[language][month_index % 12]
        fill = {"place": place, "month": month, "weeks": rng.randint(2, 6)}

        fate, dismissal_reason, responses = "", "", ()
        roll = rng.random()
        if roll < SPAM_SHARE:
            fate, dismissal_reason = "spam", rng.choice(stories.SPAM_REASONS)
            description = rng.choice(stories.SPAM_MESSAGES)
        elif roll < SPAM_SHARE + OUT_OF_SCOPE_SHARE:
            english, kiswahili, dismissal_reason = rng.choice(stories.OUT_OF_SCOPE_STORIES)
            fate = "out_of_scope"
            description = (english if language == "en" else kiswahili).format(**fill)
        else:
            options = stories.STORIES.get(sector.slug, stories.STORIES["other"])
            english, kiswahili, responses = rng.choice(options)
            story = (english if language == "en" else kiswahili).format(**fill)
            description = f"{story} {rng.choice(stories.PLEAS[language])}".strip()
        if rng.random() < 0.5:
            location = place
        else:
            location = f"{place}, {rng.choice(stories.LANDMARKS[language])}"

        anonymous = channel != Channel.EMAIL and rng.random() < 0.12
        name = "" if anonymous else rng.choice(stories.NAMES)
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
                reason = stories.DUPLICATE_REASON.format(reference=duplicate.reference)
                return Outcome.DUPLICATE, reason, duplicate
        return None

    def _response(self, draft):
        if draft.responses and self.rng.random() < 0.8:
            return self.rng.choice(draft.responses)
        return self.rng.choice(stories.GENERIC_RESPONSES)

    def live(self, story, draft, find_duplicate):
        """Carry the story on, step by step, until "now" cuts it off."""
        with contextlib.suppress(_PlanEnds):
            self._live(story, draft, find_duplicate)
        return story

    def _live(self, story, draft, find_duplicate):
        rng = self.rng
        case = story.case
        at = draft.received_at
        avoid = None
        assigned = recalled = reopened = False
        escalations = 0
        while True:
            if case.state == CaseState.RECEIVED:
                waited = min(rng.expovariate(1 / TRIAGE_HOURS), 5 * 24)
                at = self._office_hours(at + datetime.timedelta(hours=waited))
                if not assigned:
                    triager = SUPERVISOR if rng.random() < 0.1 else WORKER
                    at = story.add(AssignCase, at, triager, assignee=self.worker)
                    assigned = True
                if rng.random() < 0.25:
                    note = rng.choice(stories.TRIAGE_NOTES)
                    at = story.add(AddNote, at + self._hours(0.1, 1.5), WORKER, text=note)
                dismissal = self._dismissal(draft, find_duplicate)
                if dismissal:
                    outcome, reason, duplicate = dismissal
                    at = story.add(
                        DismissCase,
                        at + self._hours(0.2, 2),
                        WORKER,
                        outcome=outcome,
                        reason=reason,
                        duplicate_of=duplicate,
                    )
                    continue
                authority = self.directory.choose(
                    rng, draft.sector.pk, draft.county.pk, exclude=avoid
                )
                if authority is None:
                    return  # nobody to send it to: it waits in triage
                avoid = None
                forwarded = self._office_hours(at + self._hours(0.25, 10))
                at = story.add(ForwardCase, forwarded, WORKER, authority=authority)

            elif case.state == CaseState.FORWARDED:
                roll = rng.random()
                if roll < 0.03 and not recalled:
                    reason = rng.choice(stories.RECALL_REASONS)
                    recalled_at = self._office_hours(at + self._hours(2, 48))
                    recalled, avoid = True, case.authority_id
                    at = story.add(RecallCase, recalled_at, SUPERVISOR, reason=reason)
                    continue
                if roll < 0.06:
                    request = rng.choice(stories.WITHDRAWAL_REQUESTS)
                    at = story.add(
                        WithdrawCase, at + self._days(1, 10), CITIZEN, requested_by=request
                    )
                    continue
                due_moment = _moment_on(case.due_date, 9)
                if rng.random() < 0.72:
                    days = case.authority.response_days * 1.4
                    answered = self._office_hours(at + self._days(1, days))
                    reminder = self._office_hours(due_moment + self._days(1, 2))
                    if answered > reminder and rng.random() < 0.6:
                        note = rng.choice(stories.REMINDER_NOTES)
                        at = story.add(AddNote, reminder, WORKER, text=note)
                    responder = AUTHORITY if rng.random() < 0.55 else WORKER
                    response = self._response(draft)
                    at = story.add(RespondToCase, answered, responder, response=response)
                else:
                    if rng.random() < 0.6:
                        note = rng.choice(stories.REMINDER_NOTES)
                        reminder = self._office_hours(due_moment + self._days(1, 3))
                        at = story.add(AddNote, reminder, WORKER, text=note)
                    # The nightly overdue check closes what stayed unanswered.
                    check_day = case.due_date + datetime.timedelta(days=rng.randint(3, 25))
                    at = story.add(
                        CloseUnansweredCase, _moment_on(check_day, 6), SYSTEM, "Overdue check"
                    )

            elif case.state == CaseState.RESPONDED:
                roll = rng.random()
                if roll < 0.16 and escalations < 2:
                    parent = self.directory.parent(case.authority)
                    to_parent = parent is not None and rng.random() < 0.6
                    at = story.add(
                        EscalateCase,
                        self._office_hours(at + self._days(1, 8)),
                        WORKER,
                        reason=rng.choice(stories.ESCALATION_REASONS),
                        to_parent=to_parent,
                    )
                    escalations += 1
                elif roll < 0.19:
                    request = rng.choice(stories.WITHDRAWAL_REQUESTS)
                    at = story.add(
                        WithdrawCase, at + self._days(1, 10), CITIZEN, requested_by=request
                    )
                elif rng.random() < 0.25:
                    note = stories.CITIZEN_CLOSING_NOTES[draft.language]
                    closed = at + self._days(1, 12)
                    at = story.add(CloseCase, closed, CITIZEN, outcome=Outcome.RESOLVED, note=note)
                else:
                    outcomes = CLOSING_OUTCOME_WEIGHTS
                    (outcome,) = rng.choices(list(outcomes), weights=list(outcomes.values()))
                    note = stories.CLOSING_NOTES[outcome] if rng.random() < 0.5 else ""
                    closed = self._office_hours(at + self._days(1, 12))
                    at = story.add(CloseCase, closed, WORKER, outcome=outcome, note=note)

            else:  # closed: now and then the problem comes back
                if reopened or story.last.operation not in (CloseCase, CloseUnansweredCase):
                    return
                if rng.random() >= 0.04:
                    return
                reason = rng.choice(stories.REOPEN_REASONS)
                reopen_at = self._office_hours(at + self._days(2, 30))
                at = story.add(ReopenCase, reopen_at, SUPERVISOR, reason=reason)
                reopened = True
