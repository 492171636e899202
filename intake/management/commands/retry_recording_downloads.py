"""``manage.py retry_recording_downloads``: fetch the voice recordings that are due again
after a failure (or that no worker fetched); run every few minutes beside ``send_outbox``."""

from collections import Counter

from django.core.management.base import BaseCommand
from django.utils import timezone

from intake.models import RecordingDownload
from intake.recordings import run_download


class Command(BaseCommand):
    help = "Fetches the voice recordings that are due, with back-off after failures."

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit", type=int, default=100, help="Most recordings to fetch in one run."
        )

    def handle(self, *args, limit, **options):
        due = RecordingDownload.objects.due(timezone.now()).values_list("pk", flat=True)
        due = list(due[:limit])
        outcomes = Counter()
        for download_id in due:
            download = run_download(download_id)
            if download is not None:
                outcomes[download.status] += 1
        self.stdout.write(
            f"Due: {len(due)}. Attached: {outcomes['done']}. "
            f"To retry later: {outcomes['pending']}. Refused: {outcomes['refused']}. "
            f"Failed: {outcomes['failed']}."
        )
