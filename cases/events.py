"""Signals about case events; side effects (messages, caches) listen.

Nothing is sent to the outside world from ``case_event_recorded``: outbound messages are
written as outbox rows in the same transaction and sent after commit.
"""

from django.dispatch import Signal

# Sent inside the action's transaction, right after the timeline entry is written. Listeners
# may only write rows (the outbox) that must commit or roll back with the event.
# Arguments: case (the saved case), entry (the CaseLogEntry), event (its action code).
case_event_recorded = Signal()

# Sent after commit. Arguments: case_id, event (the timeline action code), entry_id.
case_event_committed = Signal()
