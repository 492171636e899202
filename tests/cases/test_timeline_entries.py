"""Writing a timeline entry: validated as Wagtail validates every log entry, without asking
the database again for the case and content type the operation already holds."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cases import actions
from cases.models import Case, CaseLogEntry
from tests.factories import case_worker, make_case


class TimelineEntryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.worker = case_worker()
        cls.case = make_case()

    def test_an_operations_entry_looks_up_neither_its_case_nor_its_content_type(self):
        with CaptureQueriesContext(connection) as queries:
            actions.add_note(case=self.case, text="Called the water office.", by=self.worker)
        lookups = [
            query["sql"]
            for query in queries
            if query["sql"].startswith("SELECT 1 AS")
            and ('FROM "cases_case"' in query["sql"] or "django_content_type" in query["sql"])
        ]
        self.assertEqual(lookups, [])
        self.assertEqual(self.case.timeline.last().text, "Called the water office.")

    def entry(self, **values):
        fields = {
            "content_type": ContentType.objects.get_for_model(Case),
            "label": self.case.reference,
            "action": "cases.note",
            "actor_kind": "staff",
            "timestamp": timezone.now(),
        }
        return CaseLogEntry(**{**fields, **values})

    def test_an_entry_without_a_saved_case_is_still_refused(self):
        with self.assertRaises(ValidationError) as refused:
            self.entry(case=Case(description="never saved")).save()
        self.assertEqual(list(refused.exception.message_dict), ["case"])

    def test_an_entry_for_a_case_given_by_a_missing_id_is_still_refused(self):
        with self.assertRaises(ValidationError) as refused:
            self.entry(case_id=self.case.pk + 1000).save()
        self.assertEqual(list(refused.exception.message_dict), ["case"])

    def test_an_unregistered_action_is_still_refused(self):
        with self.assertRaises(ValidationError) as refused:
            self.entry(case=self.case, action="cases.no_such_thing").save()
        self.assertEqual(list(refused.exception.message_dict), ["action"])
