"""What every case operation shares: who may run it, the locked row, the timeline entry.

An operation follows Wagtail's ``BaseAction`` (check → execute → log → signal), and declares
once everything the rest of the portal needs to know about it:

- ``name``: used by the rules, the workbench URLs and the timeline code ``cases.<name>``;
- ``staff_permission`` and ``actors``: who may run it (staff with that permission, and which
  other kinds of actor: authority, citizen, system);
- ``label``: its button and form title; ``log_label`` and ``log_message``: its timeline
  label and the admin's sentence when the entry has no values to show;
- ``visibility``: whether its timeline entry is public; ``public_text``: whether the text
  staff or the authority type into it is written for the public (published cases);
- ``changes_version``: whether it changes the case (then it takes ``expected_version``);
- ``form_class``: the workbench form (a dotted path), ``takes_response_template``;
- ``citizen_message`` / ``authority_message``: the notify event it sends, if any.

``execute()`` validates the input, locks the case row and compares the version the caller saw,
checks the actor's permission, runs ``apply()`` (which only changes the case in memory: the
model's FSM transition, dates and the entry's values), saves, writes one timeline entry and
announces it. ``apply()`` needs no database, so the demo seeder runs the same code on cases
it then bulk-creates.
"""

import datetime
from dataclasses import dataclass, field
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransition, TransitionNotAllowed, can_proceed
from wagtail.actions.base import BaseAction
from wagtail.log_actions import log

from .. import registry, rules
from ..events import case_event_committed, case_event_recorded
from ..exceptions import CaseChanged
from ..models import Case, CaseLogEntry, TimelineVisibility
from ..rules import as_actor
from ..workdays import add_working_days

PUBLIC = TimelineVisibility.PUBLIC
INTERNAL = TimelineVisibility.INTERNAL

TRIAGE_WORKING_DAYS = 2
CLOSE_AFTER_RESPONSE_DAYS = 7


@dataclass
class Event:
    """What an operation did, for its timeline entry: the text a person wrote (verbatim, in
    their words) and the values the entry's message is rendered from when it is read."""

    text: str = ""
    data: dict = field(default_factory=dict)
    visibility: str = ""  # empty: the operation's own


def require_text(value, field_name, message, *, max_length=None):
    value = (value or "").strip()
    if not value:
        raise ValidationError({field_name: message})
    if max_length is not None and len(value) > max_length:
        raise ValidationError(
            {
                field_name: _("Keep it to %(max)s characters (you wrote %(count)s).")
                % {"max": f"{max_length:,}", "count": f"{len(value):,}"}
            }
        )
    return value


def optional_text(value, field_name, *, max_length):
    value = (value or "").strip()
    return require_text(value, field_name, "", max_length=max_length) if value else ""


