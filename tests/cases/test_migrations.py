"""Migration 0009: generated sentences leave the timeline's text for its values."""

import importlib

from django.apps import apps
from django.test import TestCase
from django.utils import translation

from cases.models import CaseLogEntry
from tests.factories import make_case

timeline_as_data = importlib.import_module("cases.migrations.0009_timeline_text_as_data")


class TimelineTextAsDataTests(TestCase):
    def old_entry(self, case, action, text, **data):
        entry = CaseLogEntry.objects.for_case(case).first()
        entry.pk = None
        entry.action, entry.text, entry.data = action, text, {**data, "version": 1}
        entry.save()
        return entry

    def test_old_entries_in_either_language_render_in_the_readers(self):
        case = make_case()
        created = self.old_entry(
            case, "cases.create", "Limepokelewa kupitia Tovuti.", channel="web"
        )
        forwarded = self.old_entry(case, "cases.forward", "Limetumwa kwa Maji.", authority="Maji")
        noted = self.old_entry(case, "cases.forward", "Please hurry.", authority="Maji")
        assigned = self.old_entry(case, "cases.assign", "Assigned to Wanjiru Kamau.", assignee=3)
        withdrawn = self.old_entry(
            case,
            "cases.withdraw",
            "Limeondolewa: Mwananchi, kwenye ukurasa wa kufuatilia",
            requested_by="Mwananchi, kwenye ukurasa wa kufuatilia",
        )
        timeline_as_data.forwards(apps, None)

        for entry in (created, forwarded, noted, assigned, withdrawn):
            entry.refresh_from_db()
        with translation.override("en"):
            self.assertEqual((created.text, created.message), ("", "Received through Web."))
            self.assertEqual((forwarded.text, forwarded.message), ("", "Forwarded to Maji."))
            self.assertEqual(noted.text, "Please hurry.")  # a person's words stay
            self.assertEqual(assigned.message, "Assigned to Wanjiru Kamau.")
            self.assertEqual(withdrawn.message, "Withdrawn by the citizen")
