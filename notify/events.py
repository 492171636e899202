"""Which messages the portal sends: one per case operation that names a message for the
citizen or the authority (``cases.operations``), and the reminders sent by schedule.

An event's value keys its editable templates (``MessageTemplate.event``) and its shipped
texts (``default_texts``).
"""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from cases import registry

AUTHORITY_REMINDER = "authority_reminder"
SUPERVISOR_OVERDUE = "supervisor_overdue"
REMINDERS = [
    (AUTHORITY_REMINDER, _("Authority: response overdue")),
    (SUPERVISOR_OVERDUE, _("Supervisors: case overdue twice")),
]


def citizen_event(action):
    """The message the citizen gets for a timeline event ("cases.forward"), or ""."""
    operation = registry.for_log_action(action)
    return operation.citizen_message if operation else ""


def authority_event(action):
    operation = registry.for_log_action(action)
    return operation.authority_message if operation else ""


def citizen_events():
    return [op.citizen_message for op in registry.all_operations() if op.citizen_message]


def staff_events():
    """Events whose messages go to authorities and supervisors: by e-mail, and to an authority
    without an e-mail by SMS (``default_texts.AUTHORITY_SMS``)."""
    authority = [op.authority_message for op in registry.all_operations() if op.authority_message]
    return authority + [event for event, _label in REMINDERS]


def choices():
    """Every event with its label for the admin, for ``MessageTemplate.event``."""
    events = []
    for operation in registry.all_operations():
        if operation.citizen_message:
            label = format_lazy(_("Citizen: {}"), operation.log_message)
            events.append((operation.citizen_message, label))
    for operation in registry.all_operations():
        if operation.authority_message:
            label = format_lazy(_("Authority: {}"), operation.log_message)
            events.append((operation.authority_message, label))
    return events + REMINDERS
