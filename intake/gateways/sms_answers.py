"""The citizen's answer by SMS: did the authority's response solve the problem?

``1``, ``YES`` or ``NDIYO`` (solved) and ``2``, ``NO`` or ``HAPANA`` (not solved), in any
case, alone or after a reference (``HUD-2026-000123 2``, ``2026*123 1``), act on a responded
case opened from the sender's number through ``intake.answers`` (the tracking page's own
operations). Alone, the keyword answers for the number's one responded case; with several,
the reply asks which; with none, the reply explains how to answer. A keyword is never read as
a new report.
"""

import re
from dataclasses import dataclass

from django.utils.translation import override

from cases.models import Case, CaseState
from cases.phones import e164

from ..answers import AnswerOutcome, record_citizen_answer
from ..models import InboundSMSOutcome
from . import texts
from .references import own_case, parse_reference

# The keyword, and the language it is written in (a digit has none).
KEYWORDS = {
    "1": (True, None),
    "YES": (True, "en"),
    "NDIYO": (True, "sw"),
    "NDIO": (True, "sw"),  # the everyday spelling of "ndiyo"
    "2": (False, None),
    "NO": (False, "en"),
    "HAPANA": (False, "sw"),
}
_KEYWORD = r"(?P<keyword>" + "|".join(sorted(KEYWORDS, key=len, reverse=True)) + r")"
_END = r"[\s.!]*$"  # "Yes." and "ndiyo!" are the same answer
_BARE = re.compile(rf"^{_KEYWORD}{_END}", re.IGNORECASE)
_AFTER_REFERENCE = re.compile(
    rf"^(?P<reference>.+?)[\s:.,;*#-]+{_KEYWORD}{_END}", re.IGNORECASE | re.DOTALL
)
# How many of a number's answered cases the "which one?" reply names.
LISTED_AT_MOST = 3


@dataclass(frozen=True)
class Answer:
    solved: bool
    reference: str | None  # None: the keyword came alone
    language: str | None  # None: a digit, so the case's language


def read_answer(body):
    """The answer an SMS gives, or None when it is not one."""
    body = body.strip()
    bare = _BARE.match(body)
    if bare:
        return _answer(bare["keyword"], reference=None)
    after = _AFTER_REFERENCE.match(body)
    if after:
        reference = parse_reference(after["reference"])
        if reference is not None:
            return _answer(after["keyword"], reference=reference)
    return None


def _answer(keyword, *, reference):
    solved, language = KEYWORDS[keyword.upper()]
    return Answer(solved=solved, reference=reference, language=language)


@dataclass(frozen=True)
class Reply:
    outcome: str  # an InboundSMSOutcome
    text: str
    language: str
    case: Case | None = None


def answer_by_sms(*, sender, answer, actor):
    """Act on an answer from ``sender`` (E.164); returns the reply to send."""
    if answer.reference is not None:
        case = own_case(answer.reference, e164(sender) or sender)
        if case is None:
            language = answer.language or "en"
            # The same words as for a status request: nothing tells whose case it is.
            return Reply(InboundSMSOutcome.NOT_FOUND, texts.sms_not_found(language), language)
        return _answer_case(case, answer, actor)
    responded = list(responded_cases_of(sender))
    if len(responded) == 1:
        return _answer_case(responded[0], answer, actor)
    language = answer.language or _language_of(responded or list(cases_of(sender)[:1]))
    if responded:
        return Reply(InboundSMSOutcome.HELP_SENT, _which_case(responded, language), language)
    with override(language):
        text = str(texts.SMS_ANSWER_HELP) % {"example": texts.example_reference()}
    return Reply(InboundSMSOutcome.HELP_SENT, text, language)


def cases_of(phone):
    """Cases opened from the number or giving it as their contact number, newest first."""
    return Case.objects.filter(complainant_phone=e164(phone) or phone).order_by("-received_at")


def responded_cases_of(phone):
    return cases_of(phone).filter(state=CaseState.RESPONDED)


def _language_of(cases):
    return cases[0].language if cases else "en"


def _which_case(cases, language):
    references = [case.reference for case in cases]
    listed = ", ".join(references[:LISTED_AT_MOST])
    if len(references) > LISTED_AT_MOST:
        listed += ", ..."
    with override(language):
        return str(texts.SMS_ANSWER_WHICH) % {
            "count": len(references),
            "references": listed,
            "reference": references[0],
        }


CONFIRMATIONS = {
    AnswerOutcome.RESOLVED: texts.SMS_ANSWER_SOLVED,
    AnswerOutcome.ESCALATION_REQUESTED: texts.SMS_ANSWER_NOT_SOLVED,
    AnswerOutcome.ALREADY_REQUESTED: texts.SMS_ANSWER_NOT_SOLVED,
    AnswerOutcome.CLOSED: texts.ANSWER_CLOSED,
    AnswerOutcome.NOT_RESPONDED: texts.ANSWER_NOT_YET,
    AnswerOutcome.CHANGED: texts.ANSWER_CHANGED,
}


def _answer_case(case, answer, actor):
    language = answer.language or case.language
    result = record_citizen_answer(case=case, solved=answer.solved, actor=actor)
    with override(language):
        text = str(CONFIRMATIONS[result.outcome]) % {"reference": result.case.reference}
    outcome = (
        InboundSMSOutcome.ANSWER_RECORDED if result.recorded else InboundSMSOutcome.STATUS_SENT
    )
    return Reply(outcome, text, language, result.case)
