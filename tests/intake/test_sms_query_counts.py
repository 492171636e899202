"""What one Africa's Talking SMS costs the database, held to today's count.

The callback itself (the web process) writes only the log row and queues its processing;
the worker then opens the case, its first timeline entry and the acknowledgement. A change
that adds a query to either shows here first.
"""

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from cases.models import Case
from intake.gateways.sms import process_sms
from intake.models import InboundSMS
from notify.models import OutboundMessage
from tests.factories import AuthorityFactory

SMS_URL = "/channels/africastalking/sms/test-callback-secret/"
# The tests run inside a transaction, so atomic blocks show as savepoints: not round trips
# a worker's own transaction would add, and not what these tests are about.
TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")


def statements(captured):
    return [query["sql"] for query in captured if not query["sql"].startswith(TRANSACTION_CONTROL)]


def post_sms(client, gateway_id, text="Hakuna maji Kisumu kwa wiki mbili"):
    return client.post(SMS_URL, {"from": "+254712345678", "text": text, "id": gateway_id})


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
class SmsQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        AuthorityFactory(
            name="Kisumu Water", sectors=["water"], counties=["Kisumu"], response_days=10
        )

    def setUp(self):
        # The first message of a process fills caches (content types, the year's counter).
        post_sms(self.client, "ATXid_warm")
        process_sms(InboundSMS.objects.get(gateway_id="ATXid_warm").pk)

    def test_the_callback_writes_the_log_row_and_nothing_else(self):
        with CaptureQueriesContext(connection) as queries:
            response = post_sms(self.client, "ATXid_counted")
        self.assertEqual(response.status_code, 200)
        # The queued task is the backend's own row (one INSERT with the database backend).
        self.assertEqual(len(statements(queries)), 1, statements(queries))
        self.assertTrue(statements(queries)[0].startswith('INSERT INTO "intake_inboundsms"'))

    def test_processing_a_new_report_stays_within_its_queries(self):
        post_sms(self.client, "ATXid_counted")
        inbound = InboundSMS.objects.get(gateway_id="ATXid_counted")
        with (
            CaptureQueriesContext(connection) as queries,
            self.captureOnCommitCallbacks(execute=True),
        ):
            process_sms(inbound.pk)
        inbound.refresh_from_db()
        self.assertEqual(inbound.outcome, "case_created")
        self.assertEqual(Case.objects.count(), 2)
        self.assertEqual(OutboundMessage.objects.filter(case=inbound.case).count(), 1)
        # Read and lock the row, sectors, counties; the reference (2); the case, its entry;
        # the message template, the outbox (get or create: 2), whether notify acknowledged
        # it; the row's outcome. The entry's case and content type are not looked up again.
        self.assertLessEqual(len(statements(queries)), 12, "\n".join(statements(queries)))
        self.assertFalse(
            [sql for sql in statements(queries) if 'FROM "django_content_type"' in sql],
        )
