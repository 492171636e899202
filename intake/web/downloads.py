"""Evidence files for staff: a permission-checked download, never a public URL."""

import datetime
import mimetypes
import os
import re
import unicodedata

from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from cases.access_log import record_access
from cases.models import AccessKind, CaseAttachment, StaffAccess
from cases.policies import case_permission_policy

from .headers import mark_private
from .ranges import FileRange, Unsatisfiable, requested_range

MAX_NAME_LENGTH = 120
RANGE_LOG_WINDOW = datetime.timedelta(minutes=10)
_UNSAFE = re.compile(r'[\x00-\x1f\x7f"\\/:*?<>|;]+')


def download_name(attachment):
    """The uploader's file name, made harmless for a Content-Disposition header and a disk."""
    name = unicodedata.normalize("NFC", attachment.original_name or "")
    name = os.path.basename(name.replace("\\", "/"))
    name = _UNSAFE.sub("_", name).strip(" ._")
    if not name:
        extension = mimetypes.guess_extension(attachment.content_type) or ""
        name = f"evidence-{attachment.pk}{extension}"
    stem, extension = os.path.splitext(name)
    return stem[: MAX_NAME_LENGTH - len(extension)] + extension


@require_safe
def download_evidence(request, pk):
    """The file as a download; with ``?play=1`` a recording is served for the case view's
    audio player instead (inline). Both answer byte ranges, so a player can seek, and HEAD
    (the headers only: gunicorn sends no body, and nothing is read, so nothing is logged)."""
    user = request.user
    # Anyone else gets the same 404 as for a file that does not exist.
    if not (user.is_authenticated and user.is_active and user.is_staff):
        raise Http404
    attachment = get_object_or_404(CaseAttachment.objects.select_related("case"), pk=pk)
    if not case_permission_policy.user_has_permission_for_instance(user, "view", attachment.case):
        raise Http404
    playing = request.GET.get("play") == "1" and attachment.content_type.startswith("audio/")
    etag = f'"{attachment.pk}-{attachment.size}-{attachment.uploaded_at.timestamp():.0f}"'
    try:
        wanted = _wanted_range(request, attachment.size, etag)
    except Unsatisfiable:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{attachment.size}"
        return _evidence_headers(response, etag)
    detail = f"{attachment.content_type}, played" if playing else attachment.content_type
    heard = request.method == "GET"
    if wanted is None:
        if heard:
            record_access(user, AccessKind.EVIDENCE, case=attachment.case, detail=detail)
        response = FileResponse(
            attachment.file.open("rb"),
            as_attachment=not playing,
            filename=download_name(attachment),
            content_type=attachment.content_type,
        )
        return _evidence_headers(response, etag)
    if heard:
        _record_once(user, attachment, detail)
    first, last = wanted
    response = StreamingHttpResponse(
        FileRange(attachment.file.open("rb"), first, last),
        status=206,
        content_type=attachment.content_type,
    )
    response["Content-Range"] = f"bytes {first}-{last}/{attachment.size}"
    response["Content-Length"] = str(last - first + 1)
    disposition = "inline" if playing else "attachment"
    response["Content-Disposition"] = content_disposition_header(
        disposition == "attachment", download_name(attachment)
    )
    return _evidence_headers(response, etag)


def _wanted_range(request, size, etag):
    header = request.headers.get("Range")
    if not header:
        return None
    if_range = request.headers.get("If-Range")
    # Only our strong ETag matches: no Last-Modified is sent, so a date never does.
    if if_range is not None and if_range.strip() != etag:
        return None  # the file changed since the client's part: send all of it
    return requested_range(header, size)


def _record_once(user, attachment, detail):
    """A player asks for many ranges of one recording while it plays and seeks: one listening
    is one entry in the access log (per user, file and ``RANGE_LOG_WINDOW``)."""
    since = timezone.now() - RANGE_LOG_WINDOW
    recent = StaffAccess.objects.filter(
        user=user, case=attachment.case, kind=AccessKind.EVIDENCE, detail=detail, at__gte=since
    )
    if not recent.exists():
        record_access(user, AccessKind.EVIDENCE, case=attachment.case, detail=detail)


def _evidence_headers(response, etag):
    response["Accept-Ranges"] = "bytes"
    response["ETag"] = etag
    response["X-Content-Type-Options"] = "nosniff"
    # Should a browser show it anyway, it runs no script and loads nothing.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return mark_private(response)
