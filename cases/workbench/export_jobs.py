"""Exports made in the background: asking for one, following it, downloading it.

The listing's PDF report is always made this way, and a CSV or XLSX export of more than
``EXPORT_INLINE_MAX_ROWS`` cases too: the request answers at once, a task makes the file,
and the case worker follows it under *Cases → Downloads* (the menu says when one is ready).
Files stay private (the evidence storage), for ``EXPORT_KEEP_HOURS``, and only the person who
asked, or a supervisor, may download them.
"""

import datetime
from functools import partial

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..access_log import record_access
from ..models import AccessKind, ExportJob, ExportKind, ExportStatus
from ..policies import case_permission_policy
from ..tasks import make_export
from .exporting import filtered_cases

DOWNLOAD_ANY = "cases.download_any_exportjob"


def keep_for():
    return datetime.timedelta(hours=getattr(settings, "EXPORT_KEEP_HOURS", 24))


def inline_limit():
    return getattr(settings, "EXPORT_INLINE_MAX_ROWS", 1000)


def start_export(user, kind, query):
    """Ask for an export of the listing filtered by ``query``; returns the job."""
    cases, description = filtered_cases(user, query)
    job = ExportJob.objects.create(
        owner=user,
        kind=kind,
        query=query[:2000],
        description=description[:500],
        rows=cases.count(),
        expires_at=timezone.now() + keep_for(),
    )
    record_access(user, AccessKind.EXPORT, detail=f"{job.get_kind_display()}: {description}")
    transaction.on_commit(partial(make_export.enqueue, job.pk))
    return job


def _require_case_access(user):
    if not case_permission_policy.user_has_permission(user, "view"):
        raise PermissionDenied


@require_http_methods(["GET", "POST"])
def listing_report(request):
    """GET: how many cases the report will hold; POST: make it."""
    _require_case_access(request.user)
    query = request.GET.urlencode()
    if request.method == "POST":
        start_export(request.user, ExportKind.LISTING_PDF, query)
        messages.success(request, _("Your PDF report is being made. It appears here when ready."))
        return redirect("cases:downloads")
    cases, description = filtered_cases(request.user, query)
    context = {"count": cases.count(), "description": description, "query": query}
    return TemplateResponse(request, "cases/admin/listing_report_confirm.html", context)


def spreadsheet_in_background(request, count):
    """For the listing: a large export becomes a job (the listing then redirects here)."""
    query = request.GET.copy()
    kind = query.pop("export", [ExportKind.CSV])[-1]
    start_export(request.user, kind, query.urlencode())
    messages.success(
        request,
        _("%(count)s cases are too many to export at once: the file is being made.")
        % {"count": f"{count:,}"},
    )
    return redirect("cases:downloads")


def visible_jobs(user):
    jobs = ExportJob.objects.filter(expires_at__gt=timezone.now())
    return jobs if user.has_perm(DOWNLOAD_ANY) else jobs.filter(owner=user)


def downloads(request):
    _require_case_access(request.user)
    jobs = visible_jobs(request.user).select_related("owner")[:50]
    waiting = any(job.status in (ExportStatus.QUEUED, ExportStatus.RUNNING) for job in jobs)
    context = {"jobs": jobs, "waiting": waiting, "keep_hours": keep_for().total_seconds() // 3600}
    return TemplateResponse(request, "cases/admin/downloads.html", context)


def download(request, pk):
    _require_case_access(request.user)
    job = get_object_or_404(visible_jobs(request.user), pk=pk)
    if job.status != ExportStatus.READY or not job.file:
        raise Http404
    record_access(request.user, AccessKind.EXPORT, detail=f"download of export {job.pk}")
    if job.owner_id == request.user.pk and job.downloaded_at is None:
        ExportJob.objects.filter(pk=job.pk).update(downloaded_at=timezone.now())
    content_type = {
        ExportKind.LISTING_PDF: "application/pdf",
        ExportKind.CSV: "text/csv; charset=utf-8",
        ExportKind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }[job.kind]
    response = FileResponse(
        job.file.open("rb"), as_attachment=True, filename=job.filename, content_type=content_type
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def ready_count(user):
    """Exports ready and not downloaded yet, for the menu."""
    return ExportJob.objects.filter(
        owner=user,
        status=ExportStatus.READY,
        downloaded_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).count()


def delete_expired(now=None):
    """Delete expired exports and their files; returns how many (for the retention job)."""
    expired = ExportJob.objects.filter(expires_at__lte=now or timezone.now())
    count = 0
    for job in expired.iterator():
        if job.file:
            job.file.delete(save=False)
        job.delete()
        count += 1
    return count
