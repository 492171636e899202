"""Inbound SMS: a new case, a case's status, or more information for a case.

``receive_sms`` writes the message to the ``InboundSMS`` log first, in the same transaction
as everything it causes; the gateway id is unique, so a retried delivery stops there and
nothing happens twice. Replies are outbox rows (``notify``), sent after commit.

What a message means:
- ``STATUS <reference>`` / ``HALI <reference>`` (or a bare reference): the status, in English
  or Kiswahili, only for a case opened from the sender's number;
- ``1``/``YES``/``NDIYO`` or ``2``/``NO``/``HAPANA``, alone or after a reference: the
  citizen's answer to the authority's response (``sms_answers``), never a new case;
- ``<reference> <text>``: the text is added to that case's public timeline (same rule);
- empty: how to use the service;
- anything else: a new case.
"""

import logging
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import override
from django_tasks import task

from cases.actions import add_note, create_case
from cases.limits import MAX_DESCRIPTION_LENGTH
from cases.models import Channel, TimelineVisibility
from cases.rules import Actor
from notify.gsm import fit_sms
from notify.models import OutboundMessage
from notify.queueing import queue_message

from ..guessing import guess_county, guess_language, guess_sector
from ..models import InboundSMS, InboundSMSOutcome
from . import texts
from .references import looks_like_reference, own_case, parse_reference, status_text
from .sms_answers import answer_by_sms, read_answer

logger = logging.getLogger(__name__)

# The citizen acts: a case or a note from SMS is their own words, checked against their
# number. The label carries the channel only, never the number (the timeline is public).
SMS_ACTOR = Actor.citizen(label="Citizen (SMS)")

_STATUS_COMMAND = re.compile(r"^(?P<keyword>STATUS|HALI)\b[\s:.,-]*(?P<rest>.*)$", re.I | re.S)
_LEADING_REFERENCE = re.compile(
    r"^(?P<reference>HUD[\s\-_]*\d{4}[\s\-_]*\d{1,6})(?!\d)[\s:.,;-]*(?P<rest>.*)$", re.I | re.S
)


@dataclass(frozen=True)
class Command:
    kind: str  # "status", "note", "answer", "help", "empty" or "report"
    reference: str | None = None
    text: str = ""
    language: str | None = None
    answer: object = None  # an sms_answers.Answer, for "answer"


def read_command(body):
    """What an SMS asks for. "HALI" is also an everyday Kiswahili word ("hali ni mbaya…"), so
    only "HALI <something like a reference>" is a status request; "STATUS <anything>" is."""
    body = body.strip()
    if not body:
        return Command("empty")
    answer = read_answer(body)
    if answer is not None:
        return Command(
            "answer", reference=answer.reference, language=answer.language, answer=answer
        )
    status = _STATUS_COMMAND.match(body)
    if status:
        keyword = status["keyword"].upper()
        rest = status["rest"].strip()
        language = "sw" if keyword == "HALI" else "en"
        if not rest:
            return Command("help", language=language)
        if keyword == "STATUS" or looks_like_reference(rest):
            return Command("status", reference=parse_reference(rest), language=language)
    leading = _LEADING_REFERENCE.match(body)
    if leading:
        reference = parse_reference(leading["reference"])
        rest = leading["rest"].strip()
        if not rest:
            return Command("status", reference=reference)
        return Command("note", reference=reference, text=rest, language=guess_language(rest))
    return Command("report", text=body)


def receive_sms(
    *, gateway_id, sender, recipient, text, gateway_date="", link_id="", network_code=""
):
    """Log one inbound SMS and have it acted on. Returns the log row, or None for a repeat.

    The callback only writes the row and queues its processing, in one transaction: the
    gateway gets its answer at once, however busy the portal is, and a message is never lost
    (the row and its task commit together; ``process_inbound_sms`` picks up any row a worker
    left unprocessed). With the immediate task backend (development, tests) the message is
    acted on before the callback answers.
    """
    try:
        # One short transaction (the callback's whole cost): the row, unique by the gateway's
        # id, and its task. A repeat fails on the id and leaves nothing behind.
        with transaction.atomic():
            inbound = InboundSMS.objects.create(
                gateway_id=gateway_id,
                sender=sender,
                recipient=recipient[:20],
                text=text,
                gateway_date=gateway_date[:40],
                link_id=link_id[:100],
                network_code=network_code[:10],
            )
            queued = process_sms_task.enqueue(inbound.pk)
    except IntegrityError:
        logger.info("Inbound SMS %s delivered again: ignored", gateway_id)
        return None
    if queued.is_finished:  # the immediate backend acted on it already
        inbound.refresh_from_db()
    return inbound


