"""Reminders about cases the authority has not answered in time.

The authority is reminded the way it heard of the case (``case_messages.authority_contact``):
by e-mail with a fresh signed link, or, without an e-mail, by SMS with the short link, which
keeps the expiry of the forward (or escalation) that made it: an SMS whose link no longer
opens is not sent. Each reminder is keyed on the case and its due date, whatever the channel,
so running the job again (or twice at once) sends nothing twice, while a new due date (after
an escalation) earns a new reminder.
"""

import logging
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from cases.models import Case, CaseState
from cases.rules import user_covers_case
from cases.workdays import add_working_days

from .case_messages import STAFF_LANGUAGE, authority_contact, secrets_in, staff_values
from .events import AUTHORITY_REMINDER, SUPERVISOR_OVERDUE
from .links import short_token_opens
from .models import Audience, MessageChannel, OutboundMessage
from .queueing import queue_message
from .rendering import render

logger = logging.getLogger(__name__)

SUPERVISORS_GROUP = "Case supervisors"


@dataclass
class ReminderCounts:
    authority_reminders: int = 0
    supervisor_alerts: int = 0


def cases_past_due(today):
    """Forwarded cases whose authority's answer is late."""
    return (
        Case.objects.filter(state=CaseState.FORWARDED, due_date__lt=today, authority__isnull=False)
        .select_related("authority", "sector", "county")
        .order_by("due_date", "pk")
    )


def is_overdue_twice(case, today):
    """Late by the authority's whole response time again, counted from the due date."""
    second_due = add_working_days(case.due_date, case.authority.response_days)
    return today > second_due


def supervisors():
    return (
        get_user_model()
        .objects.filter(groups__name=SUPERVISORS_GROUP, is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def _queue_once(
    *, event_key, event, recipient, values, case, audience, channel=MessageChannel.EMAIL
):
    if OutboundMessage.objects.filter(event_key=event_key).exists():
        return False
    rendered = render(event, channel, STAFF_LANGUAGE, values)
    if rendered is None:
        return False
    subject, text = rendered
    with transaction.atomic():
        queue_message(
            channel=channel,
            recipient=recipient,
            subject=subject,
            text=text,
            event_key=event_key,
            case=case,
            language=STAFF_LANGUAGE,
            audience=audience,
            sensitive=secrets_in(values),
        )
    return True


def send_authority_reminders(today=None):
    """Remind each authority, once per due date, of the cases it has not answered in time."""
    today = today or timezone.localdate()
    queued = 0
    # Reachable by e-mail, or by SMS without one (a number we cannot text is sorted out below).
    for case in cases_past_due(today).exclude(authority__email="", authority__phone=""):
        if not case.response_link_nonce:
            logger.warning("%s is forwarded without a response link; no reminder sent", case)
            continue
        contact = authority_contact(case, today=today)
        if contact is None:
            continue
        channel, recipient, values = contact
        if channel == MessageChannel.SMS and not short_token_opens(case, case.response_link_nonce):
            logger.warning("%s: the SMS response link has expired; no SMS reminder sent", case)
            continue
        queued += _queue_once(
            event_key=f"case:{case.pk}:due:{case.due_date.isoformat()}:authority-reminder",
            event=AUTHORITY_REMINDER,
            recipient=recipient,
            values=values,
            case=case,
            audience=Audience.AUTHORITY,
            channel=channel,
        )
    return queued


def send_supervisor_alerts(today=None):
    """Tell each supervisor who covers the case's county, once per due date, about cases
    overdue twice."""
    today = today or timezone.localdate()
    people = list(supervisors())
    queued = 0
    if not people:
        return queued
    for case in cases_past_due(today):
        if not is_overdue_twice(case, today):
            continue
        values = staff_values(case, today=today)
        for user in people:
            if not user_covers_case(user, case):
                continue
            queued += _queue_once(
                event_key=(
                    f"case:{case.pk}:due:{case.due_date.isoformat()}:overdue-twice:user:{user.pk}"
                ),
                event=SUPERVISOR_OVERDUE,
                recipient=user.email,
                values=values,
                case=case,
                audience=Audience.STAFF,
            )
    return queued


def send_reminders(today=None):
    today = today or timezone.localdate()
    return ReminderCounts(
        authority_reminders=send_authority_reminders(today),
        supervisor_alerts=send_supervisor_alerts(today),
    )
