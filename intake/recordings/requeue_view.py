"""The "Fetch again" button on a refused recording in the case view: for staff who may write
on the case's timeline, and only once the recording's address is allowed (the operator fixed
``AFRICASTALKING_RECORDING_URL_PREFIXES``), as ``retry_recording_downloads --refused`` does."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases.operations import AddNote
from cases.workbench.views import get_case_for

from ..models import RecordingDownload
from .downloading import requeue_refused


def may_requeue(user, case):
    # Queueing it again writes an internal note in the user's name.
    return AddNote.allowed(user, case)


@require_POST
def fetch_again(request, pk):
    download = get_object_or_404(RecordingDownload, pk=pk)
    case = get_case_for(request.user, download.case_id)  # 404 outside the user's counties
    download.case = case
    if not may_requeue(request.user, case):
        messages.error(request, _("You may not do this to this case."))
    elif requeue_refused(download, by=request.user):
        messages.success(request, _("The recording is queued to be fetched again."))
    else:
        messages.error(
            request,
            _(
                "The recording cannot be fetched again: its address is still not allowed, or it "
                "changed meanwhile."
            ),
        )
    return redirect("cases:inspect", case.pk)
