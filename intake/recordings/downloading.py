"""A voice case's recording, from the gateway to the case: queued by the voice callback,
fetched by a background task, retried by ``retry_recording_downloads``.

Each try claims the row first with one conditional UPDATE (due, still pending), which also
pushes its next attempt ``LEASE`` ahead: two workers never fetch the same recording at once,
and a worker that dies mid-fetch leaves the row to be tried again after the lease. Nothing
is held locked while the gateway is asked. A failure is tried again with the outbox's
back-off (``notify.sending.backoff``) up to ``RECORDING_DOWNLOAD_MAX_ATTEMPTS``; a refusal (an
address outside the allow-list or a redirect out of it, a body that is not a recording, one
over the size limit) is final. The first problem writes one internal note on the case.

A refusal is final until an operator fixes the allow-list: ``requeue_refused`` (run by
``retry_recording_downloads --refused``) then queues again, as if new, each refused download
whose address passes the current list, with an internal note saying so.
"""

import datetime
import logging
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from cases.actions import add_attachment, add_note
from cases.models import TimelineVisibility
from cases.rules import Actor
from notify.sending import backoff

from ..evidence import AUDIO, atomic_with_evidence, check_evidence, max_bytes
from ..models import RecordingDownload, RecordingStatus
from .fetching import FetchFailed, Refused, allowed, fetch

logger = logging.getLogger(__name__)

SYSTEM = Actor.system("Voice recordings")
LEASE = datetime.timedelta(minutes=10)
MAX_ERROR_LENGTH = 500
EXTENSIONS = {
    "audio/mpeg": ".mp3",
    "audio/ogg": ".ogg",
    "audio/mp4": ".m4a",
    "audio/x-m4a": ".m4a",
    "audio/amr": ".amr",
    "audio/wav": ".wav",
    "audio/x-wav": ".wav",
}


def queue_recording_download(*, case, url):
    """Remember that ``case``'s recording is at ``url`` and fetch it in the background, after
    the current transaction commits (never during the gateway's request)."""
    url = (url or "").strip()[:2000]
    # A replayed callback queues nothing twice.
    download = RecordingDownload.objects.filter(case=case, url=url).first()
    if download is not None:
        return download
    download = RecordingDownload.objects.create(case=case, url=url)
    transaction.on_commit(partial(_enqueue, download.pk))
    return download


def _enqueue(download_id):
    from .tasks import fetch_recording_task  # the task module imports this one

    try:
        fetch_recording_task.enqueue(download_id)
    except Exception:
        # The row is pending and due: retry_recording_downloads picks it up.
        logger.exception("Could not queue the recording download %s", download_id)


def run_download(download_id, *, now=None):
    """Try to fetch one due recording and attach it; returns the row as it is afterwards
    (None if unknown). Call outside a transaction."""
    now = now or timezone.now()
    claimed = RecordingDownload.objects.filter(
        pk=download_id, status=RecordingStatus.PENDING, next_attempt_at__lte=now
    ).update(attempts=F("attempts") + 1, next_attempt_at=now + LEASE)
    download = RecordingDownload.objects.select_related("case").filter(pk=download_id).first()
    if not claimed or download is None:
        return download
    try:
        recording = _fetch_checked(download)
        _attach(download, recording)
    except Refused as refusal:
        _record_problem(download, refusal, final=True, now=now)
    except FetchFailed as failure:
        final = download.attempts >= settings.RECORDING_DOWNLOAD_MAX_ATTEMPTS
        _record_problem(download, failure, final=final, now=now)
    except Exception as error:
        logger.exception("Fetching the recording %s failed unexpectedly", download.pk)
        final = download.attempts >= settings.RECORDING_DOWNLOAD_MAX_ATTEMPTS
        _record_problem(download, error, final=final, now=now)
    download.refresh_from_db()
    return download


