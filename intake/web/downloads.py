"""Evidence files for staff: a permission-checked download, never a public URL."""

import mimetypes
import os
import re
import unicodedata

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from cases.access_log import record_access
from cases.models import AccessKind, CaseAttachment
from cases.policies import case_permission_policy

from .headers import mark_private

MAX_NAME_LENGTH = 120
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


@require_GET
def download_evidence(request, pk):
    user = request.user
    # Anyone else gets the same 404 as for a file that does not exist.
    if not (user.is_authenticated and user.is_active and user.is_staff):
        raise Http404
    attachment = get_object_or_404(CaseAttachment.objects.select_related("case"), pk=pk)
    if not case_permission_policy.user_has_permission_for_instance(user, "view", attachment.case):
        raise Http404
    record_access(user, AccessKind.EVIDENCE, case=attachment.case, detail=attachment.content_type)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=download_name(attachment),
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Should a browser show it anyway, it runs no script and loads nothing.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return mark_private(response)
