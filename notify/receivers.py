"""Connects notify to case events: each event's messages are written to the outbox inside
the event's own transaction, so they commit (and are sent) only if the event does."""

from django.dispatch import receiver

from cases.events import case_event_recorded

from .case_messages import notify_authority, notify_citizen


@receiver(case_event_recorded, dispatch_uid="notify.queue_case_messages")
def queue_case_messages(sender, case, entry, event, **kwargs):
    if entry is None:
        return
    notify_citizen(case, entry, event)
    notify_authority(case, entry, event)