def _fetch_checked(download):
    """The recording, fetched and checked by its content like a web upload (and without its
    metadata), as an ``intake.evidence.Evidence``."""
    if download.case.personal_data_erased_at is not None:
        raise Refused("The complainant's personal data was erased from the case.")
    if not download.url:
        raise Refused("The gateway sent no recording address.")
    body = fetch(
        download.url,
        prefixes=settings.AFRICASTALKING_RECORDING_URL_PREFIXES,
        timeout=settings.RECORDING_DOWNLOAD_TIMEOUT,
        max_bytes=max_bytes(AUDIO),
    )
    try:
        body.name = f"voice-{download.case.reference}"
        try:
            evidence = check_evidence(body)
        except ValidationError as error:
            raise Refused(f"Not a usable recording: {' '.join(error.messages)}") from error
        if evidence.kind != AUDIO:
            raise Refused(f"Not a recording: the content is {evidence.content_type}.")
        return evidence
    finally:
        body.close()


def _attach(download, evidence):
    name = f"voice-{download.case.reference}{EXTENSIONS.get(evidence.content_type, '')}"
    with atomic_with_evidence() as written:
        attachment = add_attachment(
            case=download.case,
            file=evidence.file,
            content_type=evidence.content_type,
            by=SYSTEM,
            original_name=name,
            visibility=TimelineVisibility.INTERNAL,
        )
        written.append(attachment)
        RecordingDownload.objects.filter(pk=download.pk).update(
            status=RecordingStatus.DONE,
            attachment=attachment,
            last_error="",
            finished_at=timezone.now(),
        )


def _record_problem(download, error, *, final, now):
    reason = (str(error) or type(error).__name__)[:MAX_ERROR_LENGTH]
    if final:
        status = RecordingStatus.REFUSED if isinstance(error, Refused) else RecordingStatus.FAILED
        changes = {"status": status, "finished_at": now}
        logger.warning("Recording download %s %s: %s", download.pk, status, reason)
    else:
        changes = {"next_attempt_at": now + backoff(download.attempts)}
    with transaction.atomic():
        RecordingDownload.objects.filter(pk=download.pk).update(last_error=reason, **changes)
        first_problem = RecordingDownload.objects.filter(
            pk=download.pk, noted_at__isnull=True
        ).update(noted_at=now)
        if first_problem:
            add_note(case=download.case, text=_note_text(reason, final=final), by=SYSTEM)


def may_be_requeued(download):
    """Whether a refused download would be fetched now: its address passes the current
    allow-list and the case still has its personal data."""
    return (
        download.status == RecordingStatus.REFUSED
        and download.case.personal_data_erased_at is None
        and allowed(download.url, settings.AFRICASTALKING_RECORDING_URL_PREFIXES)
    )


def requeue_refused(download, *, by=SYSTEM, now=None):
    """Queue a refused download again, with fresh tries, when its address is now allowed;
    returns whether it was. Fetched after commit, like a new one; a new problem writes a new
    note."""
    if not may_be_requeued(download):
        return False
    now = now or timezone.now()
    with transaction.atomic():
        requeued = RecordingDownload.objects.filter(
            pk=download.pk, status=RecordingStatus.REFUSED
        ).update(
            status=RecordingStatus.PENDING,
            attempts=0,
            next_attempt_at=now,
            last_error="",
            finished_at=None,
            noted_at=None,
        )
        if not requeued:
            return False  # another run re-queued it meanwhile
        add_note(
            case=download.case,
            text=(
                "The voice recording that was refused is tried again: its address is now one "
                f"of the allowed recording addresses. (It was refused: {download.last_error})"
            ),
            by=by,
        )
        transaction.on_commit(partial(_enqueue, download.pk))
    return True


def _note_text(reason, *, final):
    # Stored timeline text, read by staff (the admin is in English).
    if final:
        return (
            f"The voice recording could not be attached: {reason} "
            "It will not be tried again; the case stays open without it."
        )
    return (
        f"The voice recording could not be fetched yet: {reason} "
        "It is tried again automatically; the case stays open meanwhile."
    )
