"""Signals sent after a case change has been committed; side effects (messages, caches) listen.

Sent from ``transaction.on_commit`` only, so a listener never acts on a change that was
rolled back.
"""

from django.dispatch import Signal

# Arguments: case_id, event (the timeline action code), entry_id (the timeline entry's pk).
case_event_committed = Signal()
