"""The public "Report a problem" form and the receipt shown after it."""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from cases.actions import create_case
from cases.models import Channel
from cases.rules import Actor
from intake.evidence import atomic_with_evidence, store_evidence
from intake.ratelimit import client_address, report_limit
from notify.case_messages import tracking_access_period
from refdata.models import Sector

from .forms import HONEYPOT_FIELD, ReportForm, initial_from_post
from .headers import private_page

logger = logging.getLogger(__name__)

# The reference and access code, kept in the session between the POST and the receipt page
# (so neither appears in a URL) and removed when the receipt is shown.
RECEIPT_SESSION_KEY = "intake:report-receipt"

TOO_MANY_REQUESTS = 429


def page_language():
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def add_action_errors(form, error):
    """Put the errors an action raised next to the form's fields where they have one."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


def _form_page(request, form, *, status=200, rate_limited=False):
    context = {
        "form": form,
        "honeypot_field": HONEYPOT_FIELD,
        # Browsers never send files back: when the form comes back, they must be chosen again.
        "files_dropped": bool(request.FILES),
        "rate_limited": rate_limited,
    }
    response = render(request, "intake/report_form.html", context, status=status)
    if rate_limited:
        response["Retry-After"] = str(report_limit(request).window)
    return response


def _too_many_reports(request):
    # An unbound form showing what was typed: nothing is checked or stored for a refused report.
    form = ReportForm(initial=initial_from_post(ReportForm, request.POST))
    return _form_page(request, form, status=TOO_MANY_REQUESTS, rate_limited=True)


def _save_report(data):
    """The case and its evidence, all or nothing."""
    with atomic_with_evidence() as written:
        case = create_case(
            by=Actor.citizen(),
            channel=Channel.WEB,
            description=data["description"],
            sector=data["sector"],
            county=data["county"],
            location=data["location"],
            complainant_name=data["complainant_name"],
            complainant_phone=data["complainant_phone"],
            complainant_email=data["complainant_email"],
            consent_to_contact=data["consent_to_contact"],
            consent_to_share_identity=data["consent_to_share_identity"],
            consent_to_publish=data["consent_to_publish"],
            language=page_language(),
        )
        store_evidence(case=case, evidence=data["evidence"], written=written)
    return case


@never_cache
@require_http_methods(["GET", "POST"])
def report_problem(request):
    if request.method == "GET":
        # Links from a right's page name its sector: /report/?sector=water
        slug = request.GET.get("sector", "")[:40]
        known = Sector.objects.active().filter(slug=slug).exists() if slug else False
        form = ReportForm(initial={"sector": slug} if known else {})
        return _form_page(request, form)

    if request.POST.get(HONEYPOT_FIELD, "").strip():
        # Only a robot fills a field nobody can see. It gets the receipt page without a
        # receipt, as if all went well, so it learns nothing; nothing is stored.
        logger.info("Report form: honeypot filled by %s; ignored.", client_address(request))
        return redirect("report_received")

    limit = report_limit(request)
    if limit.exceeded():
        return _too_many_reports(request)
    form = ReportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _form_page(request, form)
    # Counted only when a report is about to be stored: mistakes in the form cost nothing.
    if not limit.hit():
        return _too_many_reports(request)
    try:
        case = _save_report(form.cleaned_data)
    except ValidationError as error:
        add_action_errors(form, error)
        return _form_page(request, form)

    request.session[RECEIPT_SESSION_KEY] = {
        "reference": case.reference,
        "access_code": case.access_code,
        "tracking_token": case.tracking_token,
    }
    return redirect("report_received")


@private_page
@require_GET
def report_received(request):
    receipt = request.session.pop(RECEIPT_SESSION_KEY, None)
    tracking_url = ""
    if receipt:
        path = reverse("track_case", kwargs={"token": receipt["tracking_token"]})
        tracking_url = f"{settings.BASE_URL}{path}"
    return render(
        request,
        "intake/report_received.html",
        {
            "receipt": receipt,
            "tracking_url": tracking_url,
            "tracking_access": tracking_access_period(),
        },
    )
