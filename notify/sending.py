"""Sending outbound messages, and what the gateway reports back.

At most once: a message is marked "sending" (and the mark committed) before the gateway is
called, and only a message still "queued" can be claimed. A crash after the gateway call
leaves it in "sending"; it is then never sent again automatically but reported
(``stuck_messages``) for a person to check with the gateway. A citizen may miss a message;
nobody gets one twice. (E-mail is the one exception we accept: a mail server that refuses or
drops the connection is retried, and SMTP cannot always tell whether it kept the message.)
"""

import datetime
import logging
import smtplib
from email.utils import make_msgid, parseaddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .backends import SMSOutcomeUnknown, SMSSendError, get_sms_backend
from .models import MessageChannel, MessageStatus, OutboundMessage

logger = logging.getLogger(__name__)

BACKOFF_BASE = datetime.timedelta(minutes=1)
BACKOFF_CAP = datetime.timedelta(hours=6)
STUCK_AFTER = datetime.timedelta(minutes=15)
MAX_ERROR_LENGTH = 1000

# Africa's Talking delivery report statuses.
DELIVERY_STATUSES = {
    "Success": MessageStatus.DELIVERED,
    "Failed": MessageStatus.FAILED,
    "Rejected": MessageStatus.FAILED,
    "Sent": MessageStatus.SENT,
    "Submitted": MessageStatus.SENT,
    "Buffered": MessageStatus.SENT,
}
FINAL_STATUSES = {MessageStatus.DELIVERED, MessageStatus.FAILED}


def backoff(attempts):
    """Wait before the next try after ``attempts`` failed ones: 1, 2, 4, 8… minutes."""
    return min(BACKOFF_BASE * 2 ** max(attempts - 1, 0), BACKOFF_CAP)


def send_message(message_id, *, now=None, sms_backend=None):
    """Send one queued, due message; returns it as it is afterwards (None if unknown).

    Call outside a transaction: the "sending" mark must be committed before the gateway call.
    """
    now = now or timezone.now()
    # Claim the row: one conditional UPDATE, so two workers never both send it.
    claimed = OutboundMessage.objects.filter(
        pk=message_id, status=MessageStatus.QUEUED, next_attempt_at__lte=now
    ).update(status=MessageStatus.SENDING, attempts=F("attempts") + 1, last_attempt_at=now)
    message = OutboundMessage.objects.filter(pk=message_id).first()
    if not claimed:
        return message
    try:
        gateway_id = _deliver(message, sms_backend)
    except SMSSendError as error:
        _record_failure(message, error, now=now, permanent=error.permanent)
    except (smtplib.SMTPException, OSError) as error:
        if message.channel != MessageChannel.EMAIL:
            _record_outcome_unknown(message, error)
        else:
            # The mail server refused or could not be reached; it did not take the message.
            _record_failure(message, error, now=now)
    except SMSOutcomeUnknown as error:
        _record_outcome_unknown(message, error)
    except Exception as error:
        logger.exception("Sending outbound message %s failed unexpectedly", message.pk)
        _record_outcome_unknown(message, error)
    else:
        _record_sent(message, gateway_id)
    message.refresh_from_db()
    return message


def _deliver(message, sms_backend=None):
    if message.channel == MessageChannel.SMS:
        backend = sms_backend or get_sms_backend()
        return backend.send(message.recipient, message.text)
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    message_id = make_msgid(domain=domain)
    EmailMessage(
        subject=message.subject,
        body=message.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.recipient],
        headers={"Message-ID": message_id, "Auto-Submitted": "auto-generated"},
    ).send(fail_silently=False)
    return message_id


def _record_sent(message, gateway_id):
    OutboundMessage.objects.filter(pk=message.pk, status=MessageStatus.SENDING).update(
        status=MessageStatus.SENT,
        gateway_id=str(gateway_id or "")[:120],
        sent_at=timezone.now(),
        last_error="",
        # The secret has reached the citizen; the outbox need not keep it.
        text=message.masked_text,
        sensitive=[],
    )


def _record_failure(message, error, *, now, permanent=False):
    error_text = f"{type(error).__name__}: {error}"[:MAX_ERROR_LENGTH]
    if permanent or message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        changes = {"status": MessageStatus.FAILED}
        logger.warning("Outbound message %s failed for good: %s", message.pk, error_text)
    else:
        changes = {
            "status": MessageStatus.QUEUED,
            "next_attempt_at": now + backoff(message.attempts),
        }
    OutboundMessage.objects.filter(pk=message.pk, status=MessageStatus.SENDING).update(
        last_error=error_text, **changes
    )


def _record_outcome_unknown(message, error):
    # Stays in "sending": only a person who checked with the gateway may send it again.
    OutboundMessage.objects.filter(pk=message.pk, status=MessageStatus.SENDING).update(
        last_error=f"Outcome unknown, not retried: {type(error).__name__}: {error}"[
            :MAX_ERROR_LENGTH
        ]
    )


def stuck_messages(older_than=STUCK_AFTER, now=None):
    """Messages left in "sending" longer than ``older_than``, for a person to check."""
    return OutboundMessage.objects.stuck(older_than, now=now).order_by("last_attempt_at", "pk")


def record_delivery_report(*, gateway_id, status, failure_reason=""):
    """Apply an Africa's Talking delivery report; returns the message, or None for an id we
    never sent. An unknown status changes nothing, and a final status is never undone."""
    gateway_id = (gateway_id or "").strip()
    if not gateway_id:
        return None
    with transaction.atomic():
        message = (
            OutboundMessage.objects.select_for_update()
            .filter(channel=MessageChannel.SMS, gateway_id=gateway_id)
            .first()
        )
        if message is None:
            return None
        new_status = DELIVERY_STATUSES.get((status or "").strip())
        if new_status is None:
            logger.info("Delivery report for %s with unknown status %r", gateway_id, status)
            return message
        if message.status in FINAL_STATUSES or message.status == new_status:
            return message
        message.status = new_status
        fields = ["status"]
        if new_status == MessageStatus.DELIVERED:
            message.delivered_at = timezone.now()
            fields.append("delivered_at")
        elif new_status == MessageStatus.FAILED:
            message.last_error = (failure_reason or status)[:MAX_ERROR_LENGTH]
            fields.append("last_error")
        message.save(update_fields=fields)
    return message
