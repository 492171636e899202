"""Send every queued message that is due; run every minute or few (cron, systemd timer)."""

from collections import Counter

from django.core.management.base import BaseCommand
from django.utils import timezone

from notify.models import OutboundMessage
from notify.sending import send_message, stuck_messages


class Command(BaseCommand):
    help = "Sends the queued outbound messages that are due, with back-off after failures."

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit", type=int, default=500, help="Most messages to send in one run."
        )

    def handle(self, *args, limit, **options):
        now = timezone.now()
        due = list(OutboundMessage.objects.due(now).values_list("pk", flat=True)[:limit])
        outcomes = Counter()
        for message_id in due:
            # Each send takes its own time: a long run must not date its attempts back.
            message = send_message(message_id)
            if message is not None:
                outcomes[message.status] += 1
        self.stdout.write(
            f"Due: {len(due)}. Sent: {outcomes['sent']}. "
            f"To retry later: {outcomes['queued']}. Failed: {outcomes['failed']}. "
            f"Outcome unknown: {outcomes['sending']}."
        )
        stuck = list(stuck_messages())
        if stuck:
            self.stderr.write(
                self.style.WARNING(
                    f"{len(stuck)} message(s) stuck in 'sending' (not resent automatically; "
                    "check with the gateway, then retry or leave them):"
                )
            )
            for message in stuck:
                self.stderr.write(
                    f"  #{message.pk} {message.channel} to {message.recipient}, "
                    f"since {message.last_attempt_at:%Y-%m-%d %H:%M}: {message.last_error}"
                )
