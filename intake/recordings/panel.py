"""The recording's download on the case view in the workbench: waiting, being retried (and
why), refused or given up. Registered with the ``case_inspect_panels`` hook."""

from django.conf import settings
from django.template.loader import render_to_string

from ..models import RecordingDownload, RecordingStatus


def recording_panel(request, case):
    downloads = list(
        RecordingDownload.objects.filter(case=case)
        .exclude(status=RecordingStatus.DONE)
        .order_by("created_at", "pk")
    )
    if not downloads:
        return None
    return render_to_string(
        "intake/admin/recording_downloads.html",
        {
            "downloads": downloads,
            "max_attempts": settings.RECORDING_DOWNLOAD_MAX_ATTEMPTS,
            "PENDING": RecordingStatus.PENDING,
        },
        request=request,
    )
