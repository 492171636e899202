"""PDF downloads from the workbench: a case summary (internal or citizen copy). The listing
report is made in the background (export_jobs.py)."""

from django.http import HttpResponse

from .. import pdf
from ..access_log import record_access
from ..models import AccessKind
from .views import get_case_for


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
