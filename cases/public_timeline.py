"""The one presenter of what a citizen and the public may read of a case's timeline.

Two audiences:

- ``CITIZEN``: the complainant themself, on the tracking page, in their PDF copy and in the
  SMS, USSD and voice status replies. Every public entry with its text, their own words
  included; they appear as "You".
- ``PUBLIC``: anyone, on published case pages and through Open311. Only text that staff, the
  authority or the portal wrote for the public, passed through the one redaction of the
  complainant's personal data (``cases.redaction``); the complainant appears as
  "Complainant".

In both, staff appear as "Case worker", never by name, and internal entries never show.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from . import registry, rules
from .models import CaseLogEntry, TimelineVisibility
from .redaction import public_redactor
from .timeline import summary

CITIZEN = "citizen"
PUBLIC = "public"
AUTHORED_FOR_THE_PUBLIC = {rules.STAFF, rules.AUTHORITY, rules.SYSTEM}


@dataclass(frozen=True)
class PublicUpdate:
    timestamp: object
    action: str
    label: str  # "Forwarded"
    actor: str  # "Case worker", the authority's name, "You", "Huduma Portal"
    summary: str  # "Forwarded to Nairobi City Water." or ""
    text: str  # what a person wrote, where this audience may read it
    from_state: str = ""
    to_state: str = ""

    @property
    def note(self):
        """One line for a status reply: the person's words, else the sentence."""
        return self.text or self.summary


def public_entries(case):
    return (
        CaseLogEntry.objects.filter(case=case, visibility=TimelineVisibility.PUBLIC)
        .select_related("authority")
        .order_by("timestamp", "pk")
    )


def _actor(entry, audience):
    if entry.actor_kind == rules.STAFF:
        return _("Case worker")
    if entry.actor_kind == rules.AUTHORITY:
        return entry.authority.name if entry.authority else (entry.actor_label or _("Authority"))
    if entry.actor_kind == rules.CITIZEN:
        return _("You") if audience == CITIZEN else _("Complainant")
    return _("Huduma Portal")


def _shows_text_publicly(entry):
    operation = registry.for_log_action(entry.action)
    return (
        operation is not None
        and operation.public_text
        and entry.actor_kind in AUTHORED_FOR_THE_PUBLIC
    )


def present(entry, *, audience, redact=None):
    if entry.visibility != TimelineVisibility.PUBLIC:
        raise ValueError("Internal timeline entries are never presented to the public.")
    formatter = entry.formatter
    public = audience == PUBLIC
    text = entry.text or ""
    sentence = summary(entry, public=public)
    if public:
        text = text if _shows_text_publicly(entry) else ""
        text, sentence = redact(text), redact(sentence)
    return PublicUpdate(
        timestamp=entry.timestamp,
        action=entry.action,
        label=str(formatter.label) if formatter else "",
        actor=_actor(entry, audience),
        summary=sentence,
        text=text,
        from_state=entry.from_state,
        to_state=entry.to_state,
    )


def public_updates(case, *, audience, entries=None):
    """The case's public timeline for ``audience``, oldest first."""
    entries = public_entries(case) if entries is None else entries
    redact = public_redactor(case) if audience == PUBLIC else None
    return [present(entry, audience=audience, redact=redact) for entry in entries]


def latest_update(case, *, audience, entries=None):
    """The newest update with something to say (for SMS, USSD, voice and Open311), or None."""
    updates = public_updates(case, audience=audience, entries=entries)
    return next((update for update in reversed(updates) if update.note), None)


def public_summary(case):
    """The moderated summary of a published case, redacted like every public output."""
    return public_redactor(case)(case.public_summary)
