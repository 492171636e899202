"""What a published case shows the public: its moderated summary, facts and public updates.

``Case.objects.published()`` decides which cases appear at all. Of a case, only the moderated
summary, sector, county, status, dates, authority and outcome are shown, and of its timeline
what ``cases.public_timeline`` presents to the public audience (redacted, never the
complainant's own words).
"""

from cases.models import CaseState, Outcome
from cases.public_timeline import PUBLIC, public_summary, public_updates


def updates(case):
    return public_updates(case, audience=PUBLIC)


def status_label(case):
    return str(CaseState(case.state).label) if case.state in CaseState.values else ""


def outcome_label(case):
    return str(Outcome(case.outcome).label) if case.outcome in Outcome.values else ""


__all__ = ["outcome_label", "public_summary", "status_label", "updates"]
