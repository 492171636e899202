"""Answering a data subject's requests (Kenya Data Protection Act, 2019): access (s.26),
correction (s.26(d)) and erasure (s.40), for everything held about one phone number or
e-mail address. Each answer is recorded in the staff access log, never with the person's
details."""

import json
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cases import actions
from cases.access_log import record_access
from cases.models import AccessKind
from cases.pdf import render_document

from .sources import SOURCES, CaseSource, Person


@dataclass
class Findings:
    """Everything held about a person: per source, the primary keys of their rows."""

    person: Person
    keys: dict = field(default_factory=dict)

    def rows(self, source):
        return source.model.objects.filter(pk__in=self.keys.get(source.key, []))

    @property
    def cases(self):
        return self.rows(CaseSource()).order_by("received_at")

    def counts(self):
        return {source.key: len(self.keys.get(source.key, [])) for source in SOURCES}

    @property
    def total(self):
        return sum(self.counts().values())


def find(person):
    if not person:
        return Findings(person)
    return Findings(
        person,
        {source.key: list(source.rows(person).values_list("pk", flat=True)) for source in SOURCES},
    )


def export(findings, *, by):
    """Everything held about the person, as plain values (the JSON of an access request)."""
    data = {
        "about": {"phone": findings.person.phone, "email": findings.person.email},
        "exported": timezone.localtime().isoformat(timespec="seconds"),
        "controller": "Huduma Portal",
    }
    for source in SOURCES:
        data[source.key] = [source.export(row) for row in findings.rows(source).order_by("pk")]
    record_access(by, AccessKind.SUBJECT_ACCESS, detail=_summary(findings))
    return data


def export_json(findings, *, by):
    return json.dumps(export(findings, by=by), ensure_ascii=False, indent=2).encode()


def export_pdf(findings, *, by):
    """The readable copy, in the language the person last used with us."""
    latest = findings.cases.last()
    with translation.override(latest.language if latest else settings.LANGUAGE_CODE):
        return render_document(
            "privacy/subject_access.html", {"data": export(findings, by=by), "title": _title()}
        )


def _title():
    return _("Personal data held by Huduma Portal")


def _summary(findings):
    counts = findings.counts()
    return ", ".join(f"{key}: {count}" for key, count in counts.items())


def erase(findings, *, by, mentions=(), own_words=False):
    """Erase the person's data everywhere; the cases keep their statistics. Returns counts."""
    counts = findings.counts()
    with transaction.atomic():
        for case in findings.cases:
            actions.erase_personal_data(
                case=case, by=by, mentions=mentions, own_words=own_words, expected_version=None
            )
        for source in SOURCES:
            if hasattr(source, "erase"):
                source.erase(findings.rows(source))
        record_access(by, AccessKind.ERASURE, detail=_summary(findings))
    return counts


def correct(findings, *, by, **values):
    """Correct the person's name, phone or e-mail on every case of theirs."""
    corrected = 0
    with transaction.atomic():
        for case in findings.cases:
            result = actions.correct_personal_data(case=case, by=by, **values)
            corrected += result.version != case.version
        record_access(by, AccessKind.CORRECTION, detail=f"cases: {corrected}")
    return corrected