class CaseOperation(BaseAction):
    name = ""
    label = ""
    log_label = ""
    log_message = ""
    staff_permission = None
    actors = ()
    visibility = INTERNAL
    public_text = False
    changes_version = True
    form_class = None
    takes_response_template = False
    citizen_message = ""
    authority_message = ""
    refusal = _("You may not do this to this case.")

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "name" in cls.__dict__ and cls.name:
            cls.action_name = cls.name
            cls.log_action = f"cases.{cls.name}"
            registry.register(cls)
            rules.allow(cls.name, staff_permission=cls.staff_permission, actors=cls.actors)

    def __init__(self, case=None, *, by, expected_version=None, at=None):
        """``at`` is when it happens: now, except for demo histories planned in the past."""
        self.actor = as_actor(by)
        super().__init__(case, user=self.actor.user)
        self.expected_version = expected_version
        self.at = at or timezone.now()

    # --- Who may --------------------------------------------------------------------------

    @classmethod
    def allowed(cls, actor, case=None):
        return rules.actor_may(as_actor(actor), cls.name, case)

    def user_has_permission(self):
        return rules.actor_may(self.actor, self.name, self.instance)

    def check(self, skip_permission_checks=False):
        if not skip_permission_checks and not self.user_has_permission():
            raise PermissionDenied(self.refusal)

    # --- The steps subclasses fill in -----------------------------------------------------

    def clean(self, **values):
        """The input, checked and tidied before anything is locked."""
        return values

    def validate(self, case, values):
        """Checks that need the current, locked case."""

    def apply(self, case, **values):
        """Change ``case`` in memory; return the Event, or None when there is nothing to do."""
        raise NotImplementedError

    def save(self, case):
        case.save()

    def result(self, case, entry):
        return case

    # --- Running --------------------------------------------------------------------------

    @property
    def today(self):
        return timezone.localdate(self.at)

    def execute(self, skip_permission_checks=False, **values):
        values = self.clean(**values)
        try:
            with transaction.atomic():
                case = self.lock()
                event, from_state = self.perform(case, values, skip_permission_checks)
                if event is None:
                    return self.result(case, None)
                self.save(case)
                entry = log(instance=case, case=case, **self.entry_fields(case, event, from_state))
                announce(case, entry)
        except (ConcurrentTransition, TransitionNotAllowed) as error:
            raise CaseChanged(Case.objects.get(pk=self.instance.pk)) from error
        return self.result(case, entry)

    def perform(self, case, values, skip_permission_checks=False):
        """Check the operation and apply it to ``case`` in memory: ``(event, from_state)``."""
        self.instance = case
        self.check(skip_permission_checks)
        self.validate(case, values)
        from_state = case.state
        event = self.apply(case, **values)
        if event is not None and self.changes_version:
            case.version += 1
        return event, from_state

    def run_in_memory(self, **values):
        """The operation on an unsaved case, for cases made in bulk (the demo seeder): the
        same checks and changes as ``execute``; returns the unsaved timeline entry, or None."""
        event, from_state = self.perform(self.instance, self.clean(**values))
        return None if event is None else self.build_entry(self.instance, event, from_state)

    def lock(self):
        """The case's current row, locked; refuses when the caller saw an older version."""
        current = Case.objects.select_for_update().get(pk=self.instance.pk)
        if self.changes_version:
            expected = self.expected_version
            if expected is None:
                expected = self.instance.version
            try:
                expected = int(expected)
            except (TypeError, ValueError):
                raise CaseChanged(current) from None
            if expected != current.version:
                raise CaseChanged(current)
        return current

    # --- The timeline entry ---------------------------------------------------------------

    def entry_fields(self, case, event, from_state):
        """The fields of the operation's timeline entry (as ``wagtail.log_actions.log`` takes
        them), shared by ``execute`` and the demo seeder's ``build_entry``."""
        return {
            "action": self.log_action,
            "timestamp": self.at,
            "user": self.actor.user if self.actor.kind == rules.STAFF else None,
            # The version lets a stale form show what changed since it was opened.
            "data": {**event.data, "version": case.version},
            "actor_kind": self.actor.kind,
            "actor_label": self.actor.label,
            "authority": None,
            "from_state": "",
            "to_state": "",
            "text": event.text,
            "visibility": event.visibility or self.visibility,
            "content_changed": False,
        }

    def build_entry(self, case, event, from_state):
        """The unsaved entry ``execute`` would write, for cases made in bulk."""
        fields = self.entry_fields(case, event, from_state)
        # Keys rather than objects: a million entries are made this way.
        user, authority = fields.pop("user"), fields.pop("authority")
        entry = CaseLogEntry(
            content_type_id=ContentType.objects.get_for_model(Case, for_concrete_model=False).pk,
            label=CaseLogEntry.objects.get_instance_title(case),
            user_id=user.pk if user else None,
            authority_id=authority.pk if authority else None,
            **fields,
        )
        entry.case = case
        return entry

    # --- Reading the entry back -----------------------------------------------------------

    @classmethod
    def summarise(cls, data):
        """The entry's sentence from its values, in the active language; "" when the label
        says it all."""
        return ""

    @classmethod
    def summarise_publicly(cls, data):
        """The same for the public (published cases, Open311): never the citizen's words."""
        return cls.summarise(data)


class TransitionOperation(CaseOperation):
    """An operation that moves the case along the workflow with the model's FSM transition of
    the same name."""

    visibility = PUBLIC

    def validate(self, case, values):
        if not can_proceed(getattr(case, self.name)):
            raise CaseChanged(case, detail="transition_not_allowed")

    def transition(self, case, **arguments):
        getattr(case, self.name)(at=self.at, **arguments)

    def entry_fields(self, case, event, from_state):
        return {
            **super().entry_fields(case, event, from_state),
            "authority": case.authority,
            "from_state": from_state,
            "to_state": case.state,
            "content_changed": True,
        }

    # Due dates, from the day the step happens.

    def triage_due_date(self):
        return add_working_days(self.today, TRIAGE_WORKING_DAYS)

    def authority_due_date(self, authority):
        return add_working_days(self.today, authority.response_days)

    def closing_due_date(self):
        return self.today + datetime.timedelta(days=CLOSE_AFTER_RESPONSE_DAYS)


def announce(case, entry):
    """Tell the apps: inside the transaction (notify writes its outbox rows), and after
    commit (caches)."""
    case_event_recorded.send(sender=Case, case=case, entry=entry, event=entry.action)
    transaction.on_commit(
        partial(
            case_event_committed.send,
            sender=Case,
            case_id=case.pk,
            event=entry.action,
            entry_id=entry.pk,
        )
    )
