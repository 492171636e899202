"""Tests: SMS are kept in ``outbox``, like ``django.core.mail.outbox``.

Make the next sends fail with ``LocMemSMSBackend.fail_next = 2`` (or
``LocMemSMSBackend.outcome_unknown_next = 1`` for a gateway that times out); ``reset()``
empties the outbox and clears both.
"""

import itertools
from dataclasses import dataclass

from .base import BaseSMSBackend, SMSOutcomeUnknown, SMSSendError


@dataclass(frozen=True)
class SentSMS:
    recipient: str
    text: str
    gateway_id: str


outbox = []
_ids = itertools.count(1)


class LocMemSMSBackend(BaseSMSBackend):
    fail_next = 0
    outcome_unknown_next = 0

    def send(self, recipient, text):
        cls = type(self)
        if cls.fail_next > 0:
            cls.fail_next -= 1
            raise SMSSendError("Simulated gateway failure")
        if cls.outcome_unknown_next > 0:
            cls.outcome_unknown_next -= 1
            raise SMSOutcomeUnknown("Simulated gateway timeout")
        gateway_id = f"locmem-{next(_ids)}"
        outbox.append(SentSMS(recipient=recipient, text=text, gateway_id=gateway_id))
        return gateway_id


def reset():
    outbox.clear()
    LocMemSMSBackend.fail_next = 0
    LocMemSMSBackend.outcome_unknown_next = 0
