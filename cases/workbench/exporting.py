"""Making a case export in the background: the listing's PDF report, or its CSV or XLSX
export when the listing is large. The file goes to the private storage, for its owner (or a
supervisor) to download until it expires."""

import logging
from urllib.parse import urlencode

from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models import F
from django.db.models.functions import Least
from django.http import QueryDict
from django.test import RequestFactory  # builds the listing's request outside a request
from django.urls import resolve, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .. import pdf
from ..models import ExportJob, ExportKind, ExportStatus
from ..policies import case_permission_policy
from .filters import CaseFilterSet

logger = logging.getLogger(__name__)

LISTING_REPORT_MAX_ROWS = 1000
PROGRESS_EVERY = 500  # rows between two progress updates of a spreadsheet


def staff_request(user, query=""):
    """A request as the listing would get it from ``user``, for work done outside one."""
    request = RequestFactory().get(reverse("cases:index"), QueryDict(query))
    request.user = user
    request.in_background = True
    return request


def filtered_cases(user, query):
    """The cases the listing shows ``user`` for the filter ``query``, and the filter in words."""
    cases = case_permission_policy.instances_user_has_permission_for(user, "view")
    data = QueryDict(query)
    filterset = CaseFilterSet(data or None, queryset=cases, request=staff_request(user, query))
    if not (filterset.is_bound and filterset.is_valid()):
        return cases, ""
    description = "; ".join(
        f"{filterset.filters[name].label}: {value}"
        for name, value in filterset.form.cleaned_data.items()
        if value not in (None, "", [], ())
    )
    return filterset.qs, description


def render(job):
    """Make the job's file; the job records how it went."""
    claimed = ExportJob.objects.filter(pk=job.pk, status=ExportStatus.QUEUED).update(
        status=ExportStatus.RUNNING
    )
    if not claimed:
        return  # another worker took it, or it is done
    job.refresh_from_db()
    try:
        with translation.override(settings.LANGUAGE_CODE):
            content = _listing_pdf(job) if job.kind == ExportKind.LISTING_PDF else _sheet(job)
        job.file.save(job.filename, ContentFile(content), save=False)
        job.status = ExportStatus.READY
    except Exception as error:
        logger.exception("Export %s failed", job.pk)
        job.status = ExportStatus.FAILED
        job.error = f"{type(error).__name__}: {error}"[:500]
    job.finished_at = timezone.now()
    job.save(update_fields=["file", "status", "error", "finished_at"])


def _listing_pdf(job):
    queryset, _description = filtered_cases(job.owner, job.query)
    return pdf.render_listing_report(
        queryset.for_listing().order_by("-received_at"),
        title=_("Case listing report"),
        filter_description=job.description,
        max_rows=LISTING_REPORT_MAX_ROWS,
    )


def _sheet(job):
    """The listing's own export (its columns and formula guard) of the job's filter."""
    query = urlencode([*QueryDict(job.query).lists(), ("export", job.kind)], doseq=True)
    listing = resolve(reverse("cases:index")).func
    response = listing(staff_request(job.owner, query))
    if not response.streaming:
        return response.content
    chunks, rows = [], 0
    for chunk in response.streaming_content:
        chunks.append(chunk)
        rows += chunk.count(b"\n")
        if rows // PROGRESS_EVERY != (rows - chunk.count(b"\n")) // PROGRESS_EVERY:
            ExportJob.objects.filter(pk=job.pk).update(rows_done=Least(rows, F("rows")))
    return b"".join(chunks)
