"""PDF downloads from the workbench: a case summary (internal or citizen copy) and a listing
report for the current filter."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import pdf
from ..access_log import record_access
from ..models import AccessKind
from ..policies import case_permission_policy
from .filters import CaseFilterSet
from .views import get_case_for

LISTING_REPORT_MAX_ROWS = 1000


def pdf_response(content, filename):
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def case_summary_pdf(request, pk):
    case = get_case_for(request.user, pk)
    record_access(request.user, AccessKind.PDF, case=case, detail="internal summary")
    return pdf_response(
        pdf.render_case_summary(case, variant="internal"), f"{case.reference}-summary.pdf"
    )


def citizen_copy_pdf(request, pk):
    case = get_case_for(request.user, pk)
    record_access(request.user, AccessKind.PDF, case=case, detail="citizen copy")
    return pdf_response(
        pdf.render_case_summary(case, variant="citizen"), f"{case.reference}-citizen-copy.pdf"
    )


def listing_report_pdf(request):
    if not case_permission_policy.user_has_permission(request.user, "view"):
        raise PermissionDenied
    cases = case_permission_policy.instances_user_has_permission_for(request.user, "view")
    filterset = CaseFilterSet(request.GET or None, queryset=cases, request=request)
    queryset = filterset.qs if filterset.is_bound and filterset.is_valid() else cases
    description = "; ".join(
        f"{filterset.filters[name].label}: {value}"
        for name, value in (filterset.form.cleaned_data.items() if filterset.is_bound else [])
        if value not in (None, "", [], ())
    )
    record_access(request.user, AccessKind.EXPORT, detail=f"listing report PDF: {description}")
    content = pdf.render_listing_report(
        queryset.for_listing().order_by("-received_at"),
        title=_("Case listing report"),
        filter_description=description,
        max_rows=LISTING_REPORT_MAX_ROWS,
    )
    return pdf_response(content, f"cases-report-{timezone.localdate():%Y-%m-%d}.pdf")
