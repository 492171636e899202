"""Who may do what to a case: one rule per kind of actor, used by every action.

Staff act through Django permissions (given to the Case workers and Case supervisors groups)
and may be limited to some counties. Authorities act through their response link, citizens
through their tracking link or their phone, and the system through the SMS/USSD handlers and
scheduled jobs; each of those may do only the few things listed for it here.
"""

from dataclasses import dataclass

# The Django permission a staff user needs for each operation.
STAFF_PERMISSIONS = {
    "view": "cases.view_case",
    "create": "cases.add_case",
    "assign": "cases.triage_case",
    "reassign": "cases.reassign_case",
    "note": "cases.add_case_note",
    "attach": "cases.add_case_note",
    "forward": "cases.forward_case",
    "respond": "cases.record_response",
    "close": "cases.close_case",
    "close_unanswered": "cases.close_case",
    "dismiss": "cases.dismiss_case",
    "escalate": "cases.escalate_case",
    "withdraw": "cases.withdraw_case",
    "recall": "cases.recall_case",
    "reopen": "cases.reopen_case",
    "publish": "cases.publish_case",
}

AUTHORITY_OPERATIONS = {"respond", "attach"}
CITIZEN_OPERATIONS = {"create", "note", "attach", "withdraw", "close", "request_escalation"}
SYSTEM_OPERATIONS = {"create", "note", "close_unanswered"}


@dataclass(frozen=True)
class Actor:
    """Who is acting. Staff carry their user; an authority carries itself."""

    kind: str
    user: object = None
    authority: object = None
    label: str = ""

    @classmethod
    def staff(cls, user):
        return cls(kind="staff", user=user, label=user.get_full_name() or user.get_username())

    @classmethod
    def for_authority(cls, authority):
        return cls(kind="authority", authority=authority, label=authority.name)

    @classmethod
    def citizen(cls, label="Citizen"):
        return cls(kind="citizen", label=label)

    @classmethod
    def system(cls, label="System"):
        return cls(kind="system", label=label)


def as_actor(by):
    """Accept a user or an Actor wherever an action takes ``by=``."""
    if isinstance(by, Actor):
        return by
    if by is None:
        raise TypeError("An action needs to know who acts: pass by=user or by=Actor.")
    return Actor.staff(by)


def limited_county_ids(user):
    """The county ids a staff user is limited to, or None when the user sees every county."""
    if user.is_superuser:
        return None
    cached = getattr(user, "_case_county_ids", False)
    if cached is not False:
        return cached
    from .models import CountyLimit

    limit = CountyLimit.objects.filter(user=user).first()
    county_ids = None
    if limit is not None:
        county_ids = frozenset(limit.counties.values_list("pk", flat=True)) or None
    user._case_county_ids = county_ids
    return county_ids


def user_covers_case(user, case):
    county_ids = limited_county_ids(user)
    if county_ids is None:
        return True
    # A limited team sees only its counties; cases without a county go to national triage.
    return case.county_id in county_ids


def user_may(user, operation, case=None):
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    permission = STAFF_PERMISSIONS.get(operation)
    if permission is None or not user.has_perm(permission):
        return False
    return case is None or user_covers_case(user, case)


def actor_may(actor, operation, case=None):
    if actor.kind == "staff":
        return user_may(actor.user, operation, case)
    if actor.kind == "authority":
        return (
            operation in AUTHORITY_OPERATIONS
            and case is not None
            and actor.authority is not None
            and case.authority_id == actor.authority.pk
        )
    if actor.kind == "citizen":
        return operation in CITIZEN_OPERATIONS
    if actor.kind == "system":
        return operation in SYSTEM_OPERATIONS
    return False


def transition_permission(operation):
    """The ``permission=`` callable for a transition: django-fsm asks it with a user."""

    def check(instance, user):
        return user_may(user, operation, instance)

    check.__name__ = f"may_{operation}"
    return check
