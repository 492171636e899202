"""Who may do what to a case: one rule per kind of actor, used by every operation.

Staff act through Django permissions (given to the Case workers and Case supervisors groups)
and may be limited to some counties. Authorities act through their response link, citizens
through their tracking link or their phone, and the system through the gateways and scheduled
jobs; each of those may do only the operations that name them.

Which permission an operation needs and which actors may run it is declared once, on the
operation's class (``cases.operations``), which registers it here with ``allow()`` when it is
defined. So this module imports no model, and the transitions in ``models.py`` can ask it.
"""

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist

STAFF = "staff"
AUTHORITY = "authority"
CITIZEN = "citizen"
SYSTEM = "system"

# The Django permission a staff user needs for each operation ("view" is the listing itself).
STAFF_PERMISSIONS = {"view": "cases.view_case"}
# The operations each other kind of actor may run.
ACTOR_OPERATIONS = {AUTHORITY: set(), CITIZEN: set(), SYSTEM: set()}


def allow(operation, *, staff_permission=None, actors=()):
    """Record who may run ``operation``: staff with ``staff_permission``, and ``actors``."""
    if staff_permission:
        STAFF_PERMISSIONS[operation] = staff_permission
    for kind in actors:
        ACTOR_OPERATIONS[kind].add(operation)


@dataclass(frozen=True)
class Actor:
    """Who is acting. Staff carry their user; an authority carries itself."""

    kind: str
    user: object = None
    authority: object = None
    label: str = ""

    @classmethod
    def staff(cls, user):
        return cls(kind=STAFF, user=user, label=user.get_full_name() or user.get_username())

    @classmethod
    def for_authority(cls, authority):
        return cls(kind=AUTHORITY, authority=authority, label=authority.name)

    @classmethod
    def citizen(cls, label="Citizen"):
        return cls(kind=CITIZEN, label=label)

    @classmethod
    def system(cls, label="System"):
        return cls(kind=SYSTEM, label=label)


def as_actor(by):
    """Accept a user or an Actor wherever an operation takes ``by=``."""
    if isinstance(by, Actor):
        return by
    if by is None:
        raise TypeError("An operation needs to know who acts: pass by=user or by=Actor.")
    return Actor.staff(by)


def limited_county_ids(user):
    """The county ids a staff user is limited to, or None when the user sees every county."""
    if user.is_superuser:
        return None
    cached = getattr(user, "_case_county_ids", False)
    if cached is not False:
        return cached
    try:
        limit = user.county_limit
    except ObjectDoesNotExist:
        limit = None
    county_ids = None
    if limit is not None:
        # A limit that lists no county gives no county: it fails closed.
        county_ids = frozenset(limit.counties.values_list("pk", flat=True))
    user._case_county_ids = county_ids
    return county_ids


def covers_county(user, county_id):
    county_ids = limited_county_ids(user)
    if county_ids is None:
        return True
    # A limited team sees only its counties; cases without a county go to national triage.
    return county_id in county_ids


def user_covers_case(user, case):
    return covers_county(user, case.county_id)


def has_permission(user, permission):
    """``user.has_perm``, remembered on the user object as Django remembers the permissions
    themselves: a request (or a seeding run) asks the same few many times."""
    remembered = user.__dict__.setdefault("_case_permissions", {})
    if permission not in remembered:
        remembered[permission] = user.has_perm(permission)
    return remembered[permission]


def user_may(user, operation, case=None):
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    permission = STAFF_PERMISSIONS.get(operation)
    if permission is None or not has_permission(user, permission):
        return False
    return case is None or user_covers_case(user, case)


def actor_may(actor, operation, case=None):
    if actor.kind == STAFF:
        return user_may(actor.user, operation, case)
    if operation not in ACTOR_OPERATIONS.get(actor.kind, ()):
        return False
    if actor.kind == AUTHORITY:
        # An authority acts only on the cases that are with it.
        return (
            case is not None
            and actor.authority is not None
            and case.authority_id == actor.authority.pk
        )
    return True


def transition_permission(operation):
    """The ``permission=`` callable for a transition: django-fsm asks it with a user."""

    def check(instance, user):
        return user_may(user, operation, instance)

    check.__name__ = f"may_{operation}"
    return check
