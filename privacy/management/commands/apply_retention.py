"""``manage.py apply_retention``: the retention schedule, run daily (cron or a systemd timer)."""

from django.core.management.base import BaseCommand

from privacy.retention import apply_retention


class Command(BaseCommand):
    help = (
        "Remove what the retention schedule (settings.RETENTION_DAYS) no longer allows to keep: "
        "personal data of long-closed cases, their evidence files, old messages, gateway "
        "records, task results, access and sign-in logs. Statistics stay."
    )

    def handle(self, *args, **options):
        done = apply_retention()
        self.stdout.write(self.style.SUCCESS(f"Retention applied: {done or 'nothing to do'}."))
