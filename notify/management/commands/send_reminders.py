"""Remind authorities of late answers and tell supervisors about cases overdue twice; run
daily. Running it again the same day sends nothing twice."""

from django.core.management.base import BaseCommand

from notify.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Reminds authorities of overdue cases (by e-mail, or by SMS to an authority with a "
        "phone number and no e-mail) and e-mails supervisors about cases overdue twice."
    )

    def handle(self, *args, **options):
        counts = send_reminders()
        self.stdout.write(
            f"Authority reminders queued: {counts.authority_reminders}. "
            f"Supervisor alerts queued: {counts.supervisor_alerts}."
        )
