import datetime
from io import StringIO

from django.core.management import CommandError, call_command
from django.test import TestCase
from django.utils import timezone

from intake.models import InboundSMS, UssdSession, VoiceCall


class PruneGatewayRecordsTests(TestCase):
    def test_old_records_go_and_recent_ones_stay(self):
        old = timezone.now() - datetime.timedelta(days=120)
        InboundSMS.objects.create(gateway_id="old", sender="+254712345678", received_at=old)
        InboundSMS.objects.create(gateway_id="new", sender="+254712345678")
        stale = UssdSession.objects.create(session_id="old-session", phone_number="+254712345678")
        UssdSession.objects.filter(pk=stale.pk).update(updated_at=old)
        UssdSession.objects.create(session_id="new-session", phone_number="+254712345678")
        old_call = VoiceCall.objects.create(session_id="old-call", caller_number="+254712345678")
        VoiceCall.objects.filter(pk=old_call.pk).update(updated_at=old)
        VoiceCall.objects.create(session_id="new-call", caller_number="+254712345678")

        out = StringIO()
        call_command("prune_gateway_records", "--days", "90", stdout=out)

        self.assertEqual(list(InboundSMS.objects.values_list("gateway_id", flat=True)), ["new"])
        self.assertEqual(
            list(UssdSession.objects.values_list("session_id", flat=True)), ["new-session"]
        )
        self.assertEqual(list(VoiceCall.objects.values_list("session_id", flat=True)), ["new-call"])
        self.assertIn(
            "Deleted 1 inbound SMS records, 1 USSD sessions and 1 voice calls", out.getvalue()
        )

    def test_too_short_a_period_is_refused(self):
        with self.assertRaises(CommandError):
            call_command("prune_gateway_records", "--days", "1")
