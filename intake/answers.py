"""The citizen's answer to the authority's response, the same on every channel.

The tracking page, SMS, USSD (and voice) all record "this solved my problem" or "it did not"
here, through the operations the tracking page always used: solved closes the case as
resolved (``close_case``), not solved asks a case worker to escalate
(``request_escalation``). What happened comes back as an ``AnswerResult`` so that each
channel can confirm it in its own words.
"""

from dataclasses import dataclass
from enum import StrEnum

from cases.actions import close_case, request_escalation
from cases.exceptions import CaseChanged
from cases.models import Case, CaseState, Outcome


class AnswerOutcome(StrEnum):
    RESOLVED = "resolved"  # the case is now closed as resolved
    ESCALATION_REQUESTED = "escalation_requested"  # a case worker will look at it again
    ALREADY_REQUESTED = "already_requested"  # "not solved" said before: nothing new
    CLOSED = "closed"  # the case was closed already: nothing done
    NOT_RESPONDED = "not_responded"  # no response to answer yet: nothing done
    CHANGED = "changed"  # the case changed since the caller's version: nothing done


RECORDED = {
    AnswerOutcome.RESOLVED,
    AnswerOutcome.ESCALATION_REQUESTED,
    AnswerOutcome.ALREADY_REQUESTED,
}


@dataclass(frozen=True)
class AnswerResult:
    outcome: AnswerOutcome
    case: Case

    @property
    def recorded(self):
        """Whether the case now says what the citizen answered."""
        return self.outcome in RECORDED


def record_citizen_answer(*, case, solved, actor, reason="", expected_version=None):
    """Record whether the response solved the citizen's problem; returns an AnswerResult.

    ``expected_version`` is the version a page showed (the tracking page): a case changed
    since then is left alone (``CHANGED``). Channels without a page (SMS, USSD, voice) pass
    none: the answer applies to the case as it is now, as long as it is still responded.
    A reason that is too long raises ``ValidationError`` keyed by ``reason``.
    """
    stale_page = expected_version is not None
    current = case
    # Without a page the answer is retried once if a case worker changed the case (a note,
    # say) between our read and the operation's lock.
    for _attempt in range(1 if stale_page else 2):
        if not stale_page:
            current = Case.objects.get(pk=case.pk)
            refusal = _not_answerable(current)
            if refusal:
                return AnswerResult(refusal, current)
        asked_before = current.escalation_requested
        version = expected_version if stale_page else current.version
        try:
            if solved:
                updated = close_case(
                    case=current, outcome=Outcome.RESOLVED, by=actor, expected_version=version
                )
                return AnswerResult(AnswerOutcome.RESOLVED, updated)
            updated = request_escalation(
                case=current, by=actor, reason=reason, expected_version=version
            )
        except CaseChanged as changed:
            current = changed.current or Case.objects.get(pk=case.pk)
            if stale_page and current.version != expected_version:
                return AnswerResult(AnswerOutcome.CHANGED, current)
            refusal = _not_answerable(current)
            if refusal:
                return AnswerResult(refusal, current)
            continue
        outcome = (
            AnswerOutcome.ALREADY_REQUESTED if asked_before else AnswerOutcome.ESCALATION_REQUESTED
        )
        return AnswerResult(outcome, updated)
    return AnswerResult(AnswerOutcome.CHANGED, current)


def _not_answerable(case):
    if not case.is_open:
        return AnswerOutcome.CLOSED
    if case.state != CaseState.RESPONDED:
        return AnswerOutcome.NOT_RESPONDED
    return None
