"""The recording's download on the case view in the workbench: waiting, being retried (and
why), refused or given up, with "Fetch again" on a refusal whose address is now allowed.
Registered with the ``case_inspect_panels`` hook."""

from django.conf import settings
from django.template.loader import render_to_string

from ..models import RecordingDownload, RecordingStatus
from .downloading import may_be_requeued
from .requeue_view import may_requeue


def recording_panel(request, case):
    downloads = list(
        RecordingDownload.objects.filter(case=case)
        .exclude(status=RecordingStatus.DONE)
        .order_by("created_at", "pk")
    )
    if not downloads:
        return None
    user_may_requeue = may_requeue(request.user, case)
    for download in downloads:
        download.case = case
        download.can_fetch_again = user_may_requeue and may_be_requeued(download)
    return render_to_string(
        "intake/admin/recording_downloads.html",
        {
            "downloads": downloads,
            "max_attempts": settings.RECORDING_DOWNLOAD_MAX_ATTEMPTS,
            "PENDING": RecordingStatus.PENDING,
        },
        request=request,
    )
