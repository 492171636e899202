"""Putting messages in the outbox, and queueing one again.

A message is a row written in the transaction of the event that causes it; after commit, a
background task sends it (``notify.tasks``, then ``notify.sending``). ``send_outbox`` picks up
what the task could not send.
"""

import logging
from functools import partial

from django.db import transaction
from django.utils import timezone

from .gsm import fit_sms
from .models import Audience, MessageChannel, MessageStatus, OutboundMessage
from .tasks import send_message_task

logger = logging.getLogger(__name__)


def queue_message(
    *,
    channel,
    recipient,
    text,
    event_key,
    case=None,
    language="en",
    subject="",
    audience=Audience.CITIZEN,
    sensitive=(),
):
    """Put a message in the outbox, once per ``event_key``; it is sent after commit.

    Call it inside the transaction of the event that causes the message, so that both commit
    or neither does. Returns the new message, or the one already queued for ``event_key``.
    ``sensitive`` lists secrets in the text (an access code, a link's token): staff see them
    masked, and once the message has been sent only the masked text is kept.
    """
    if channel not in MessageChannel.values:
        raise ValueError(f"Unknown channel: {channel!r}")
    recipient = (recipient or "").strip()
    if not recipient:
        raise ValueError("A message needs a recipient.")
    if channel == MessageChannel.SMS:
        text = fit_sms(text)  # already fitted texts pass unchanged
    message, created = OutboundMessage.objects.get_or_create(
        event_key=event_key,
        defaults={
            "channel": channel,
            "audience": audience,
            "recipient": recipient,
            # A line break in a subject is a header injection: Django refuses to send it.
            "subject": " ".join((subject or "").split())[:255],
            "text": text,
            "language": language,
            "case": case,
            "sensitive": [secret for secret in sensitive if secret],
        },
    )
    if created:
        transaction.on_commit(partial(_enqueue_send, message.pk), robust=True)
    return message


def _enqueue_send(message_id):
    try:
        send_message_task.enqueue(message_id)
    except Exception:
        # The row is committed: send_outbox picks it up on its next run.
        logger.exception("Could not enqueue outbound message %s", message_id)


def retry_message(message):
    """Queue a failed message (or one a person checked in "sending") to be sent again now.
    Returns False when the message is in neither state any more."""
    requeued = OutboundMessage.objects.filter(
        pk=message.pk, status__in=[MessageStatus.FAILED, MessageStatus.SENDING]
    ).update(
        status=MessageStatus.QUEUED,
        attempts=0,
        next_attempt_at=timezone.now(),
        gateway_id="",
    )
    if requeued:
        transaction.on_commit(partial(_enqueue_send, message.pk), robust=True)
    return bool(requeued)