def process_sms(inbound_id):
    """Act on one logged SMS, once: a repeated task finds it done and does nothing."""
    with transaction.atomic():
        inbound = InboundSMS.objects.select_for_update().filter(pk=inbound_id).first()
        if inbound is None or inbound.outcome:
            return inbound
        outcome, case = _act_on(inbound, read_command(inbound.text))
        inbound.outcome = outcome
        inbound.case = case
        inbound.save(update_fields=["outcome", "case"])
    logger.info("Inbound SMS %s: %s", inbound.gateway_id, outcome)
    return inbound


@task()
def process_sms_task(inbound_id):
    inbound = process_sms(inbound_id)
    return inbound.outcome if inbound else None


def unprocessed(older_than):
    """Logged SMS no worker has acted on yet (a worker was down or a task failed)."""
    return InboundSMS.objects.filter(outcome="", received_at__lt=timezone.now() - older_than)


def _act_on(inbound, command):
    if command.kind == "empty":
        _reply(inbound, texts.in_both_languages(texts.SMS_EMPTY), language="en")
        return InboundSMSOutcome.HELP_SENT, None
    if command.kind == "help":
        with override(command.language):
            message = str(texts.SMS_STATUS_HELP) % {"example": texts.example_reference()}
        _reply(inbound, message, language=command.language)
        return InboundSMSOutcome.HELP_SENT, None
    if command.kind == "report":
        return InboundSMSOutcome.CASE_CREATED, _open_case(inbound, inbound.text)
    if command.kind == "answer":
        return _record_answer(inbound, command.answer)

    case = own_case(command.reference, inbound.sender)
    if case is None:
        # Unknown reference and someone else's case: the same words, so neither leaks.
        language = command.language or "en"
        _reply(inbound, texts.sms_not_found(language), language=language)
        return InboundSMSOutcome.NOT_FOUND, None

    if command.kind == "status":
        language = command.language or case.language
        with override(language):
            message = status_text(case)
        _reply(inbound, message, language=language, case=case)
        return InboundSMSOutcome.STATUS_SENT, case

    try:
        add_note(
            case=case,
            text=_shortened(command.text),
            by=SMS_ACTOR,
            visibility=TimelineVisibility.PUBLIC,
        )
    except ValidationError:
        # The same rule as on the tracking page: a closed case takes no more information.
        with override(command.language):
            message = str(texts.SMS_CASE_CLOSED) % {"reference": case.reference}
        _reply(inbound, message, language=command.language, case=case)
        return InboundSMSOutcome.STATUS_SENT, case
    with override(command.language):
        message = str(texts.SMS_NOTE_ADDED) % {"reference": case.reference}
    _reply(inbound, message, language=command.language, case=case)
    return InboundSMSOutcome.NOTE_ADDED, case


def _record_answer(inbound, answer):
    before = _last_message_id()
    reply = answer_by_sms(sender=inbound.sender, answer=answer, actor=SMS_ACTOR)
    # Closing the case makes notify tell the citizen (with consent): that message confirms
    # it, so the sender still gets exactly one SMS.
    if reply.case is None or not _citizen_message_queued(reply.case, inbound.sender, after=before):
        _reply(inbound, reply.text, language=reply.language, case=reply.case)
    return reply.outcome, reply.case


def _last_message_id():
    return OutboundMessage.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def _open_case(inbound, text):
    language = guess_language(text)
    case = create_case(
        by=SMS_ACTOR,
        channel=Channel.SMS,
        description=_shortened(text),
        sector=guess_sector(text),
        county=guess_county(text),
        complainant_phone=inbound.sender,
        # They wrote to us and expect an answer on the same number.
        consent_to_contact=True,
        language=language,
    )
    # notify acknowledges a new case (reference and how to check it) when it may contact the
    # citizen. Should it not have, the sender still gets exactly one reply: this one.
    if not _citizen_message_queued(case, inbound.sender):
        with override(language):
            message = str(texts.SMS_ACKNOWLEDGEMENT) % {"reference": case.reference}
        _reply(inbound, message, language=language, case=case)
    return case


def _shortened(text):
    """Text within a case's limit: a longer SMS is cut with a note, not refused (the full
    text stays in the InboundSMS log)."""
    received = len(text)
    text = text.strip()
    if len(text) <= MAX_DESCRIPTION_LENGTH:
        return text
    with override("en"):
        note = str(texts.SMS_SHORTENED) % {"count": received}
    return text[: MAX_DESCRIPTION_LENGTH - len(note) - 2].rstrip() + "\n\n" + note


def _citizen_message_queued(case, phone, *, after=0):
    """Whether notify queued an SMS to ``phone`` about the case (after message ``after``)."""
    return OutboundMessage.objects.filter(
        case=case, channel="sms", recipient=phone, pk__gt=after
    ).exists()


def _reply(inbound, text, *, language, case=None):
    queue_message(
        channel="sms",
        recipient=inbound.sender,
        text=fit_sms(text),
        # One reply per inbound message, whatever happens.
        event_key=f"intake.sms.reply:{inbound.gateway_id}",
        case=case,
        language=language,
    )
