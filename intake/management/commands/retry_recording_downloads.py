"""``manage.py retry_recording_downloads``: fetch the voice recordings that are due again
after a failure (or that no worker fetched); run every few minutes beside ``send_outbox``.

``--refused``, run by hand after fixing ``DJANGO_AFRICASTALKING_RECORDING_URL_PREFIXES``,
queues again the refused recordings whose address the list now allows, and leaves the rest."""

from collections import Counter

from django.core.management.base import BaseCommand
from django.utils import timezone

from intake.models import RecordingDownload, RecordingStatus
from intake.recordings import requeue_refused, run_download


class Command(BaseCommand):
    help = (
        "Fetches the voice recordings that are due, with back-off after failures; with "
        "--refused, queues again the refused ones whose address is now allowed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit", type=int, default=100, help="Most recordings to fetch in one run."
        )
        parser.add_argument(
            "--refused",
            action="store_true",
            help=(
                "Instead of fetching, queue again each refused recording whose address passes "
                "the current allowed prefixes (after fixing them); the others stay refused."
            ),
        )

    def handle(self, *args, limit, refused, **options):
        if refused:
            self.requeue_refused()
            return
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

    def requeue_refused(self):
        downloads = (
            RecordingDownload.objects.filter(status=RecordingStatus.REFUSED)
            .select_related("case")
            .order_by("created_at", "pk")
        )
        found = requeued = 0
        for download in list(downloads):  # few, and each is changed as we go
            found += 1
            requeued += requeue_refused(download)
        self.stdout.write(
            f"Refused: {found}. Queued again: {requeued}. Still refused: {found - requeued}."
        )
