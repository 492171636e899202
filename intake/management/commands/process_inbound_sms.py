"""``manage.py process_inbound_sms``: act on logged SMS that no worker processed (run every
minute beside ``send_outbox``; normally there are none)."""

import datetime

from django.core.management.base import BaseCommand

from intake.gateways.sms import process_sms, unprocessed

# A worker usually acts within a second; leave it that long before stepping in.
GRACE = datetime.timedelta(minutes=1)


class Command(BaseCommand):
    help = "Act on inbound SMS that were logged but not yet processed."

    def handle(self, *args, **options):
        count = 0
        for inbound_id in unprocessed(GRACE).values_list("pk", flat=True)[:1000]:
            process_sms(inbound_id)
            count += 1
        self.stdout.write(f"Processed {count} inbound SMS.")
