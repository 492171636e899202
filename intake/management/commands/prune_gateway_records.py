"""Delete old raw gateway records: they hold phone numbers and message texts that the cases
themselves keep where needed (Data Protection Act, 2019: keep personal data no longer than
necessary)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from intake.models import InboundSMS, UssdSession, VoiceCall

# Gateways retry within minutes and USSD sessions last seconds: a month is plenty for
# de-duplication and for checking what a citizen sent.
DEFAULT_DAYS = 90


class Command(BaseCommand):
    help = (
        "Delete inbound SMS records, USSD sessions and voice calls older than --days (default 90)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=DEFAULT_DAYS)

    def handle(self, *args, days, **options):
        if days < 7:
            raise CommandError("--days must be at least 7, so gateway retries stay recognised.")
        cutoff = timezone.now() - datetime.timedelta(days=days)
        sms_count, _ = InboundSMS.objects.filter(received_at__lt=cutoff).delete()
        ussd_count, _ = UssdSession.objects.filter(updated_at__lt=cutoff).delete()
        voice_count, _ = VoiceCall.objects.filter(updated_at__lt=cutoff).delete()
        self.stdout.write(
            f"Deleted {sms_count} inbound SMS records, {ussd_count} USSD sessions and "
            f"{voice_count} voice calls older than {days} days."
        )
